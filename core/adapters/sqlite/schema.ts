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
    version: 2,
    name: 'execution engine',
    sql: `
      -- Profiles and their events. Event seq is AUTOINCREMENT so a number is never reused, even
      -- after deletions: the interpreter orders events sharing an instant by it.
      CREATE TABLE profiles (
        seq         INTEGER PRIMARY KEY,    -- the order profiles were added: journeys start them in it
        id          TEXT NOT NULL UNIQUE,
        attributes  TEXT NOT NULL,          -- JSON object; includes id
        updated_at  INTEGER NOT NULL
      );
      CREATE TABLE events (
        seq         INTEGER PRIMARY KEY AUTOINCREMENT,
        profile_id  TEXT NOT NULL,
        name        TEXT NOT NULL,
        time        INTEGER NOT NULL,
        properties  TEXT NOT NULL,          -- JSON object
        message_id  TEXT
      );
      CREATE INDEX events_by_profile ON events (profile_id, seq);

      -- Accepted inputs not yet applied (track, identify, journey starts), in arrival order.
      -- An acknowledged request is a committed row here; applying it deletes the row in the same
      -- transaction as the steps it caused.
      CREATE TABLE inbox (
        id           INTEGER PRIMARY KEY AUTOINCREMENT,
        type         TEXT NOT NULL CHECK (type IN ('track', 'identify', 'start')),
        received_at  INTEGER NOT NULL,
        body         TEXT NOT NULL,         -- JSON
        cursor       TEXT                   -- start: seq of the last profile started
      );
      -- Sender message ids seen, so a retried request is acknowledged without being applied again.
      CREATE TABLE message_ids (
        message_id   TEXT PRIMARY KEY,
        received_at  INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX message_ids_by_time ON message_ids (received_at);

      -- The version of each journey that takes new entries.
      CREATE TABLE journey_live (
        journey_id  TEXT PRIMARY KEY,
        version     INTEGER NOT NULL,
        since       INTEGER NOT NULL
      );

      CREATE TABLE enrollments (
        id          TEXT PRIMARY KEY,
        ord         INTEGER NOT NULL,        -- creation order across all journeys (a fresh number)
        profile_id  TEXT NOT NULL,
        journey_id  TEXT NOT NULL,
        version     INTEGER NOT NULL,
        status      TEXT NOT NULL,
        node_id     TEXT NOT NULL,
        data        TEXT NOT NULL           -- the whole enrollment, JSON
      );
      CREATE INDEX enrollments_by_profile ON enrollments (profile_id, ord);
      -- Changes only when an enrollment starts or ends, not at every step: counts stay cheap.
      CREATE INDEX enrollments_active ON enrollments (journey_id) WHERE status = 'active';

      CREATE TABLE segment_members (
        journey_id  TEXT NOT NULL,
        profile_id  TEXT NOT NULL,
        member      INTEGER NOT NULL,
        PRIMARY KEY (journey_id, profile_id)
      ) WITHOUT ROWID;

      -- Scheduled wake-ups, taken in (at, seq) order as the simulator's queue does; the table is
      -- kept in that order, so taking them walks it from the front. A segment or date wake-up
      -- has a key: a newer schedule replaces the pending one with a fresh seq. An enrollment
      -- wake-up has none: like the simulator, a superseded one stays and is ignored when it
      -- comes due (the interpreter checks its token), which spares an index write per step.
      CREATE TABLE wakes (
        at    INTEGER NOT NULL,
        seq   INTEGER NOT NULL,
        key   TEXT,
        wake  TEXT NOT NULL,                  -- JSON
        PRIMARY KEY (at, seq)
      ) WITHOUT ROWID;
      CREATE UNIQUE INDEX wakes_by_key ON wakes (key) WHERE key IS NOT NULL;

      -- The transactional outbox: written with the step that produced it. The key
      -- <enrollment>/<node>/<visit> is unique, so a replayed step can never enqueue twice.
      CREATE TABLE outbox (
        id               INTEGER PRIMARY KEY AUTOINCREMENT,
        key              TEXT NOT NULL UNIQUE,
        journey_id       TEXT NOT NULL,
        version          INTEGER NOT NULL,
        node_id          TEXT NOT NULL,
        enrollment_id    TEXT NOT NULL,
        profile_id       TEXT NOT NULL,
        channel          TEXT NOT NULL,
        address          TEXT NOT NULL,
        at               INTEGER NOT NULL,
        content          TEXT NOT NULL,     -- rendered MessageContent, JSON
        status           TEXT NOT NULL DEFAULT 'pending'
                         CHECK (status IN ('pending', 'delivered', 'dead', 'cancelled')),
        attempts         INTEGER NOT NULL DEFAULT 0,
        next_attempt_at  INTEGER NOT NULL,
        last_error       TEXT,
        transport        TEXT,
        finished_at      INTEGER
      );
      CREATE INDEX outbox_due ON outbox (next_attempt_at, id) WHERE status = 'pending';
      CREATE INDEX outbox_sent ON outbox (journey_id, profile_id, at);
      CREATE INDEX outbox_by_status ON outbox (status, id);

      -- Every delivery attempt and its outcome, with the server's reply.
      CREATE TABLE delivery_log (
        id         INTEGER PRIMARY KEY,
        outbox_id  INTEGER NOT NULL,
        attempt    INTEGER NOT NULL,
        at         INTEGER NOT NULL,
        outcome    TEXT NOT NULL CHECK (outcome IN ('delivered', 'retry', 'dead', 'cancelled')),
        transport  TEXT,
        detail     TEXT
      );
      CREATE INDEX delivery_log_by_message ON delivery_log (outbox_id, id);

      -- The embedded outbox: rendered messages kept on this machine, once per outbox row.
      CREATE TABLE mailbox (
        outbox_id  INTEGER PRIMARY KEY,
        stored_at  INTEGER NOT NULL,
        raw        TEXT NOT NULL             -- email: the MIME message; other channels: JSON
      );

      -- Addresses never to message again, as lower-cased channel:address.
      CREATE TABLE suppressions (
        entry       TEXT PRIMARY KEY,
        reason      TEXT NOT NULL,
        created_at  INTEGER NOT NULL
      ) WITHOUT ROWID;

      -- What happened, step by step, for profile histories: one row per unit of work (its
      -- steps concern one profile at one instant), the steps as a JSON array of step records
      -- without their profile and time. journal_steps reads them one per row.
      CREATE TABLE journal (
        id          INTEGER PRIMARY KEY,
        at          INTEGER NOT NULL,
        profile_id  TEXT NOT NULL,
        steps       TEXT NOT NULL
      );
      CREATE INDEX journal_by_profile ON journal (profile_id, id);
      CREATE VIEW journal_steps AS
        SELECT j.id, s.key AS position, j.at, j.profile_id,
               s.value ->> '$.journeyId' AS journey_id,
               s.value ->> '$.enrollmentId' AS enrollment_id,
               s.value ->> '$.type' AS type,
               s.value ->> '$.nodeId' AS node_id,
               s.value AS step
        FROM journal j, json_each(j.steps) s;

      -- Inputs and wake-ups that could not be applied (a fault, never bad user input), kept
      -- for inspection instead of being retried forever.
      CREATE TABLE failures (
        id       INTEGER PRIMARY KEY,
        at       INTEGER NOT NULL,
        source   TEXT NOT NULL,
        payload  TEXT NOT NULL,
        error    TEXT NOT NULL
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
  {
    version: 4,
    name: 'execution from the app',
    sql: `
      -- What the app last did with a journey's execution (paused, stopped, published and not
      -- started); a journey in journey_live is running whatever this says.
      CREATE TABLE journey_execution (
        journey_id  TEXT PRIMARY KEY,
        state       TEXT NOT NULL CHECK (state IN ('ready', 'running', 'paused', 'stopped')),
        changed_at  INTEGER NOT NULL
      );
      -- Live counts per journey. The first changes only when an enrollment starts or ends, the
      -- second when a message is enqueued or settled: neither at every step.
      CREATE INDEX enrollments_by_journey ON enrollments (journey_id, status);
      CREATE INDEX outbox_by_journey ON outbox (journey_id, node_id, status);
    `,
  },
  {
    version: 5,
    name: 'A/B tests',
    sql: `
      -- Every assignment to a split's variant, and when its profile performed the goal within
      -- the attribution window after it (DESIGN §4): the live figures per variant, and what an
      -- automatic winner is decided on.
      CREATE TABLE split_assignments (
        enrollment_id  TEXT NOT NULL,
        node_id        TEXT NOT NULL,
        at             INTEGER NOT NULL,
        journey_id     TEXT NOT NULL,
        version        INTEGER NOT NULL,
        profile_id     TEXT NOT NULL,
        variant        TEXT NOT NULL,
        converted_at   INTEGER,
        PRIMARY KEY (enrollment_id, node_id, at)
      ) WITHOUT ROWID;
      CREATE INDEX split_assignments_by_split ON split_assignments (journey_id, node_id, at);
      -- Automatic winners (DESIGN §7): the last whole hour a split's rule was looked at, and the
      -- decision once made (it never changes after).
      CREATE TABLE split_winners (
        journey_id    TEXT NOT NULL,
        node_id       TEXT NOT NULL,
        checked_hour  INTEGER NOT NULL,
        at            INTEGER,
        variant       TEXT,
        probability   REAL,
        PRIMARY KEY (journey_id, node_id)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 6,
    name: 'images for email designs',
    sql: `
      -- The library's images; the id is a hash of the bytes, so a file added twice is kept once.
      CREATE TABLE images (
        id        TEXT PRIMARY KEY,
        name      TEXT NOT NULL,
        type      TEXT NOT NULL,
        width     INTEGER NOT NULL,
        height    INTEGER NOT NULL,
        size      INTEGER NOT NULL,
        data      BLOB NOT NULL,
        added_at  INTEGER NOT NULL
      );
    `,
  },
  {
    version: 7,
    name: 'unsubscribes, bounces and complaints',
    sql: `
      -- What recipients and their mailboxes answered: an unsubscribe (by link or by email), a
      -- hard bounce (a delivery status notification) or a complaint (an abuse report), with
      -- where it came from and, when known, the journey and message it concerns. Each puts the
      -- address on the suppression list too; this table is for the rates per journey.
      CREATE TABLE feedback (
        id          INTEGER PRIMARY KEY,
        kind        TEXT NOT NULL CHECK (kind IN ('unsubscribe', 'bounce', 'complaint')),
        source      TEXT NOT NULL,          -- link, mailto, dsn, arf
        channel     TEXT NOT NULL,
        address     TEXT NOT NULL,
        journey_id  TEXT,
        outbox_id   INTEGER,
        detail      TEXT,
        at          INTEGER NOT NULL,
        ref         TEXT UNIQUE             -- the mailbox message it came from, read once
      );
      CREATE INDEX feedback_by_journey ON feedback (journey_id, kind);
    `,
  },
  {
    version: 8,
    name: 'one public address for links and images',
    sql: `
      -- The brand kit kept where images are served (email.publicBaseUrl), the library settings
      -- where unsubscribe links point (links.publicUrl): both are the address at which the event
      -- API is reached from the internet, now kept once, under links.publicUrl. The brand kit's
      -- address moves there unless the library already has one.
      INSERT INTO settings (key, value)
        SELECT 'links.publicUrl', value FROM settings
        WHERE key = 'email.publicBaseUrl' AND value <> ''
        ON CONFLICT(key) DO UPDATE SET value = excluded.value WHERE settings.value = '';
      DELETE FROM settings WHERE key = 'email.publicBaseUrl';
    `,
  },
  {
    version: 9,
    name: 'sending policy',
    sql: `
      -- Wake-ups due at one instant run by the journey's priority (highest first), then journey
      -- id, then seq, as the simulator's queue takes them (DESIGN §8): under the library's
      -- sending policy the journey that matters more sends first. The table is kept in that
      -- order. Wake-ups scheduled before had no priority: every journey had the default, 50.
      CREATE TABLE wakes_by_priority (
        at          INTEGER NOT NULL,
        priority    INTEGER NOT NULL,
        journey_id  TEXT NOT NULL,
        seq         INTEGER NOT NULL,
        key         TEXT,
        wake        TEXT NOT NULL,            -- JSON
        PRIMARY KEY (at, priority DESC, journey_id, seq)
      ) WITHOUT ROWID;
      INSERT INTO wakes_by_priority (at, priority, journey_id, seq, key, wake)
        SELECT at, 50, wake ->> '$.journeyId', seq, key, wake FROM wakes;
      DROP TABLE wakes;
      ALTER TABLE wakes_by_priority RENAME TO wakes;
      CREATE UNIQUE INDEX wakes_by_key ON wakes (key) WHERE key IS NOT NULL;

      -- A transactional message (a receipt) is exempt from the sending policy and not counted by
      -- it; the policy counts a profile's messages per channel across all journeys.
      ALTER TABLE outbox ADD COLUMN transactional INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX outbox_by_profile_channel ON outbox (profile_id, channel, at);
    `,
  },
  {
    version: 10,
    name: 'version notes and approvals',
    sql: `
      -- What a published version is for, and who says so: a note and its author per version, and
      -- approvals (name, role, comment) of a version, each with the SHA-256 of the journey file it
      -- approved, so an edit after it shows the approval as stale.
      ALTER TABLE journey_versions ADD COLUMN note TEXT;
      ALTER TABLE journey_versions ADD COLUMN note_by TEXT;
      CREATE TABLE version_approvals (
        id           INTEGER PRIMARY KEY,
        journey_id   TEXT NOT NULL,
        version      INTEGER NOT NULL,
        name         TEXT NOT NULL,
        role         TEXT NOT NULL,
        comment      TEXT NOT NULL,
        sha256       TEXT NOT NULL,
        approved_at  INTEGER NOT NULL
      );
      CREATE INDEX version_approvals_by_version ON version_approvals (journey_id, version, id);
    `,
  },
  {
    version: 11,
    name: 'merged profiles',
    sql: `
      -- The ids merged into a known profile (DESIGN §8): an anonymous profile merged when an
      -- identify or alias named both ids, and when. Events naming a merged id alone go to the
      -- profile it stands for. A profile keeps at most MAX_MERGED_IDS (core/runtime/
      -- profile-merge.ts), the latest.
      CREATE TABLE profile_aliases (
        alias       TEXT PRIMARY KEY,
        profile_id  TEXT NOT NULL,
        merged_at   INTEGER NOT NULL
      );
      CREATE INDEX profile_aliases_by_profile ON profile_aliases (profile_id, merged_at);

      -- An imported event's anonymous id, when the row named one beside the profile id: the
      -- simulation merges that anonymous profile into this one.
      ALTER TABLE dataset_events ADD COLUMN anonymous_id TEXT;
    `,
  },
  {
    version: 12,
    name: 'insertion order of merged ids and kept simulations',
    sql: `
      -- Nothing to do here: SQLite keeps each row's insertion order in its hidden rowid, which
      -- the queries of merged ids and kept simulations break ties with. PostgreSQL's counterpart
      -- adds a column of that name.
      SELECT 1;
    `,
  },
];
