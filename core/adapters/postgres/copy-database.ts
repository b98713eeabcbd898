import { wakeKey, type Wake } from '../../runtime/ports';
import type { Db } from '../sqlite/database';
import { storedWakeKey } from './pg-engine-store';
import type { PgDatabase } from './pg-database';

/**
 * Every table, in an order that keeps references whole (data sets before their rows). New
 * tables join this list with the migration that makes them; a test fails until they do.
 */
export const COPIED_TABLES = [
  'journeys',
  'journey_versions',
  'settings',
  'profiles',
  'events',
  'inbox',
  'message_ids',
  'journey_live',
  'enrollments',
  'segment_members',
  'wakes',
  'outbox',
  'delivery_log',
  'mailbox',
  'suppressions',
  'journal',
  'failures',
  'datasets',
  'dataset_profiles',
  'dataset_events',
  'simulation_runs',
  'journey_execution',
  'split_assignments',
  'split_winners',
  'images',
  'feedback',
  'version_approvals',
  'profile_aliases',
] as const;

/** Identity columns and sequences set past the highest number copied. */
const NUMBERED: readonly [table: string, column: string][] = [
  ['profiles', 'seq'],
  ['events', 'seq'],
  ['inbox', 'id'],
  ['outbox', 'id'],
  ['delivery_log', 'id'],
  ['journal', 'id'],
  ['failures', 'id'],
  ['feedback', 'id'],
  ['version_approvals', 'id'],
];

type Row = Record<string, unknown>;

/** A refusal to copy, with a stable code. */
export class CopyError extends Error {
  constructor(
    readonly code: 'target-not-empty',
    message: string,
  ) {
    super(message);
  }
}

/** Columns only PostgreSQL keeps, made from the row when copying there (see ./schema.ts). */
function toPostgres(table: string, row: Row): Row {
  if (table === 'inbox') {
    const body = JSON.parse(String(row.body)) as {
      event?: { profileId?: string };
      profileId?: string;
    };
    return { ...row, profile_id: body.event?.profileId ?? body.profileId ?? null };
  }
  if (table === 'wakes') {
    const wake = JSON.parse(String(row.wake)) as Wake;
    const key = row.key === null ? null : storedWakeKey(wakeKey(wake));
    return { ...row, key, profile_id: wake.profileId };
  }
  return row;
}

/** SQLite's copy of a PostgreSQL row: its own columns, its own wake-up keys. */
function toSqlite(table: string, row: Row, columns: readonly string[]): Row {
  const out: Row = {};
  for (const c of columns) out[c] = row[c];
  if (table === 'wakes' && out.key !== null)
    out.key = wakeKey(JSON.parse(String(row.wake)) as Wake);
  return out;
}

const BATCH_PARAMETERS = 30_000;

/** What was copied, table by table. */
export type CopyCounts = Record<string, number>;

function columnsOf(sqlite: Db, table: string): string[] {
  return (
    sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]
  ).map((r) => r.name);
}

function countOf(db: { prepare(sql: string): { get(): unknown } }, table: string): number {
  return Number((db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n);
}

/**
 * Copies every table of a SQLite database into an empty PostgreSQL one, in one transaction:
 * journeys and their versions, profiles, events, enrollments, wake-ups, the outbox with its log
 * and kept copies, and the rest. Row ids stay as they were, so the outbox keeps its numbers;
 * sequences continue after them. Refuses a target that holds anything already.
 */
export function copySqliteToPostgres(sqlite: Db, pg: PgDatabase): CopyCounts {
  for (const table of COPIED_TABLES)
    if (countOf(pg, table) > 0)
      throw new CopyError(
        'target-not-empty',
        `The PostgreSQL database already holds ${table}: copy into an empty one, so nothing is mixed.`,
      );
  const counts: CopyCounts = {};
  pg.transaction(() => {
    for (const table of COPIED_TABLES) {
      const source = columnsOf(sqlite, table);
      const columns = table === 'inbox' || table === 'wakes' ? [...source, 'profile_id'] : source;
      const perStatement = Math.max(1, Math.floor(BATCH_PARAMETERS / columns.length));
      let batch: Row[] = [];
      const flush = () => {
        if (batch.length === 0) return;
        const values: unknown[] = [];
        const tuples = batch.map((row) => {
          const marks = columns.map((c) => {
            values.push(row[c] ?? null);
            return `$${values.length}`;
          });
          return `(${marks.join(', ')})`;
        });
        pg.query(
          `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`,
          values,
        );
        batch = [];
      };
      let n = 0;
      for (const row of sqlite.prepare(`SELECT * FROM ${table}`).iterate() as Iterable<Row>) {
        batch.push(toPostgres(table, row));
        n++;
        if (batch.length >= perStatement) flush();
      }
      flush();
      counts[table] = n;
    }
    for (const [table, column] of NUMBERED)
      pg.query(
        `SELECT setval(pg_get_serial_sequence('${table}', '${column}'), GREATEST((SELECT MAX(${column}) FROM ${table}), 1))`,
      );
    pg.query("SELECT setval('enrollment_ord', GREATEST((SELECT MAX(ord) FROM enrollments), 1))");
    pg.query("SELECT setval('wake_seq', GREATEST((SELECT MAX(seq) FROM wakes), 1))");
  })();
  return counts;
}

/**
 * Copies a PostgreSQL database back into an empty SQLite one (moving down again, or taking a
 * copy to a laptop), table by table in one transaction.
 */
export function copyPostgresToSqlite(pg: PgDatabase, sqlite: Db): CopyCounts {
  for (const table of COPIED_TABLES)
    if (countOf(sqlite, table) > 0)
      throw new CopyError(
        'target-not-empty',
        `The SQLite database already holds ${table}: copy into a new file, so nothing is mixed.`,
      );
  const counts: CopyCounts = {};
  sqlite.transaction(() => {
    for (const table of COPIED_TABLES) {
      const columns = columnsOf(sqlite, table);
      const insert = sqlite.prepare(
        `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
      );
      const rows = pg.query(`SELECT * FROM ${table}`).rows;
      for (const row of rows) {
        const copy = toSqlite(table, row, columns);
        insert.run(
          ...columns.map((c) => (copy[c] instanceof Uint8Array ? Buffer.from(copy[c]) : copy[c])),
        );
      }
      counts[table] = rows.length;
    }
    // AUTOINCREMENT tables continue after the numbers copied: SQLite notes the highest itself.
  })();
  return counts;
}

/** Row counts of every table, to compare a copy with its source. */
export function tableCounts(db: { prepare(sql: string): { get(): unknown } }): CopyCounts {
  return Object.fromEntries(COPIED_TABLES.map((t) => [t, countOf(db, t)]));
}
