import type { EngineInput } from '../../executor/ports';
import { DEFAULT_PRIORITY } from '../../model/journey-settings';
import { wakeKey, type Wake } from '../../runtime/ports';
import type { InboxRow, WakeRow } from '../sqlite/engine-statements';
import { SqliteEngineStore, type SqliteEngineStoreOptions } from '../sqlite/engine-store';
import { stampedInput } from '../sqlite/inbox-input';
import { isPostgresError, type PgDatabase } from './pg-database';

/** The profile an input concerns (none for a journey start, which concerns everyone). */
function profileOf(input: EngineInput): string | null {
  if (input.type === 'track') return input.event.profileId;
  if (input.type === 'identify') return input.profileId;
  return null;
}

/**
 * A wake-up's key as PostgreSQL can keep it: text there cannot hold NUL, which separates the
 * parts of a key. Reversible, so two keys never become one.
 */
export function storedWakeKey(key: string): string {
  return key.replace(/\\/g, '\\\\').split('\u0000').join('\\0');
}

/** A lock key per profile: two workers never hold the same profile at once. */
const PROFILE_LOCK = 'hashtextextended(profile_id, 0)';

/*
 * Inputs and wake-ups are claimed, never merely read, in two statements. The first takes the
 * profiles of the rows first in line that no other worker holds (a transaction-scoped advisory
 * lock, tried, never waited for); the second, with a fresh snapshot that sees every commit of the
 * profiles' last holders, takes those profiles' rows in time order with FOR UPDATE SKIP LOCKED.
 * So all work on one profile runs in one worker at a time and in time order, as on SQLite. (One
 * statement trying each row's lock as it scanned could skip a profile's early rows while another
 * worker held it, then take its later rows once that worker had committed.) A journey start
 * applies to everyone: nothing received after it is claimed until it has finished, and no
 * wake-up due at or after it.
 */
const INPUTS_BEFORE_START = "id <= COALESCE((SELECT MIN(id) FROM inbox WHERE type = 'start'), id)";
const WAKES_BEFORE_START =
  "at < COALESCE((SELECT MIN(received_at) FROM inbox WHERE type = 'start'), at + 1)";
const WAKE_ORDER = 'at, priority DESC, journey_id, seq';

/**
 * How far down the line a claim looks for free profiles, in rows per row it may take: far enough
 * to pass the rows other workers hold, while it locks only the profiles of the rows it may take.
 */
const LOOK_AHEAD = 4;

/*
 * The line is read first (materialised, in order); its profiles' locks are then tried row by row
 * down the line and stop once as many rows as the claim may take are found, so a claim never
 * holds profiles it will not work on.
 */
const lockProfiles = (rowsInLine: string) => `
  WITH in_line AS MATERIALIZED (${rowsInLine})
  SELECT DISTINCT profile_id FROM (
    SELECT profile_id FROM in_line WHERE pg_try_advisory_xact_lock(${PROFILE_LOCK}) LIMIT $2
  ) AS free`;

const LOCK_INPUT_PROFILES = lockProfiles(`
  SELECT profile_id FROM inbox WHERE profile_id IS NOT NULL AND ${INPUTS_BEFORE_START}
  ORDER BY id LIMIT $1`);

const CLAIM_INPUTS = `
  SELECT id, type, received_at, body, cursor FROM inbox
  WHERE ${INPUTS_BEFORE_START} AND (profile_id IS NULL OR profile_id = ANY($2::text[]))
  ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`;

const LOCK_WAKE_PROFILES = lockProfiles(`
  SELECT profile_id FROM wakes WHERE ${WAKES_BEFORE_START} ORDER BY ${WAKE_ORDER} LIMIT $1`);

const CLAIM_WAKES = `
  SELECT key, seq, wake FROM wakes
  WHERE ${WAKES_BEFORE_START} AND profile_id = ANY($2::text[])
  ORDER BY ${WAKE_ORDER} LIMIT $1 FOR UPDATE SKIP LOCKED`;

