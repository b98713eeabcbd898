import type { Channel } from '../../runtime/step';
import type { Db } from './database';
import { SuppressionList } from './suppressions';

export type FeedbackKind = 'unsubscribe' | 'bounce' | 'complaint';

export interface FeedbackEntry {
  kind: FeedbackKind;
  /** Where it came from: `link` (one-click), `mailto`, `dsn` (a bounce), `arf` (a complaint). */
  source: 'link' | 'mailto' | 'dsn' | 'arf';
  channel: Channel;
  address: string;
  journeyId?: string;
  outboxId?: number;
  detail?: string;
  at: number;
  /** The mailbox message it came from: one read twice is recorded once. */
  ref?: string;
}

const SUPPRESSION_WORDS: Record<FeedbackEntry['source'], string> = {
  link: 'unsubscribed with the link',
  mailto: 'unsubscribed by email',
  dsn: 'hard bounce',
  arf: 'complaint (marked as spam)',
};

/**
 * Unsubscribes, bounces and complaints: each puts the address on the suppression list, with
 * where it came from, and is kept for the rates per journey.
 */
export class FeedbackStore {
  private readonly suppressions: SuppressionList;
  private readonly sql;

  constructor(private readonly db: Db) {
    this.suppressions = new SuppressionList(db);
    this.sql = {
      add: db.prepare(
        `INSERT INTO feedback (kind, source, channel, address, journey_id, outbox_id, detail, at, ref)
         VALUES (@kind, @source, @channel, @address, @journeyId, @outboxId, @detail, @at, @ref)
         ON CONFLICT(ref) DO NOTHING`,
      ),
      message: db.prepare('SELECT id, journey_id, channel, address FROM outbox WHERE key = ?'),
      counts: db.prepare(
        'SELECT kind, COUNT(*) AS n FROM feedback WHERE journey_id = ? GROUP BY kind',
      ),
    };
  }

  /** Records it and suppresses the address, in one transaction; false when `ref` was seen. */
  record(entry: FeedbackEntry): boolean {
    return this.db.transaction(() => {
      const added =
        this.sql.add.run({
          kind: entry.kind,
          source: entry.source,
          channel: entry.channel,
          address: entry.address.toLowerCase(),
          journeyId: entry.journeyId ?? null,
          outboxId: entry.outboxId ?? null,
          detail: entry.detail ?? null,
          at: entry.at,
          ref: entry.ref ?? null,
        }).changes > 0;
      if (!added) return false;
      const why = SUPPRESSION_WORDS[entry.source];
      const reason = [why, entry.detail, entry.journeyId && `journey ${entry.journeyId}`]
        .filter(Boolean)
        .join('; ');
      this.suppressions.add(entry.channel, entry.address, reason, entry.at);
      return true;
    })();
  }

  /** The message an outbox key names (a bounce or complaint returns it). */
  messageByKey(
    key: string,
  ): { id: number; journeyId: string; channel: Channel; address: string } | undefined {
    const row = this.sql.message.get(key) as
      { id: number; journey_id: string; channel: Channel; address: string } | undefined;
    return (
      row && { id: row.id, journeyId: row.journey_id, channel: row.channel, address: row.address }
    );
  }

  /** A journey's unsubscribes, bounces and complaints. */
  countsOf(journeyId: string): { unsubscribed: number; bounced: number; complained: number } {
    const rows = this.sql.counts.all(journeyId) as { kind: FeedbackKind; n: number }[];
    const of = (kind: FeedbackKind) => rows.find((r) => r.kind === kind)?.n ?? 0;
    return { unsubscribed: of('unsubscribe'), bounced: of('bounce'), complained: of('complaint') };
  }
}
