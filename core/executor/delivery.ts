import type { OutboxMessageStatus } from '../api/execution-contract';
import { channelDefinition } from '../channels/registry';
import { consentBlock } from '../runtime/consent';
import type { Clock, OutboxMessage } from '../runtime/ports';
import type { Channel, SkipReason } from '../runtime/step';
import { DEFAULT_RETRY_POLICY, retryDelay, type RetryPolicy } from './retry-policy';

/**
 * A message in the outbox as it is stored: the message a step wrote, its row id, the attempts
 * made so far and where its delivery stands. Delivery reads it; the app lists it.
 */
export interface OutboxMessageRecord extends OutboxMessage {
  id: number;
  /** Attempts made so far. */
  attempts: number;
  status: OutboxMessageStatus;
  /** When the next attempt is due, while it is pending. */
  nextAttemptAt: number;
  lastError?: string;
  /** The transport of the last attempt. */
  transport?: string;
  finishedAt?: number;
}

/** What a transport made of one attempt. */
export type SendResult =
  | {
      ok: true;
      /** The server's reply, for the delivery log. */
      detail?: string;
      /** A copy to keep on this machine (the embedded outbox), written with the outcome. */
      stored?: string;
    }
  | {
      ok: false;
      /** True when trying again cannot help (an SMTP 5xx, a 4xx from a webhook). */
      permanent: boolean;
      /** The server's reply or the error, as shown in the dead-letter list. */
      detail: string;
    };

/** Hands a message to the world (or to the embedded outbox). Never rejects for a failed send. */
export interface Transport {
  readonly name: string;
  send(entry: OutboxMessageRecord): Promise<SendResult>;
}

export type DeliveryOutcome = { id: number; attempt: number } & (
  | { outcome: 'delivered'; transport: string; detail?: string; stored?: string }
  | { outcome: 'retry'; transport: string; detail: string; nextAttemptAt: number }
  | { outcome: 'dead'; transport: string; detail: string }
  | { outcome: 'cancelled'; reason: SkipReason; detail: string }
);

/** The outbox as delivery needs it. */
export interface DeliveryStore {
  /** Pending messages due at `now`, oldest first, leaving out `claimed` ones. */
  due(now: number, limit: number, claimed: ReadonlySet<number>): OutboxMessageRecord[];
  /** When the next pending message falls due. */
  nextDueAt(): number | undefined;
  profileAttributes(profileId: string): Readonly<Record<string, unknown>> | undefined;
  isSuppressed(channel: Channel, address: string): boolean;
  /**
   * Records outcomes in one transaction; an outcome for a message no longer pending is
   * ignored. Returns how many were applied.
   */
  settle(outcomes: readonly DeliveryOutcome[], now: number): number;
}

export interface DeliveryOptions {
  store: DeliveryStore;
  /** The transport for a channel. */
  transport: (channel: Channel) => Transport;
  clock: Clock;
  policy?: Partial<RetryPolicy>;
  /** Sends in flight at once (SMTP pools several connections). */
  concurrency?: number;
  /** Called when an attempt has finished, so the host commits and pumps again soon. */
  onSettled?: () => void;
}

export interface DeliveryCounts {
  delivered: number;
  retried: number;
  dead: number;
  cancelled: number;
}

/**
 * Delivers the outbox. Messages are claimed in memory while an attempt is in flight and until
 * its outcome is committed; outcomes are committed in groups (`commit`). A crash loses only
 * uncommitted outcomes, so those messages are attempted again: with the embedded outbox,
 * where the stored copy is written in the same transaction as the outcome, a message is kept
 * exactly once; over SMTP it is sent at least once, always with the same Message-ID.
 *
 * Consent and suppression are checked again just before sending: a profile may have
 * unsubscribed since the step enqueued the message. Such a message is cancelled with its reason.
 */
export class Delivery {
  private readonly claimed = new Set<number>();
  private finished: DeliveryOutcome[] = [];
  private inFlight = 0;
  private readonly policy: RetryPolicy;
  private readonly concurrency: number;
  private idleWaiters: (() => void)[] = [];
  readonly counts: DeliveryCounts = { delivered: 0, retried: 0, dead: 0, cancelled: 0 };

