import Database from 'better-sqlite3';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/**
 * One engine per database: two would both deliver the same outbox. The engine holds an
 * exclusive SQLite lock on a file next to the database (`<db>-engine.lock`) for as long as it
 * runs. The operating system holds that lock for the process and lets go of it when the process
 * ends in any way — stopped, killed, crashed, or the machine restarted — so nothing is ever left
 * behind to clear, and a process id reused by another program means nothing. Within one process
 * SQLite tracks the lock too, so a second engine there is refused alike.
 *
 * The process id written beside it only serves the message others show; it decides nothing.
 * Returns the release function. See docs/decisions/engine-lock.md.
 */
export function lockEngine(dbFile: string, options: EngineLockOptions = {}): () => void {
  if (dbFile === ':memory:') return () => undefined;
  const lockFile = engineLockFile(dbFile);
  const lock = new Database(lockFile, {
    // Never wait: a held lock means another engine, now and for as long as it runs.
    timeout: 0,
    ...(options.nativeBinding && { nativeBinding: options.nativeBinding }),
  });
  try {
    // Rollback-journal mode takes an exclusive file lock; the transaction is never committed,
    // so the file stays empty and the lock lasts until release (or the end of the process).
    lock.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    lock.close();
    if (isBusy(error)) throw new EngineBusyError(dbFile, ownerPid(dbFile));
    throw error;
  }
  restrictFile(lockFile);
  try {
    writeFileSync(ownerFile(dbFile), `${process.pid}\n`, { mode: 0o600 });
    // A pid file of an earlier version, left by a killed engine, would only confuse a reader.
    if (existsSync(legacyPidFile(dbFile))) rmSync(legacyPidFile(dbFile), { force: true });
  } catch {
    // The note is for people; the lock holds without it.
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    try {
      if (ownerPid(dbFile) === process.pid) rmSync(ownerFile(dbFile), { force: true });
    } catch {
      // Already gone.
    }
    try {
      lock.exec('ROLLBACK');
    } finally {
      lock.close();
    }
  };
}
