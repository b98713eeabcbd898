// The crash test's checks (scripts/crash-harness.ts), on the database the engine left: no
// acknowledged event lost or applied twice, no step repeated, every message delivered once.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { openPostgres } from '../core/adapters/postgres/pg-database';
import type { Sender, SmtpCounter } from './crash-load';

export interface CrashReport {
  seed: number;
  kills: number;
  eventsSent: number;
  eventsAcknowledged: number;
  /** Calls sent again after a kill, with the same messageId: each was applied once all the same. */
  eventsResent: number;
  eventsApplied: number;
  lostAcknowledged: number;
  duplicateEvents: number;
  enrollments: number;
  steps: number;
  messages: number;
  duplicateSteps: number;
  embeddedDeliveredTwice: number;
  notDelivered: number;
  smtp: { received: number; distinctMessageIds: number; duplicates: number };
  /** Waits left on their timer: wake-ups that fired. */
  wakeupsFired: number;
  failures: number;
  integrity: string;
  problems: string[];
}

/** Reads the database the engine left, whichever store it is. */
export interface Reader {
  one(sql: string): number;
  all<T>(sql: string): T[];
  /** A field of a journal step (`step` is JSON text in both stores). */
  stepField(field: string): string;
  /** Requests the event API acknowledged that the engine has not taken into its inbox yet. */
  spooled(): number;
  integrity(): string;
  close(): void;
}

export function sqliteReader(file: string): Reader {
  const db = new Database(file, { readonly: true });
  return {
    one: (sql) => Number((db.prepare(sql).get() as { n: number }).n),
    all: <T>(sql: string) => db.prepare(sql).all() as T[],
    stepField: (field) => `step ->> '$.${field}'`,
    spooled: () => spooled(file),
    integrity: () => (db.pragma('integrity_check', { simple: true }) as string) ?? '?',
    close: () => db.close(),
  };
}

export function postgresReader(url: string): Reader {
  const db = openPostgres(url);
  return {
    one: (sql) => Number(db.query(sql).rows[0]?.n ?? 0),
    all: <T>(sql: string) => db.query(sql).rows as T[],
    stepField: (field) => `step::jsonb ->> '${field}'`,
    // The event API writes the shared inbox directly: no spool.
    spooled: () => 0,
    // PostgreSQL checks its own pages; there is no integrity_check to ask.
    integrity: () => 'ok',
    close: () => db.close(),
  };
}

/** Requests the event API acknowledged that the engine has not taken into its inbox yet. */
function spooled(db: string): number {
  const file = `${db}-spool`;
  if (!existsSync(file)) return 0;
  const spool = new Database(file, { readonly: true });
  try {
    return (spool.prepare('SELECT COUNT(*) AS n FROM spool').get() as { n: number }).n;
  } finally {
    spool.close();
  }
}

