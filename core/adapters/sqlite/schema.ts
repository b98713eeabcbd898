/** One step of the database schema; applied once, in order, never edited after release. */
export interface SchemaMigration {
  version: number;
  name: string;
  sql: string;
}

/**
 * The schema, as numbered migrations. Add a migration for every change; never edit one that
 * has shipped. Times are epoch milliseconds (UTC).
 */
export const SCHEMA_MIGRATIONS: readonly SchemaMigration[] = [
  {
    version: 1,
    name: 'journey library',
    sql: `
      CREATE TABLE journeys (
        id          TEXT PRIMARY KEY,
        name        TEXT NOT NULL,
        document    TEXT NOT NULL,          -- the journey file, as serializeJourney writes it
        revision    INTEGER NOT NULL DEFAULT 1,
        created_at  INTEGER NOT NULL,
        updated_at  INTEGER NOT NULL
      );
      CREATE TABLE journey_versions (
        journey_id   TEXT NOT NULL,
        version      INTEGER NOT NULL,
        document     TEXT NOT NULL,         -- frozen at publishing; enrollments run on it
        published_at INTEGER NOT NULL,
        PRIMARY KEY (journey_id, version)
      );
      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
  },
];
