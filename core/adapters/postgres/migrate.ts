import type { SchemaMigration } from '../sqlite/schema';
import { SchemaTooNewError } from '../sqlite/database';
import type { PgDatabase } from './pg-database';

/** Any number, the same in every Journey Studio: the lock two migrating processes share. */
const MIGRATION_LOCK = 7_345_120_018;

/**
 * Applies the numbered migrations the database has not seen, in one transaction, recording the
 * version in `journey_studio_schema`. Two processes starting at once on a new database: the
 * first migrates under an advisory lock, the second then finds nothing to do. A database a newer
 * Journey Studio wrote is refused unchanged, as on SQLite.
 */
export function migratePostgres(db: PgDatabase, migrations: readonly SchemaMigration[]): number {
  const latest = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  return db.transaction(() => {
    db.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    db.query('CREATE TABLE IF NOT EXISTS journey_studio_schema (version BIGINT NOT NULL)');
    const row = db.query('SELECT version FROM journey_studio_schema').rows[0];
    const current = row ? Number(row.version) : 0;
    if (current > latest)
      throw new SchemaTooNewError(
        `This database was written by a newer Journey Studio (schema ${current}; this one knows up to ${latest}). Update Journey Studio to use it; nothing was changed.`,
      );
    if (!row) db.query('INSERT INTO journey_studio_schema (version) VALUES (0)');
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (migration.version <= current) continue;
      db.exec(migration.sql);
      db.query('UPDATE journey_studio_schema SET version = $1', [migration.version]);
    }
    return Math.max(current, latest);
  })();
}
