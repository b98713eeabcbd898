import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { SCHEMA_MIGRATIONS, type SchemaMigration } from './schema';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path of a better-sqlite3 native binding built for another runtime (Electron). */
  nativeBinding?: string;
  readonly?: boolean;
  migrations?: readonly SchemaMigration[];
}

/**
 * Opens (and creates, and migrates) the app's database.
 *
 * Durability is chosen on purpose: WAL with `synchronous = FULL`, so every committed
 * transaction — an accepted event, a step and the outbox rows it wrote — is on disk before
 * the commit returns, and a power cut after an acknowledgement loses nothing. Throughput comes
 * from grouping work into transactions, not from relaxing this.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, {
    ...(options.nativeBinding && { nativeBinding: options.nativeBinding }),
    ...(options.readonly && { readonly: true, fileMustExist: true }),
  });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Savepoints and large sorts spill to temporary storage: keep it in memory, not in files.
  db.pragma('temp_store = MEMORY');
  // Checkpoint every 8,000 pages (32 MB of WAL) rather than 1,000: a page changed again and
  // again (an index's upper levels) is copied into the database once per checkpoint.
  db.pragma('wal_autocheckpoint = 8000');
  if (!options.readonly) migrate(db, options.migrations ?? SCHEMA_MIGRATIONS);
  return db;
}

export class SchemaTooNewError extends Error {}

/**
 * Applies the numbered migrations the database has not seen, each in its own transaction,
 * recording progress in `PRAGMA user_version`.
 */
export function migrate(db: Db, migrations: readonly SchemaMigration[]): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  if (current > latest) {
    throw new SchemaTooNewError(
      `This database was written by a newer Journey Studio (schema ${current}; this one knows up to ${latest}). Update Journey Studio to open it.`,
    );
  }
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return db.pragma('user_version', { simple: true }) as number;
}