  constructor(private readonly options: DeliveryOptions) {
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.policy };
    this.concurrency = options.concurrency ?? 16;
  }

  /** Attempts in flight. */
  get busy(): number {
    return this.inFlight;
  }

  /** Attempt slots free. */
  get free(): number {
    return this.concurrency - this.inFlight;
  }

  /** Outcomes waiting to be committed. */
  get uncommitted(): number {
    return this.finished.length;
  }

  /** When a message not yet claimed falls due; undefined when none is pending. */
  nextDueAt(): number | undefined {
    return this.options.store.nextDueAt();
  }

  /** Starts attempts for due messages, up to the concurrency; returns how many it took up. */
  pump(now = this.options.clock.now()): number {
    const free = this.concurrency - this.inFlight;
    if (free <= 0) return 0;
    const entries = this.options.store.due(now, free, this.claimed);
    for (const entry of entries) {
      this.claimed.add(entry.id);
      const blocked = this.blocked(entry);
      if (blocked) {
        this.finished.push({
          id: entry.id,
          attempt: entry.attempts + 1,
          outcome: 'cancelled',
          ...blocked,
        });
        continue;
      }
      this.attempt(entry);
    }
    if (entries.length > 0 && this.finished.length > 0) this.options.onSettled?.();
    return entries.length;
  }

  /** Commits finished outcomes in one transaction; returns how many. */
  commit(now = this.options.clock.now()): number {
    if (this.finished.length === 0) return 0;
    const outcomes = this.finished;
    this.finished = [];
    try {
      this.options.store.settle(outcomes, now);
    } catch (error) {
      // Nothing was written: keep the outcomes for the next commit.
      this.finished = [...outcomes, ...this.finished];
      throw error;
    }
    for (const o of outcomes) {
      this.claimed.delete(o.id);
      if (o.outcome === 'delivered') this.counts.delivered++;
      else if (o.outcome === 'retry') this.counts.retried++;
      else if (o.outcome === 'dead') this.counts.dead++;
      else this.counts.cancelled++;
    }
    return outcomes.length;
  }

  /** Resolves once no attempt is in flight (outcomes may still need a commit). */
  idle(): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private blocked(entry: OutboxMessageRecord): { reason: SkipReason; detail: string } | undefined {
    // Channels that reach systems (webhooks) have no consent to withdraw.
    if (!channelDefinition(entry.channel).person) return undefined;
    const store = this.options.store;
    if (store.isSuppressed(entry.channel, entry.to))
      return { reason: 'suppressed', detail: `${entry.to} is on the suppression list` };
    const attributes = store.profileAttributes(entry.profileId);
    if (!attributes) return undefined;
    return consentBlock(entry.channel, attributes, (c, a) => store.isSuppressed(c, a));
  }

  private attempt(entry: OutboxMessageRecord): void {
    this.inFlight++;
    const transport = this.options.transport(entry.channel);
    const attempt = entry.attempts + 1;
    void transport
      .send(entry)
      .catch((error: unknown): SendResult => ({
        ok: false,
        permanent: false,
        detail: error instanceof Error ? error.message : String(error),
      }))
      .then((result) => {
        this.finished.push(this.outcomeOf(entry, attempt, transport.name, result));
      })
      .finally(() => {
        this.inFlight--;
        if (this.inFlight === 0) {
          const waiters = this.idleWaiters;
          this.idleWaiters = [];
          for (const resolve of waiters) resolve();
        }
        this.options.onSettled?.();
      });
  }

  private outcomeOf(
    entry: OutboxMessageRecord,
    attempt: number,
    transport: string,
    result: SendResult,
  ): DeliveryOutcome {
    const base = { id: entry.id, attempt };
    if (result.ok)
      return {
        ...base,
        outcome: 'delivered',
        transport,
        detail: result.detail,
        stored: result.stored,
      };
    if (result.permanent || attempt >= this.policy.maxAttempts)
      return {
        ...base,
        outcome: 'dead',
        transport,
        detail: result.permanent
          ? result.detail
          : `gave up after ${attempt} attempts: ${result.detail}`,
      };
    return {
      ...base,
      outcome: 'retry',
      transport,
      detail: result.detail,
      nextAttemptAt: this.options.clock.now() + retryDelay(this.policy, attempt, entry.key),
    };
  }
}
