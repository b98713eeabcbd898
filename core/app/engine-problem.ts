import { ApiError, type ApiErrorCode } from '../api/contract';

/**
 * Why the app's engine did not start. `engine-busy`: another process's engine holds the
 * database's engine lock. `database-busy`: the database file is locked by another program.
 * `database-unreadable`: the database or its lock file cannot be opened or read (permissions,
 * a damaged file, not a database). `event-api-port`: the event API could not listen on its port.
 * `start-failed`: anything else, with the error's own words.
 */
export const ENGINE_PROBLEM_CODES = [
  'engine-busy',
  'database-busy',
  'database-unreadable',
  'event-api-port',
  'start-failed',
] as const;
export type EngineProblemCode = (typeof ENGINE_PROBLEM_CODES)[number];

/** The facts a problem's sentence is made of: numbers, names, an error's own words. */
export type ProblemValues = Record<string, string | number>;

/**
 * A problem of the engine: its code and facts, so an app can word it in its own language, and
 * the English sentence the command line and older apps show.
 */
export interface EngineProblem {
  code: EngineProblemCode;
  values: ProblemValues;
  message: string;
}

/** A start of the engine refused or failed, with the problem to show; an `ApiError` all the same. */
export class EngineStartError extends ApiError {
  constructor(
    code: ApiErrorCode,
    readonly problem: EngineProblem,
  ) {
    super(code, problem.message, undefined, {
      reason: 'engine-start',
      values: { ...problem.values, problem: problem.code },
    });
  }
}

/** The engine lock is held by another process (its id when it noted it). */
export function engineBusy(pid: number | undefined): EngineProblem {
  return {
    code: 'engine-busy',
    values: pid === undefined ? {} : { pid },
    message: `Another Journey Studio engine${pid === undefined ? '' : ` (process ${pid})`} is running on this database — the command line’s run or serve, or another window. Stop it to run journeys from the app.`,
  };
}

/** The problem a failed start shows: the one it carries, else the error's own words. */
export function engineProblemOf(error: unknown): EngineProblem {
  if (error instanceof EngineStartError) return error.problem;
  const detail = error instanceof Error ? error.message : String(error);
  // A refusal in words of its own (another launcher's) reads as it was written.
  const refused = error instanceof ApiError && error.code === 'conflict';
  return {
    code: 'start-failed',
    values: { detail },
    message: refused ? detail : `The engine could not start: ${detail}`,
  };
}
