import type { OutboxMessageStatus } from '../../api/execution-contract';
import type { DeliveryOutcome, DeliveryStore, OutboxMessageRecord } from '../../executor/delivery';
import type { Channel, MessageContent } from '../../runtime/step';
import type { OutboxLog } from '../../app/ports';
import type { Db } from './database';
import { suppressionEntry } from './suppressions';

/** A row of the outbox table, as SQLite gives it. */
export interface OutboxRow {
  id: number;
  key: string;
  journey_id: string;
  version: number;
  node_id: string;
  enrollment_id: string;
  profile_id: string;
  channel: Channel;
  address: string;
  at: number;
  content: string;
  status: OutboxMessageStatus;
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  transport: string | null;
  finished_at: number | null;
}

/** Messages by status, all zero. */
export function noMessages(): Record<OutboxMessageStatus, number> {
  return { pending: 0, delivered: 0, dead: 0, cancelled: 0 };
}

function byStatus(
  rows: readonly { status: OutboxMessageStatus; n: number }[],
): Record<OutboxMessageStatus, number> {
  const out = noMessages();
  for (const r of rows) out[r.status] = r.n;
  return out;
}

/** A message as delivery and the app see it, from its row. */
export function recordOf(r: OutboxRow): OutboxMessageRecord {
  return {
    id: r.id,
    key: r.key,
    journeyId: r.journey_id,
    version: r.version,
    nodeId: r.node_id,
    enrollmentId: r.enrollment_id,
    profileId: r.profile_id,
    channel: r.channel,
    to: r.address,
    at: r.at,
    content: JSON.parse(r.content) as MessageContent,
    attempts: r.attempts,
    status: r.status,
    nextAttemptAt: r.next_attempt_at,
    ...(r.last_error !== null && { lastError: r.last_error }),
    ...(r.transport !== null && { transport: r.transport }),
    ...(r.finished_at !== null && { finishedAt: r.finished_at }),
  };
}

/**
 * The outbox, the delivery log and the embedded outbox on SQLite. An outcome is applied only
 * to a message still pending, in the transaction that writes its log line and its stored copy,
 * so settling the same attempt twice changes nothing.
 */
export class SqliteOutbox implements DeliveryStore, OutboxLog {
  private readonly sql;
  private readonly settleAll;

