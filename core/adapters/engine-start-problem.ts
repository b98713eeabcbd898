import {
  EngineStartError,
  engineBusy,
  engineProblemOf,
  type EngineProblem,
} from '../app/engine-problem';
import { EngineBusyError } from './sqlite/engine-lock';

/** SQLite's codes for a file another program holds locked. */
const DATABASE_BUSY = new Set(['SQLITE_BUSY', 'SQLITE_LOCKED']);

/** SQLite's and the file system's codes for a file that cannot be opened or read as a database. */
const DATABASE_UNREADABLE = new Set([
  'SQLITE_CANTOPEN',
  'SQLITE_CORRUPT',
  'SQLITE_NOTADB',
  'SQLITE_READONLY',
  'SQLITE_PERM',
  'SQLITE_IOERR',
  'EACCES',
  'EPERM',
  'EROFS',
]);

const codeOf = (error: unknown) => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
};

const detailOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Taking the engine lock failed: who holds it, or why the database could not be opened. */
export function lockProblem(error: unknown, file: string): unknown {
  if (error instanceof EngineBusyError)
    return new EngineStartError('conflict', engineBusy(error.pid));
  return databaseProblem(error, file) ?? error;
}

function databaseProblem(error: unknown, file: string): EngineStartError | undefined {
  const code = codeOf(error);
  const detail = detailOf(error);
  let problem: EngineProblem | undefined;
  if (DATABASE_BUSY.has(code))
    problem = {
      code: 'database-busy',
      values: { file, detail },
      message: `The database ${file} is locked by another program (${detail}). Close it and try again.`,
    };
  else if (DATABASE_UNREADABLE.has(code))
    problem = {
      code: 'database-unreadable',
      values: { file, detail },
      message: `The database ${file} cannot be opened or read (${detail}). Check that the folder is yours to write in and the file is not damaged.`,
    };
  return problem && new EngineStartError('internal', problem);
}

/** The engine's start failed: its event API's port, the database, or in the error's own words. */
export function startProblem(error: unknown, port: number, file: string): EngineStartError {
  if (error instanceof EngineStartError) return error;
  const syscall = (error as { syscall?: unknown } | null)?.syscall;
  if (syscall === 'listen' || syscall === 'bind')
    return new EngineStartError('internal', {
      code: 'event-api-port',
      values: { port, detail: detailOf(error) },
      message: `The event API cannot listen on port ${port} (${detailOf(error)}). Close the program that uses it, or start the app again.`,
    });
  return databaseProblem(error, file) ?? new EngineStartError('internal', engineProblemOf(error));
}
