import type { DeliveryOutcome, OutboxMessageRecord } from '../../executor/delivery';
import { recordOf, SqliteOutbox, type OutboxRow } from '../sqlite/outbox-store';
import type { PgDatabase } from './pg-database';

/**
 * How long a worker holds a message it is delivering before another may take it up: longer than
 * any one attempt lasts (SMTP gives up within two minutes), so a message is attempted twice only
 * when its worker died mid-send, as after a crash on SQLite.
 */
export const DEFAULT_LEASE_MS = 10 * 60 * 1000;

/*
 * Due messages are leased, not merely read, so several workers never attempt one message at once:
 * SKIP LOCKED passes over rows another worker is leasing this instant, and the lease keeps them
 * away while the attempt is in flight.
 */
const LEASE = `
  UPDATE outbox SET claimed_until = $2 WHERE id IN (
    SELECT id FROM outbox
    WHERE status = 'pending' AND next_attempt_at <= $1
      AND (claimed_until IS NULL OR claimed_until <= $1)
    ORDER BY next_attempt_at, id LIMIT $3 FOR UPDATE SKIP LOCKED)
  RETURNING *`;

/** The outbox on PostgreSQL: the SQLite outbox's statements, with due messages leased. */
export class PgOutbox extends SqliteOutbox {
  constructor(
    private readonly pg: PgDatabase,
    private readonly leaseMs = DEFAULT_LEASE_MS,
  ) {
    super(pg.asDb());
  }

  /** Messages this worker holds are still leased, so the lease alone keeps them out. */
  override due(now: number, limit: number): OutboxMessageRecord[] {
    if (limit <= 0) return [];
    const rows = this.pg.query(LEASE, [now, now + this.leaseMs, limit])
      .rows as unknown as OutboxRow[];
    return rows.sort((a, b) => a.next_attempt_at - b.next_attempt_at || a.id - b.id).map(recordOf);
  }

  /** When a message no worker holds falls due: one held by another counts from its lease's end. */
  override nextDueAt(): number | undefined {
    const row = this.pg.query(
      `SELECT MIN(GREATEST(next_attempt_at, COALESCE(claimed_until, 0))) AS v FROM outbox
       WHERE status = 'pending'`,
    ).rows[0];
    return row?.v == null ? undefined : Number(row.v);
  }

  override settle(outcomes: readonly DeliveryOutcome[], now: number): number {
    return this.pg.transaction(() => {
      const applied = super.settle(outcomes, now);
      // A message to retry is free for any worker once its next attempt falls due.
      const retried = outcomes.filter((o) => o.outcome === 'retry').map((o) => o.id);
      if (retried.length > 0)
        this.pg.query('UPDATE outbox SET claimed_until = NULL WHERE id = ANY($1)', [retried]);
      return applied;
    })();
  }
}