  constructor(private readonly db: Db) {
    const p = (text: string) => db.prepare(text);
    this.sql = {
      // The partial index holds just the pending messages in due order; named, because the
      // planner would otherwise pick the status index and sort every pending row.
      due: p(
        `SELECT * FROM outbox INDEXED BY outbox_due
         WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?`,
      ),
      nextDue: p(
        `SELECT next_attempt_at AS v FROM outbox INDEXED BY outbox_due
         WHERE status = 'pending' ORDER BY next_attempt_at, id LIMIT 1`,
      ),
      profile: p('SELECT attributes FROM profiles WHERE id = ?'),
      suppressed: p('SELECT 1 FROM suppressions WHERE entry = ?'),
      finish: p(
        `UPDATE outbox SET status = ?, attempts = ?, last_error = ?, transport = ?, finished_at = ?
         WHERE id = ? AND status = 'pending'`,
      ),
      retry: p(
        `UPDATE outbox SET attempts = ?, last_error = ?, transport = ?, next_attempt_at = ?
         WHERE id = ? AND status = 'pending'`,
      ),
      log: p(
        'INSERT INTO delivery_log (outbox_id, attempt, at, outcome, transport, detail) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      store: p('INSERT INTO mailbox (outbox_id, stored_at, raw) VALUES (?, ?, ?)'),
      get: p('SELECT * FROM outbox WHERE id = ?'),
      raw: p('SELECT raw FROM mailbox WHERE outbox_id = ?'),
      retryNow: p(
        `UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = ?, finished_at = NULL
         WHERE id = ? AND status = 'dead'`,
      ),
    };
    this.settleAll = db.transaction((outcomes: readonly DeliveryOutcome[], now: number) => {
      let applied = 0;
      for (const o of outcomes) {
        const changed =
          o.outcome === 'retry'
            ? this.sql.retry.run(o.attempt, o.detail, o.transport, o.nextAttemptAt, o.id)
            : this.sql.finish.run(
                o.outcome,
                o.attempt,
                o.outcome === 'delivered' ? null : o.detail,
                o.outcome === 'cancelled' ? null : o.transport,
                now,
                o.id,
              );
        if (changed.changes === 0) continue;
        applied++;
        const detail = o.outcome === 'cancelled' ? `${o.reason}: ${o.detail}` : (o.detail ?? null);
        const transport = o.outcome === 'cancelled' ? null : o.transport;
        this.sql.log.run(o.id, o.attempt, now, o.outcome, transport, detail);
        if (o.outcome === 'delivered' && o.stored !== undefined)
          this.sql.store.run(o.id, now, o.stored);
      }
      return applied;
    });
  }

  due(now: number, limit: number, claimed: ReadonlySet<number>): OutboxMessageRecord[] {
    const rows = this.sql.due.all(now, limit + claimed.size) as OutboxRow[];
    const out: OutboxMessageRecord[] = [];
    for (const r of rows) {
      if (claimed.has(r.id)) continue;
      out.push(recordOf(r));
      if (out.length === limit) break;
    }
    return out;
  }

  nextDueAt(): number | undefined {
    return (this.sql.nextDue.get() as { v: number } | undefined)?.v;
  }

  profileAttributes(profileId: string): Readonly<Record<string, unknown>> | undefined {
    const row = this.sql.profile.get(profileId) as { attributes: string } | undefined;
    return row && (JSON.parse(row.attributes) as Record<string, unknown>);
  }

  isSuppressed(channel: Channel, address: string): boolean {
    return this.sql.suppressed.get(suppressionEntry(channel, address)) !== undefined;
  }

  settle(outcomes: readonly DeliveryOutcome[], now: number): number {
    return this.settleAll.immediate(outcomes, now);
  }

  // ---------------------------------------------------------------- for the app and the CLI

  get(id: number): OutboxMessageRecord | undefined {
    const row = this.sql.get.get(id) as OutboxRow | undefined;
    return row && recordOf(row);
  }

  /** Messages by status, newest first. */
  list(status?: OutboxMessageStatus, limit = 100): OutboxMessageRecord[] {
    const rows = (
      status
        ? this.db
            .prepare('SELECT * FROM outbox WHERE status = ? ORDER BY id DESC LIMIT ?')
            .all(status, limit)
        : this.db.prepare('SELECT * FROM outbox ORDER BY id DESC LIMIT ?').all(limit)
    ) as OutboxRow[];
    return rows.map(recordOf);
  }

  /** A page of messages, newest first, of one journey and/or status; `before` is an id. */
  page(filter: {
    journeyId?: string;
    status?: OutboxMessageStatus;
    before?: number;
    limit: number;
  }): OutboxMessageRecord[] {
    const where: string[] = [];
    const args: (string | number)[] = [];
    if (filter.journeyId !== undefined) {
      where.push('journey_id = ?');
      args.push(filter.journeyId);
    }
    if (filter.status !== undefined) {
      where.push('status = ?');
      args.push(filter.status);
    }
    if (filter.before !== undefined) {
      where.push('id < ?');
      args.push(filter.before);
    }
    const rows = this.db
      .prepare(
        `SELECT * FROM outbox ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY id DESC LIMIT ?`,
      )
      .all(...args, filter.limit) as OutboxRow[];
    return rows.map(recordOf);
  }

  /** Messages by status, of one journey or all. */
  countsOf(journeyId?: string): Record<OutboxMessageStatus, number> {
    if (journeyId === undefined) return this.counts();
    return byStatus(
      this.db
        .prepare(
          'SELECT status, COUNT(*) AS n FROM outbox INDEXED BY outbox_by_journey WHERE journey_id = ? GROUP BY status',
        )
        .all(journeyId) as { status: OutboxMessageStatus; n: number }[],
    );
  }

  /** The copy kept in the embedded outbox (email: the MIME message). */
  stored(id: number): string | undefined {
    return (this.sql.raw.get(id) as { raw: string } | undefined)?.raw;
  }

  /** The attempts made for a message, oldest first. */
  attempts(
    id: number,
  ): { attempt: number; at: number; outcome: string; transport?: string; detail?: string }[] {
    const rows = this.db
      .prepare(
        'SELECT attempt, at, outcome, transport, detail FROM delivery_log WHERE outbox_id = ? ORDER BY id',
      )
      .all(id) as {
      attempt: number;
      at: number;
      outcome: string;
      transport: string | null;
      detail: string | null;
    }[];
    return rows.map((r) => ({
      attempt: r.attempt,
      at: r.at,
      outcome: r.outcome,
      ...(r.transport !== null && { transport: r.transport }),
      ...(r.detail !== null && { detail: r.detail }),
    }));
  }

  /** Puts a dead message back in line for a fresh series of attempts. */
  retryDead(id: number, now: number): boolean {
    return this.sql.retryNow.run(now, id).changes > 0;
  }

  counts(): Record<OutboxMessageStatus, number> {
    return byStatus(
      this.db.prepare('SELECT status, COUNT(*) AS n FROM outbox GROUP BY status').all() as {
        status: OutboxMessageStatus;
        n: number;
      }[],
    );
  }
}