const PEEK_INPUTS = 'SELECT id, type, received_at, body, cursor FROM inbox ORDER BY id LIMIT $1';
const PEEK_WAKES = `SELECT key, seq, wake FROM wakes ORDER BY ${WAKE_ORDER} LIMIT $1`;

/** Starting a journey for everyone waits for each profile, in the order they were added. */
const PROFILES_AFTER = `
  SELECT seq AS n, id, pg_advisory_xact_lock(hashtextextended(id, 0)) AS locked FROM profiles
  WHERE seq > $1 ORDER BY seq LIMIT $2`;

/**
 * The engine's store on PostgreSQL: the SQLite store's identity map, units and statements, with
 * what several workers on one database need instead — inputs and wake-ups claimed per profile,
 * enrollment and wake-up numbers from sequences, the profile kept beside each row to lock it by.
 */
export class PgEngineStore extends SqliteEngineStore {
  constructor(
    private readonly pg: PgDatabase,
    options: SqliteEngineStoreOptions = {},
  ) {
    super(pg.asDb(), options);
  }

  override isStorageError(error: unknown): boolean {
    return isPostgresError(error);
  }

  protected override nextOrd(): number {
    return Number(this.pg.query("SELECT nextval('enrollment_ord') AS v").rows[0]?.v);
  }

  protected override nextWakeSeq(): number {
    return Number(this.pg.query("SELECT nextval('wake_seq') AS v").rows[0]?.v);
  }

  protected override insertWake(key: string | undefined, seq: number, wake: Wake): void {
    const values = [
      seq,
      wake.at,
      wake.priority ?? DEFAULT_PRIORITY,
      wake.journeyId,
      JSON.stringify(wake),
      wake.profileId,
    ];
    if (key === undefined)
      this.pg.query(
        `INSERT INTO wakes (key, seq, at, priority, journey_id, wake, profile_id)
         VALUES (NULL, $1, $2, $3, $4, $5, $6)`,
        values,
      );
    else
      this.pg.query(
        `INSERT INTO wakes (key, seq, at, priority, journey_id, wake, profile_id)
         VALUES ($7, $1, $2, $3, $4, $5, $6)
         ON CONFLICT (key) WHERE key IS NOT NULL
         DO UPDATE SET seq = excluded.seq, at = excluded.at, priority = excluded.priority,
                       journey_id = excluded.journey_id, wake = excluded.wake`,
        [...values, storedWakeKey(key)],
      );
  }

  protected override readWakes(limit: number): WakeRow[] {
    const rows = (this.pg.inTransaction
      ? this.claim(LOCK_WAKE_PROFILES, CLAIM_WAKES, limit)
      : this.pg.query(PEEK_WAKES, [limit]).rows) as unknown as WakeRow[];
    // The key as the store compares it: made again from the wake-up.
    return rows.map((r) => ({
      ...r,
      key: r.key === null ? null : wakeKey(JSON.parse(r.wake) as Wake),
    }));
  }

  protected override insertInput(input: EngineInput, receivedAt: number): void {
    this.pg.query(
      'INSERT INTO inbox (type, received_at, body, profile_id) VALUES ($1, $2, $3, $4)',
      [input.type, receivedAt, JSON.stringify(stampedInput(input, receivedAt)), profileOf(input)],
    );
  }

  protected override readInputs(limit: number): InboxRow[] {
    return (this.pg.inTransaction
      ? this.claim(LOCK_INPUT_PROFILES, CLAIM_INPUTS, limit)
      : this.pg.query(PEEK_INPUTS, [limit]).rows) as unknown as InboxRow[];
  }

  /** Takes the free profiles of up to `limit` rows in line, then up to `limit` of their rows. */
  private claim(lockProfiles: string, claimRows: string, limit: number): unknown[] {
    const profiles = this.pg
      .query(lockProfiles, [limit * LOOK_AHEAD, limit])
      .rows.map((r) => String(r.profile_id));
    return this.pg.query(claimRows, [limit, profiles]).rows;
  }

  protected override readProfilesAfter(after: number, limit: number): { n: number; id: string }[] {
    return this.pg.query(PROFILES_AFTER, [after, limit]).rows as unknown as {
      n: number;
      id: string;
    }[];
  }
}
