import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';

export class EngineBusyError extends Error {
  constructor(
    readonly file: string,
    readonly pid: number,
  ) {
    super(
      `Another Journey Studio engine (process ${pid}) is running on ${file}. Stop it first, or use another --db.`,
    );
  }
}

/** Locks this process holds: its own pid in a lock file is then no leftover of a killed one. */
const held = new Set<string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One engine per database: two would both deliver the same outbox. The lock is a file next to
 * the database holding the owner's process id; a lock left by a process that is gone (killed)
 * is taken over. Returns the release function.
 */
export function lockEngine(dbFile: string): () => void {
  if (dbFile === ':memory:') return () => undefined;
  const lock = `${dbFile}.engine-lock`;
  for (let tries = 0; tries < 2; tries++) {
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      held.add(lock);
      return () => {
        held.delete(lock);
        try {
          if (readFileSync(lock, 'utf8') === String(process.pid)) unlinkSync(lock);
        } catch {
          // Already gone.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let owner = NaN;
      try {
        owner = Number(readFileSync(lock, 'utf8'));
      } catch {
        // Removed meanwhile: try again.
      }
      const busy = owner === process.pid ? held.has(lock) : alive(owner);
      if (Number.isInteger(owner) && owner > 0 && busy) throw new EngineBusyError(dbFile, owner);
      try {
        unlinkSync(lock);
      } catch {
        // Someone else removed it first.
      }
    }
  }
  throw new EngineBusyError(dbFile, NaN);
}
