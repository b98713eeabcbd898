import { randomUUID } from 'node:crypto';
import type { AcceptOutcome, EngineInput, InputIntake } from '../../executor/ports';
import { restrictDatabaseFiles } from '../files/private-files';
import type { UnsubscribeTarget } from '../http/unsubscribe-links';
import { connectDatabase, migrate, type Db } from './database';
import { messageIdOf, stampedInput } from './inbox-input';
import type { SchemaMigration } from './schema';

/**
 * The event API's own durable inbox, a small database beside the engine's: `<db>-spool`.
 *
 * The event API runs in a thread of its own and acknowledges a request once it is committed
 * here. It never writes the engine's database, so it never waits for the engine's write lock,
 * which a batch of steps holds while it renders templates. The engine moves what arrived into
 * its inbox between turns (`SpoolCollector`), in one short transaction that records how far it
 * got, then clears the moved rows: a crash at any point neither loses nor repeats an input.
 */
export function spoolFile(dbFile: string): string {
  return `${dbFile}-spool`;
}

const SPOOL_SCHEMA: readonly SchemaMigration[] = [
  {
    version: 1,
    name: 'spool',
    sql: `
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      -- kind 'input': an EngineInput as JSON; 'unsubscribe': an UnsubscribeTarget as JSON.
      CREATE TABLE spool (
        id           INTEGER PRIMARY KEY AUTOINCREMENT,
        received_at  INTEGER NOT NULL,
        kind         TEXT NOT NULL CHECK (kind IN ('input', 'unsubscribe')),
        body         TEXT NOT NULL,
        message_id   TEXT
      );
      CREATE UNIQUE INDEX spool_message_ids ON spool (message_id) WHERE message_id IS NOT NULL;
    `,
  },
];

/**
 * Opens (creating if need be) the spool. Its generation, a random id made with it, keys the
 * engine's progress: a spool made afresh starts from its first row.
 */
export function openSpool(file: string, options: { nativeBinding?: string } = {}): Db {
  const db = connectDatabase(file, { ...options, create: true });
  db.pragma('journal_mode = WAL');
  migrate(db, SPOOL_SCHEMA);
  restrictDatabaseFiles(file);
  db.prepare("INSERT INTO meta (key, value) VALUES ('generation', ?) ON CONFLICT DO NOTHING").run(
    randomUUID(),
  );
  return db;
}

function generationOf(spool: Db): string {
  return (
    spool.prepare("SELECT value FROM meta WHERE key = 'generation'").get() as { value: string }
  ).value;
}

/** Rows waiting in the spool. */
export function spoolPending(spool: Db): number {
  return (spool.prepare('SELECT COUNT(*) AS n FROM spool').get() as { n: number }).n;
}

/**
 * The event API's side: stores accepted inputs and unsubscribe requests in the spool. A message
 * id is a repeat when it waits in the spool or the engine has it already (`message_ids`).
 */
export class SpoolWriter {
  private readonly sql;

  constructor(
    private readonly spool: Db,
    engineDb: Db,
  ) {
    this.sql = {
      put: spool.prepare(
        `INSERT INTO spool (received_at, kind, body, message_id) VALUES (?, ?, ?, ?)
         ON CONFLICT DO NOTHING`,
      ),
      known: engineDb.prepare('SELECT 1 FROM message_ids WHERE message_id = ?'),
    };
  }

  /**
   * Stores the inputs in one transaction; those whose message id was seen are not stored again.
   * The transaction takes the spool's write lock first: the engine clears what it moved only
   * after committing it (ids included) to its inbox, so between the check and the insert a
   * repeated id is always found in one place or the other.
   */
  accept(inputs: readonly EngineInput[], receivedAt: number): AcceptOutcome[] {
    return this.spool
      .transaction(() =>
        inputs.map((input): AcceptOutcome => {
          const messageId = messageIdOf(input) ?? null;
          if (messageId !== null && this.sql.known.get(messageId) !== undefined) return 'duplicate';
          const body = JSON.stringify(stampedInput(input, receivedAt));
          const stored = this.sql.put.run(receivedAt, 'input', body, messageId).changes > 0;
          return stored ? 'accepted' : 'duplicate';
        }),
      )
      .immediate();
  }

  /** Stores a one-click unsubscribe, for the engine to put on the suppression list. */
  unsubscribe(target: UnsubscribeTarget, at: number): void {
    this.sql.put.run(at, 'unsubscribe', JSON.stringify(target), null);
  }
}

interface SpoolRow {
  id: number;
  received_at: number;
  kind: 'input' | 'unsubscribe';
  body: string;
  message_id: string | null;
}

/** Rows moved per transaction. */
const MOVE_AT_ONCE = 2_000;

/**
 * The engine's side: moves what the event API accepted into the engine's inbox (and one-click
 * unsubscribes onto the suppression list), on the engine's connection, between its turns.
 */
export class SpoolCollector implements InputIntake {
  private readonly sql;
  private readonly progressKey: string;

  constructor(
    private readonly engineDb: Db,
    private readonly spool: Db,
    private readonly suppress: (target: UnsubscribeTarget, at: number) => void,
  ) {
    this.progressKey = `spool.moved.${generationOf(spool)}`;
    const e = (text: string) => engineDb.prepare(text);
    this.sql = {
      rows: spool.prepare(
        'SELECT id, received_at, kind, body, message_id FROM spool WHERE id > ? ORDER BY id LIMIT ?',
      ),
      clear: spool.prepare('DELETE FROM spool WHERE id <= ?'),
      progress: e('SELECT value FROM settings WHERE key = ?'),
      setProgress: e(
        `INSERT INTO settings (key, value) VALUES (?, ?)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
      ),
      accept: e('INSERT INTO inbox (type, received_at, body) VALUES (?, ?, ?)'),
      seen: e(
        'INSERT INTO message_ids (message_id, received_at) VALUES (?, ?) ON CONFLICT DO NOTHING',
      ),
    };
  }

  private movedThrough(): number {
    const row = this.sql.progress.get(this.progressKey) as { value: string } | undefined;
    return row ? Number(row.value) : 0;
  }

  /**
   * Moves everything waiting into the inbox, each input applied at the time it was accepted or
   * at `floor` if that is later (the engine has already run up to `floor`: time never goes
   * back for it). Returns how many rows it moved.
   */
  collect(floor: number): number {
    let moved = 0;
    for (let round = 0; round < 1_000; round++) {
      const from = this.movedThrough();
      const rows = this.sql.rows.all(from, MOVE_AT_ONCE) as SpoolRow[];
      if (rows.length === 0) {
        if (from > 0) this.sql.clear.run(from);
        return moved;
      }
      const last = (rows[rows.length - 1] as SpoolRow).id;
      this.engineDb
        .transaction(() => {
          for (const row of rows) {
            const at = Math.max(row.received_at, floor);
            if (row.kind === 'unsubscribe') {
              this.suppress(JSON.parse(row.body) as UnsubscribeTarget, row.received_at);
              continue;
            }
            const input = JSON.parse(row.body) as EngineInput;
            this.sql.accept.run(input.type, at, row.body);
            if (row.message_id !== null) this.sql.seen.run(row.message_id, row.received_at);
          }
          this.sql.setProgress.run(this.progressKey, String(last));
        })
        .immediate();
      // Only once the move is committed: a crash in between finds the progress and skips them.
      this.sql.clear.run(last);
      moved += rows.length;
    }
    return moved;
  }

  pending(): number {
    return spoolPending(this.spool);
  }
}
