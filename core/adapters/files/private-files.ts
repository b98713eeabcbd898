import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';

/**
 * The data folder holds profiles, the event API token and the unsubscribe signing secret:
 * nobody but the user who runs the app may read it. Folders are 0700 and files 0600 (on
 * Windows, where modes mean little, the user's profile folder protects them instead).
 */
const FOLDER_MODE = 0o700;
const FILE_MODE = 0o600;

/** Creates the folder (and its parents) as the user's alone, or makes an existing one so. */
export function privateFolder(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: FOLDER_MODE });
  try {
    chmodSync(dir, FOLDER_MODE);
  } catch {
    // A folder of another owner (a shared mount): its files are still made private.
  }
}

/** Makes a file the user's alone, when it exists. */
export function restrictFile(file: string): void {
  try {
    chmodSync(file, FILE_MODE);
  } catch {
    // Gone meanwhile, or not ours to change.
  }
}

/**
 * Creates an empty file readable by the user alone if there is none, or makes the one there so.
 * SQLite creates a database's `-wal` and `-shm` files with the database file's mode, so a
 * database created this way keeps all its files private.
 */
export function privateFile(file: string): void {
  if (!existsSync(file)) {
    try {
      closeSync(openSync(file, 'wx', FILE_MODE));
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  restrictFile(file);
}

/** A SQLite database and the files beside it, made the user's alone. */
export function restrictDatabaseFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) restrictFile(`${file}${suffix}`);
}
