import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { restrictFile } from '../files/private-files';

export class EngineBusyError extends Error {
  constructor(
    readonly file: string,
    /** The holder's process id as it wrote it down; undefined when it could not be read. */
    readonly pid: number | undefined,
  ) {
    super(
      `Another Journey Studio engine${pid === undefined ? '' : ` (process ${pid})`} is running on ${file}. Stop it first, or use another --db.`,
    );
  }
}

export interface EngineLockOptions {
  /** better-sqlite3's native binding built for another runtime (Electron), as the database uses. */
  nativeBinding?: string;
}

/** The file whose kernel-held lock makes a process the database's one engine. */
export function engineLockFile(dbFile: string): string {
  return `${dbFile}-engine.lock`;
}

/**
 * The file engines starting on the database take turns on: held for the moment of taking the
 * engine lock and writing the note, so two starts never try the lock at the same instant, and
 * the one refused reads the note of the engine that holds it, never an older one.
 */
function startFile(dbFile: string): string {
  return `${dbFile}-engine.start`;
}

/** How long a start waits for its turn: others hold it for a millisecond or two. */
const TURN_WAIT_MS = 10_000;

/** Where the engine holding the lock notes its process id, for the message the others show. */
function ownerFile(dbFile: string): string {
  return `${dbFile}-engine.pid`;
}

/** The lock file of earlier versions: a process id in a file, left behind by a killed engine. */
function legacyPidFile(dbFile: string): string {
  return `${dbFile}.engine-lock`;
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}

function ownerPid(dbFile: string): number | undefined {
  try {
    const pid = Number(readFileSync(ownerFile(dbFile), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Writes the holder's note whole (a reader never sees it half written); it decides nothing. */
function writeOwnerNote(dbFile: string): void {
  try {
    const note = ownerFile(dbFile);
    const draft = `${note}.${process.pid}`;
    writeFileSync(draft, `${process.pid}\n`, { mode: 0o600 });
    renameSync(draft, note);
    // A pid file of an earlier version, left by a killed engine, would only confuse a reader.
    if (existsSync(legacyPidFile(dbFile))) rmSync(legacyPidFile(dbFile), { force: true });
  } catch {
    // The note is for people; the lock holds without it.
  }
}

/**
 * A lock of SQLite's on `file`, or undefined when another connection holds it. `BEGIN IMMEDIATE`
 * takes one lock in one step (RESERVED: a single byte, locked exclusively); of two connections
 * trying at one instant, exactly one gets it. (`BEGIN EXCLUSIVE` climbs three steps, and two
 * climbing together can each stop the other: both refused.) The transaction is never
 * committed, so the file stays empty and the lock lasts until `ROLLBACK` or the end of the
 * process.
 */
function takeLock(
  file: string,
  waitMs: number,
  options: EngineLockOptions,
): Database.Database | undefined {
  const connection = new Database(file, {
    timeout: waitMs,
    ...(options.nativeBinding && { nativeBinding: options.nativeBinding }),
  });
  try {
    connection.exec('BEGIN IMMEDIATE');
  } catch (error) {
    connection.close();
    if (isBusy(error)) return undefined;
    throw error;
  }
  restrictFile(file);
  return connection;
}

function letGo(connection: Database.Database): void {
  try {
    connection.exec('ROLLBACK');
  } finally {
    connection.close();
  }
}

/**
 * One engine per database: two would both deliver the same outbox. The engine holds a SQLite
 * lock on a file next to the database (`<db>-engine.lock`) for as long as it runs. The operating
 * system holds that lock for the process and lets go of it when the process ends in any way —
 * stopped, killed, crashed, or the machine restarted — so nothing is ever left behind to clear,
 * and a process id reused by another program means nothing. Within one process SQLite tracks the
 * lock too, so a second engine there is refused alike.
 *
 * Starts take turns (`<db>-engine.start`, held a moment): of engines started at one instant
 * exactly one becomes the engine, and the others are refused naming its process, whose id it
 * wrote beside the lock (`<db>-engine.pid`) before their turn came. That note only serves the
 * message; it decides nothing. Returns the release function. See docs/decisions/engine-lock.md.
 */
export function lockEngine(dbFile: string, options: EngineLockOptions = {}): () => void {
  if (dbFile === ':memory:') return () => undefined;
  // The lock is taken before the database is opened, so make its folder as opening would.
  mkdirSync(dirname(dbFile), { recursive: true, mode: 0o700 });
  // A start that cannot have its turn in time (another stuck mid-start) still tries the lock.
  const turn = takeLock(startFile(dbFile), TURN_WAIT_MS, options);
  let lock: Database.Database | undefined;
  try {
    // Never wait for the engine lock: held means another engine, now and for as long as it runs.
    lock = takeLock(engineLockFile(dbFile), 0, options);
    if (!lock) throw new EngineBusyError(dbFile, ownerPid(dbFile));
    writeOwnerNote(dbFile);
  } finally {
    if (turn) letGo(turn);
  }
  const held = lock;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    try {
      if (ownerPid(dbFile) === process.pid) rmSync(ownerFile(dbFile), { force: true });
    } catch {
      // Already gone.
    }
    letGo(held);
  };
}