export function verify(
  db: Reader,
  sender: Sender,
  options: { seed: number; kills: number },
  smtp: SmtpCounter,
): CrashReport {
  const { all, one } = db;
  const problems: string[] = [];

  const applied = new Map<string, number>();
  for (const r of all<{ message_id: string }>(
    'SELECT message_id FROM events WHERE message_id IS NOT NULL',
  ))
    applied.set(r.message_id, (applied.get(r.message_id) ?? 0) + 1);
  // Identify calls leave no event row: their message ids are in message_ids, applied with the inbox.
  const seen = new Set(
    all<{ message_id: string }>('SELECT message_id FROM message_ids').map((r) => r.message_id),
  );
  let lost = 0;
  for (const id of sender.acked) if (!seen.has(id)) lost++;
  const duplicateEvents = [...applied.values()].filter((n) => n > 1).length;
  const inbox = one('SELECT COUNT(*) AS n FROM inbox') + db.spooled();
  if (inbox > 0) problems.push(`${inbox} accepted inputs were never applied`);
  if (lost > 0) problems.push(`${lost} acknowledged events are missing`);
  if (duplicateEvents > 0) problems.push(`${duplicateEvents} events were applied twice`);

  // Every applied cart event entered the cart journey once (reentry: always).
  const carts = one("SELECT COUNT(*) AS n FROM events WHERE name = 'cart'");
  const cartEntries = one("SELECT COUNT(*) AS n FROM enrollments WHERE journey_id = 'crash-cart'");
  if (carts !== cartEntries)
    problems.push(`${carts} cart events but ${cartEntries} cart enrollments`);
  const active = one("SELECT COUNT(*) AS n FROM enrollments WHERE status = 'active'");
  if (active > 0) problems.push(`${active} enrollments never finished`);

  // No step ran twice: each arrival of an enrollment at a node is in the journal once, and
  // the journal's messages are exactly the outbox.
  const arrivals = all<{ enrollment_id: string; node_id: string; n: number }>(
    "SELECT enrollment_id, node_id, COUNT(*) AS n FROM journal_steps WHERE type = 'arrive' GROUP BY enrollment_id, node_id HAVING COUNT(*) > 1",
  );
  const journalMessages = one("SELECT COUNT(*) AS n FROM journal_steps WHERE type = 'message'");
  const distinctJournalKeys = one(
    `SELECT COUNT(DISTINCT ${db.stepField('key')}) AS n FROM journal_steps WHERE type = 'message'`,
  );
  const outbox = one('SELECT COUNT(*) AS n FROM outbox');
  const duplicateSteps = arrivals.length + (journalMessages - distinctJournalKeys);
  if (duplicateSteps > 0) problems.push(`${duplicateSteps} steps were applied twice`);
  if (distinctJournalKeys !== outbox)
    problems.push(`journal has ${distinctJournalKeys} messages, the outbox ${outbox}`);

  // Delivery: every message finished; the embedded outbox holds each at most once.
  const notDelivered = one("SELECT COUNT(*) AS n FROM outbox WHERE status <> 'delivered'");
  if (notDelivered > 0) problems.push(`${notDelivered} messages were not delivered`);
  const twice = one(
    "SELECT COUNT(*) AS n FROM (SELECT outbox_id FROM delivery_log WHERE outcome = 'delivered' GROUP BY outbox_id HAVING COUNT(*) > 1) d",
  );
  const mailbox = one('SELECT COUNT(*) AS n FROM mailbox');
  const embedded = one("SELECT COUNT(*) AS n FROM outbox WHERE transport = 'embedded'");
  if (twice > 0) problems.push(`${twice} messages were recorded as delivered twice`);
  if (mailbox !== embedded)
    problems.push(`the embedded outbox holds ${mailbox} copies of ${embedded} messages`);
  const distinctIds = new Set(smtp.ids).size;
  const smtpRows = one("SELECT COUNT(*) AS n FROM outbox WHERE transport = 'smtp'");
  if (distinctIds < smtpRows)
    problems.push(`${smtpRows} messages went over SMTP but only ${distinctIds} arrived`);

  const integrity = db.integrity();
  if (integrity !== 'ok') problems.push(`integrity_check: ${integrity}`);
  const failures = one('SELECT COUNT(*) AS n FROM failures');
  if (failures > 0) problems.push(`${failures} units failed`);
  const report: CrashReport = {
    seed: options.seed,
    kills: options.kills,
    eventsSent: sender.sent,
    eventsAcknowledged: sender.acked.size,
    eventsResent: sender.resent.size,
    eventsApplied: seen.size,
    lostAcknowledged: lost,
    duplicateEvents,
    enrollments: one('SELECT COUNT(*) AS n FROM enrollments'),
    steps: one('SELECT COUNT(*) AS n FROM journal_steps'),
    messages: outbox,
    duplicateSteps,
    embeddedDeliveredTwice: twice,
    notDelivered,
    smtp: {
      received: smtp.ids.length,
      distinctMessageIds: distinctIds,
      duplicates: smtp.ids.length - distinctIds,
    },
    wakeupsFired: one(
      `SELECT COUNT(*) AS n FROM journal_steps WHERE type = 'leave' AND node_id = 'wait' AND ${db.stepField('port')} <> 'event'`,
    ),
    failures,
    integrity,
    problems,
  };
  return report;
}
