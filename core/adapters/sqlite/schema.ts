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
  {
    version: 3,
    name: 'data sets and simulation runs',
    sql: `
      CREATE TABLE datasets (
        id                 TEXT PRIMARY KEY,
        kind               TEXT NOT NULL CHECK (kind IN ('profiles', 'events')),
        name               TEXT NOT NULL,
        file_name          TEXT,
        source             TEXT NOT NULL,
        rows               INTEGER NOT NULL,
        rejected           INTEGER NOT NULL,
        columns            TEXT NOT NULL,        -- JSON list
        mapping            TEXT,
        imported_at        INTEGER NOT NULL,
        profiles           INTEGER NOT NULL,
        first_event        INTEGER,
        last_event         INTEGER,
        event_names        TEXT,                 -- JSON { name: count }
        problems           TEXT NOT NULL,        -- JSON, the first problems of the import
        problems_truncated INTEGER NOT NULL
      );
      CREATE TABLE dataset_profiles (
        dataset_id TEXT NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
        profile_id TEXT NOT NULL,
        position   INTEGER NOT NULL,             -- order in the file
        attributes TEXT NOT NULL,                -- JSON, id included
        PRIMARY KEY (dataset_id, profile_id)
      ) WITHOUT ROWID;
      CREATE INDEX dataset_profiles_order ON dataset_profiles (dataset_id, position);
      CREATE TABLE dataset_events (
        dataset_id TEXT NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
        seq        INTEGER NOT NULL,             -- order in the file
        profile_id TEXT NOT NULL,
        name       TEXT NOT NULL,
        time       INTEGER NOT NULL,
        properties TEXT NOT NULL,                -- JSON
        PRIMARY KEY (dataset_id, seq)
      ) WITHOUT ROWID;
      CREATE INDEX dataset_events_profile ON dataset_events (dataset_id, profile_id, seq);
      CREATE TABLE simulation_runs (
        id          TEXT PRIMARY KEY,
        journey_id  TEXT NOT NULL,
        created_at  INTEGER NOT NULL,
        summary     TEXT NOT NULL,               -- JSON: params and headline figures
        journey     TEXT NOT NULL,               -- the journey file as simulated
        report      TEXT NOT NULL                -- JSON
      );
      CREATE INDEX simulation_runs_journey ON simulation_runs (journey_id, created_at);
    `,
  },
];
