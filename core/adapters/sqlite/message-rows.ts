import type { PolicySend } from '../../policy/policy-decision';
import {
  SENDING_POLICY_KEY,
  savedSendingPolicy,
  type SendingPolicy,
} from '../../policy/sending-policy';
import type { OutboxMessage } from '../../runtime/ports';
import type { Channel } from '../../runtime/step';
import type { EngineStatements } from './engine-statements';
import { suppressionEntry } from './suppressions';

/**
 * What a step writes and reads about messages in the engine's transaction: the outbox row it
 * enqueues, what was sent before (frequency caps, the sending policy), and the suppression list.
 */
export class MessageRows {
  /** The sending policy, read once per transaction (the app may change it between two). */
  private policy: SendingPolicy | undefined;

  constructor(
    private readonly sql: EngineStatements,
    private readonly now: () => number,
  ) {}

  add(message: OutboxMessage): void {
    this.sql.addMessage.run(
      message.key,
      message.journeyId,
      message.version,
      message.nodeId,
      message.enrollmentId,
      message.profileId,
      message.channel,
      message.to,
      message.at,
      JSON.stringify(message.content),
      message.at,
      message.transactional === true ? 1 : 0,
    );
  }

  sentCount(journeyId: string, profileId: string, since: number): number {
    return (this.sql.sentCount.get(journeyId, profileId, since) as { n: number }).n;
  }

  sendingPolicy(): SendingPolicy {
    this.policy ??= savedSendingPolicy(
      (this.sql.policy.get(SENDING_POLICY_KEY) as { value: string } | undefined)?.value,
    );
    return this.policy;
  }

  policySends(profileId: string, channel: Channel, since: number): readonly PolicySend[] {
    return this.sql.policySends.all(profileId, channel, since) as PolicySend[];
  }

  isSuppressed(channel: Channel, address: string): boolean {
    return this.sql.isSuppressed.get(suppressionEntry(channel, address)) !== undefined;
  }

  /** A complaint: the address is never messaged on this channel again. */
  suppress(channel: Channel, address: string): void {
    this.sql.suppress.run(suppressionEntry(channel, address), 'complaint', this.now());
  }

  /** Forgets the policy read: the next transaction reads it again. */
  clear(): void {
    this.policy = undefined;
  }
}
