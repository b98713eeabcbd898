import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { privateFile, restrictDatabaseFiles } from '../files/private-files';
import { SCHEMA_MIGRATIONS, type SchemaMigration } from './schema';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path of a better-sqlite3 native binding built for another runtime (Electron). */
  nativeBinding?: string;
  readonly?: boolean;
  migrations?: readonly SchemaMigration[];
}

/**
 * A database this Journey Studio cannot use, with what to do about it in words: the command
 * line, browser mode and the desktop app show `message` as it is, never a stack trace.
 */
export class DatabaseUnusableError extends Error {
  /** Recognisable across bundles, where `instanceof` does not reach. */
  readonly code = 'database-unusable';
}

/** Written by a newer Journey Studio: opening it here would risk its data. */
export class SchemaTooNewError extends DatabaseUnusableError {}

/** Not a database, or one whose pages are damaged. */
export class DatabaseDamagedError extends DatabaseUnusableError {}

/** Databases up to this size are checked page by page when opened; larger ones at each backup. */
const CHECK_ON_OPEN_BYTES = 256 * 1024 * 1024;

function damaged(file: string, detail: string): DatabaseDamagedError {
  return new DatabaseDamagedError(
    `The database ${file} is damaged (${detail}), so Journey Studio did not open it and changed nothing. ` +
      'Restore the latest backup (the backups folder beside it keeps one a day), or move the file away to start afresh.',
  );
}

function isDamage(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return (
    typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')
  );
}

/**
 * Opens (and creates, and migrates) the app's database.
 *
 * Durability is chosen on purpose: WAL with `synchronous = FULL`, so every committed
 * transaction — an accepted event, a step and the outbox rows it wrote — is on disk before
 * the commit returns, and a power cut after an acknowledgement loses nothing. Throughput comes
 * from grouping work into transactions, not from relaxing this.
 *
 * The file and the ones SQLite puts beside it are readable by this user alone (0600), in a
 * folder made 0700 when it is created here. A file that is not a database, or whose pages fail
 * the integrity check, or that a newer Journey Studio wrote, is refused with a
 * `DatabaseUnusableError` saying so.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const onDisk = file !== ':memory:';
  if (onDisk && !options.readonly) {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    privateFile(file);
  }
  let db: Db;
  try {
    db = new Database(file, {
      ...(options.nativeBinding && { nativeBinding: options.nativeBinding }),
      ...(options.readonly && { readonly: true, fileMustExist: true }),
    });
  } catch (error) {
    if (isDamage(error)) throw damaged(file, String((error as Error).message));
    throw error;
  }
  try {
    // Before anything that may wait for another process: opening a new database, the first one
    // makes it WAL and migrates it while the second waits its turn.
    db.pragma('busy_timeout = 5000');
    if (!options.readonly) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // Savepoints and large sorts spill to temporary storage: keep it in memory, not in files.
    db.pragma('temp_store = MEMORY');
    // Checkpoint every 8,000 pages (32 MB of WAL) rather than 1,000: a page changed again and
    // again (an index's upper levels) is copied into the database once per checkpoint.
    db.pragma('wal_autocheckpoint = 8000');
    if (onDisk && !options.readonly) {
      const problem = sizeOf(db) <= CHECK_ON_OPEN_BYTES ? integrityProblem(db) : undefined;
      if (problem) throw damaged(file, problem);
    }
    if (!options.readonly) migrate(db, options.migrations ?? SCHEMA_MIGRATIONS);
  } catch (error) {
    db.close();
    if (isDamage(error)) throw damaged(file, String((error as Error).message));
    throw error;
  } finally {
    if (onDisk && !options.readonly) restrictDatabaseFiles(file);
  }
  return db;
}

/**
 * Another connection to a database `openDatabase` has opened (and migrated): a thread of its
 * own (the event API's) reads it with the same durability and waits for locks the same way.
 */
export function connectDatabase(
  file: string,
  options: { nativeBinding?: string; create?: boolean } = {},
): Db {
  if (options.create) privateFile(file);
  const db = new Database(file, {
    fileMustExist: true,
    ...(options.nativeBinding && { nativeBinding: options.nativeBinding }),
  });
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('temp_store = MEMORY');
  return db;
}

function sizeOf(db: Db): number {
  const pages = db.pragma('page_count', { simple: true }) as number;
  const size = db.pragma('page_size', { simple: true }) as number;
  return pages * size;
}

/**
 * What SQLite's quick check finds wrong with the database's pages, or undefined when it is
 * sound. Reads every page once: about a second per few hundred megabytes.
 */
export function integrityProblem(db: Db): string | undefined {
  const rows = db.pragma('quick_check(5)') as { quick_check: string }[];
  const found = rows.map((r) => r.quick_check).filter((line) => line !== 'ok');
  return found.length > 0 ? found.join('; ') : undefined;
}

/**
 * Applies the numbered migrations the database has not seen, all in one exclusive transaction
 * that reads the version inside it, recording progress in `PRAGMA user_version`. Two processes
 * opening a new database at once: the first migrates, the second then finds nothing to do.
 */
export function migrate(db: Db, migrations: readonly SchemaMigration[]): number {
  const latest = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  const version = () => db.pragma('user_version', { simple: true }) as number;
  const tooNew = (current: number) =>
    new SchemaTooNewError(
      `This database was written by a newer Journey Studio (schema ${current}; this one knows up to ${latest}). Update Journey Studio to open it; the file was not changed.`,
    );
  const seen = version();
  if (seen > latest) throw tooNew(seen);
  if (seen === latest) return seen;
  db.transaction(() => {
    const current = version();
    if (current > latest) throw tooNew(current);
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (migration.version <= current) continue;
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }
  }).exclusive();
  return version();
}
