import { ImapFlow } from 'imapflow';
import { savedLibrarySettings } from '../../app/library-settings';
import type { AppSettings, FeedbackMailbox, MailboxReading } from '../../app/ports';
import type { CancelTimer, Timers } from '../../executor/ports';
import type { SecretStore } from '../../runtime/secret-store';
import type { UnsubscribeLinks } from '../http/unsubscribe-links';
import type { FeedbackStore } from '../sqlite/feedback-store';
import { readFeedback, type Feedback } from './feedback-reports';

export interface FeedbackMailboxOptions {
  settings: Pick<AppSettings, 'get'>;
  secrets: Pick<SecretStore, 'get'>;
  feedback: FeedbackStore;
  /** Verifies the tokens of `mailto:` unsubscribes. */
  links: UnsubscribeLinks;
  now?: () => number;
  /** Milliseconds to connect and of silence before giving up. */
  timeoutMs?: number;
  log?: (line: string) => void;
}

/** Messages read per visit, at most: a flood is worked through over several visits. */
const MAX_PER_READ = 500;

/**
 * The mailbox that receives `mailto:` unsubscribes, hard bounces and complaints, read over IMAP
 * (imapflow). Every unseen message is read; what it says is applied to the suppression list and
 * recorded with its source (core/adapters/sqlite/feedback-store.ts); the message is then marked
 * seen. A message read twice is applied once (it is recorded by its UID).
 */
export class ImapFeedbackMailbox implements FeedbackMailbox {
  private lastRead: number | undefined;
  private problem: string | undefined;
  private reading: Promise<MailboxReading> | undefined;
  private readonly now: () => number;

  constructor(private readonly options: FeedbackMailboxOptions) {
    this.now = options.now ?? (() => Date.now());
  }

  status(): { lastRead?: number; problem?: string } {
    return {
      ...(this.lastRead !== undefined && { lastRead: this.lastRead }),
      ...(this.problem !== undefined && { problem: this.problem }),
    };
  }

  /** Reads the mailbox every `everyMs` while the engine runs (nothing when none is set). */
  every(timers: Timers, everyMs = 5 * 60_000): CancelTimer {
    const visit = () => {
      if (!savedLibrarySettings(this.options.settings).mailbox.host) return;
      void this.read();
    };
    visit();
    return timers.every(everyMs, visit);
  }

  read(): Promise<MailboxReading> {
    this.reading ??= this.visit().finally(() => {
      this.reading = undefined;
    });
    return this.reading;
  }

  private async visit(): Promise<MailboxReading> {
    const counts = { unsubscribed: 0, bounced: 0, complained: 0 };
    const box = savedLibrarySettings(this.options.settings).mailbox;
    if (!box.host)
      return {
        ok: false,
        detail: 'No mailbox is set: unsubscribe emails are not read.',
        ...counts,
      };
    const timeout = this.options.timeoutMs ?? 20_000;
    const client = new ImapFlow({
      host: box.host,
      port: box.port,
      secure: box.security === 'tls',
      doSTARTTLS: box.security === 'starttls' ? true : box.security === 'none' ? false : undefined,
      auth: { user: box.username, pass: (await this.options.secrets.get('imap-password')) ?? '' },
      logger: false,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    });
    // A dropped connection is reported by the command that was waiting; nothing else to do.
    client.on('error', () => undefined);
    try {
      await client.connect();
      const lock = await client.getMailboxLock('INBOX');
      try {
        const validity = String(client.mailbox ? client.mailbox.uidValidity : 0);
        const read: number[] = [];
        for await (const message of client.fetch(
          { seen: false },
          { uid: true, source: true },
          { uid: true },
        )) {
          if (read.length >= MAX_PER_READ) break;
          read.push(message.uid);
          if (!message.source) continue;
          const found = await readFeedback(message.source).catch(() => [] as Feedback[]);
          for (const item of found) this.apply(item, `imap:${validity}:${message.uid}`, counts);
        }
        if (read.length > 0) await client.messageFlagsAdd(read, ['\\Seen'], { uid: true });
      } finally {
        lock.release();
      }
      await client.logout();
      this.lastRead = this.now();
      this.problem = undefined;
      const found = counts.unsubscribed + counts.bounced + counts.complained;
      return {
        ok: true,
        detail: found ? `Read ${box.host}: ${found} applied.` : `Read ${box.host}: nothing new.`,
        ...counts,
      };
    } catch (error) {
      client.close();
      this.problem = `The mailbox ${box.username}@${box.host} could not be read: ${error instanceof Error ? error.message : String(error)}`;
      this.options.log?.(this.problem);
      return { ok: false, detail: this.problem, ...counts };
    }
  }

  private apply(item: Feedback, ref: string, counts: Omit<MailboxReading, 'ok' | 'detail'>): void {
    const { feedback, links } = this.options;
    const at = this.now();
    if (item.kind === 'unsubscribe') {
      const target = links.verify(item.token);
      if (!target) return;
      const added = feedback.record({
        kind: 'unsubscribe',
        source: 'mailto',
        channel: target.channel,
        address: target.address,
        journeyId: target.journeyId,
        at,
        ref,
      });
      if (added) counts.unsubscribed++;
      return;
    }
    const message = item.key ? feedback.messageByKey(item.key) : undefined;
    const address = item.kind === 'bounce' ? item.address : (item.address ?? message?.address);
    if (!address) return;
    const added = feedback.record({
      kind: item.kind,
      source: item.kind === 'bounce' ? 'dsn' : 'arf',
      channel: 'email',
      address,
      ...(message && { journeyId: message.journeyId, outboxId: message.id }),
      detail: item.kind === 'bounce' ? item.detail : `feedback type ${item.feedbackType}`,
      at,
      ref: `${ref}:${address}`,
    });
    if (added) {
      if (item.kind === 'bounce') counts.bounced++;
      else counts.complained++;
    }
  }
}
