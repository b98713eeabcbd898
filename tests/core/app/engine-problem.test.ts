import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../core/api/contract';
import { lockProblem, startProblem } from '../../../core/adapters/engine-start-problem';
import { EngineBusyError, lockEngine } from '../../../core/adapters/sqlite/engine-lock';
import { engineProblemOf, EngineStartError } from '../../../core/app/engine-problem';
import { savedLibrarySettings } from '../../../core/app/library-settings';
import { sendingProblem, sendingProblemOf } from '../../../core/app/sending-preflight';

const NO_LINKS = savedLibrarySettings({ get: () => undefined });

describe('why the engine did not start, as a code and its facts', () => {
  it('another engine holds the lock: the process that noted itself, in the English of before', () => {
    const problem = lockProblem(
      new EngineBusyError('/data/journeys.db', 4242),
      '/data/journeys.db',
    );
    expect(problem).toBeInstanceOf(EngineStartError);
    expect(problem).toBeInstanceOf(ApiError);
    expect((problem as EngineStartError).code).toBe('conflict');
    expect((problem as EngineStartError).problem).toEqual({
      code: 'engine-busy',
      values: { pid: 4242 },
      message:
        'Another Journey Studio engine (process 4242) is running on this database — the command line’s run or serve, or another window. Stop it to run journeys from the app.',
    });
    // A call refused by it says why as the reason `engine-start`, with the problem's code and facts.
    expect((problem as EngineStartError).toBody()).toMatchObject({
      reason: 'engine-start',
      values: { problem: 'engine-busy', pid: 4242 },
    });
    const unnamed = lockProblem(new EngineBusyError('/data/journeys.db', undefined), 'x');
    expect((unnamed as EngineStartError).problem.values).toEqual({});
    expect((unnamed as EngineStartError).values).toEqual({ problem: 'engine-busy' });
    expect((unnamed as EngineStartError).message).toMatch(/^Another Journey Studio engine is/);
  });

  it('a lock file that is not a database: unreadable, naming the file', () => {
    const folder = mkdtempSync(join(tmpdir(), 'js-problem-'));
    const db = join(folder, 'journeys.db');
    writeFileSync(
      `${db}-engine.lock`,
      'this is not a database, just text that fills a page '.repeat(40),
    );
    let problem: unknown;
    try {
      lockEngine(db)();
    } catch (error) {
      problem = lockProblem(error, db);
    }
    expect((problem as EngineStartError).problem).toMatchObject({
      code: 'database-unreadable',
      values: { file: db },
    });
    expect((problem as EngineStartError).problem.values.detail).toMatch(/not a database/);
  });

  it('the event API cannot listen: the port, with the system’s words', () => {
    const error = Object.assign(new Error('listen EACCES: permission denied 0.0.0.0:80'), {
      code: 'EACCES',
      syscall: 'listen',
    });
    expect(startProblem(error, 80, '/data/journeys.db').problem).toEqual({
      code: 'event-api-port',
      values: { port: 80, detail: 'listen EACCES: permission denied 0.0.0.0:80' },
      message:
        'The event API cannot listen on port 80 (listen EACCES: permission denied 0.0.0.0:80). Close the program that uses it, or start the app again.',
    });
  });

  it('the database locked by another program, and a cause nobody foresaw', () => {
    const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    expect(startProblem(busy, 8787, '/data/journeys.db').problem).toMatchObject({
      code: 'database-busy',
      values: { file: '/data/journeys.db', detail: 'database is locked' },
    });
    expect(engineProblemOf(new Error('the disk is on fire'))).toEqual({
      code: 'start-failed',
      values: { detail: 'the disk is on fire' },
      message: 'The engine could not start: the disk is on fire',
    });
    // Another launcher's refusal keeps its own sentence.
    expect(engineProblemOf(new ApiError('conflict', 'The server holds it.')).message).toBe(
      'The server holds it.',
    );
  });
});

describe('why email is held back, as a code and its facts', () => {
  it('links to this computer in email through a server elsewhere: the host, and the English of before', () => {
    const problem = sendingProblemOf('smtp.example.com', NO_LINKS);
    expect(problem).toMatchObject({
      code: 'links-unreachable',
      values: { host: 'smtp.example.com' },
    });
    expect(problem?.message).toBe(sendingProblem('smtp.example.com', NO_LINKS));
    expect(problem?.message).toMatch(/^Email through smtp\.example\.com would carry unsubscribe/);
    expect(sendingProblemOf('localhost', NO_LINKS)).toBeUndefined();
    expect(
      sendingProblemOf('smtp.example.com', { ...NO_LINKS, publicUrl: 'https://shop.example' }),
    ).toBeUndefined();
  });
});
