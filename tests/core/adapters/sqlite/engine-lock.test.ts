import { spawn, type ChildProcess } from 'node:child_process';
import { build } from 'esbuild';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../core/adapters/sqlite/database';
import {
  EngineBusyError,
  engineLockFile,
  lockEngine,
} from '../../../../core/adapters/sqlite/engine-lock';
import { ROOT, serve, stop, TOKEN, type CliProcess } from '../../cli/cli-process';

const running: CliProcess[] = [];
const cleanups: (() => void)[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((run) => stop(run, 'SIGKILL')));
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function freshDb(): string {
  return join(mkdtempSync(join(tmpdir(), 'js-lock-')), 'engine.db');
}

async function engine(db: string): Promise<CliProcess> {
  const run = await serve(db);
  running.push(run);
  return run;
}

/** A process's state letter in /proc (R, S, Z for a zombie, …), or undefined once it is gone. */
function processState(pid: number): string | undefined {
  try {
    return /^State:\s+(\w)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  } catch {
    return undefined;
  }
}

async function until(check: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The lock-taking process (engine-lock-child.ts), bundled as the command line is. */
const CHILD = join(ROOT, 'out', 'node', 'engine-lock-child.mjs');

beforeAll(async () => {
  await build({
    entryPoints: [join(import.meta.dirname, 'engine-lock-child.ts')],
    outfile: CHILD,
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'warning',
    external: ['better-sqlite3'],
  });
}, 60_000);

interface Contender {
  child: ChildProcess;
  /** Resolves once the process is loaded and waits for the instant to try. */
  ready: Promise<void>;
  /** "engine", or "refused <pid of the engine>". */
  outcome: Promise<string>;
}

function contender(db: string): Contender {
  const child = spawn(process.execPath, [CHILD, db], { stdio: ['pipe', 'pipe', 'inherit'] });
  cleanups.push(() => child.kill('SIGKILL'));
  const lines: string[] = [];
  const waiters: ((line: string) => void)[] = [];
  let buffer = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    for (let end = buffer.indexOf('\n'); end >= 0; end = buffer.indexOf('\n')) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 1);
      const waiter = waiters.shift();
      if (waiter) waiter(line);
      else lines.push(line);
    }
  });
  child.on('exit', (code) => waiters.splice(0).forEach((w) => w(`exited ${code}`)));
  const line = () =>
    new Promise<string>((resolve) => {
      const first = lines.shift();
      if (first !== undefined) resolve(first);
      else waiters.push(resolve);
    });
  const ready = line().then((first) => expect(first).toBe('ready'));
  return { child, ready, outcome: ready.then(line) };
}

/** Processes that each try to become the engine of `db` at one instant; their outcomes. */
async function atOneInstant(db: string, count: number): Promise<[Contender[], string[]]> {
  const all = Array.from({ length: count }, () => contender(db));
  await Promise.all(all.map((c) => c.ready));
  // Loaded and waiting, each spins until the same millisecond and then takes the lock.
  const at = String(Date.now() + 30);
  for (const c of all) c.child.stdin?.write(`${at}\n`);
  return [all, await Promise.all(all.map((c) => c.outcome))];
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

describe('engines started at one instant', () => {
  it('exactly one of two becomes the engine, 30 trials out of 30, and the other is told which', async () => {
    for (let trial = 0; trial < 30; trial++) {
      const db = freshDb();
      const [pair, outcomes] = await atOneInstant(db, 2);
      const won = outcomes.indexOf('engine');
      expect(
        outcomes.filter((o) => o === 'engine'),
        `trial ${trial}: ${outcomes.join(', ')}`,
      ).toHaveLength(1);
      const winner = pair[won] as Contender;
      expect(outcomes[1 - won]).toBe(`refused ${winner.child.pid}`);
      await Promise.all(pair.map((c) => killed(c.child)));
    }
  }, 180_000);

  it('takes over from a killed engine, also when several start at once to do it', async () => {
    const db = freshDb();
    const [first, outcomes] = await atOneInstant(db, 1);
    expect(outcomes).toEqual(['engine']);
    await killed((first[0] as Contender).child);
    // The killed engine's note still names it; the three that start now must not believe it.
    expect(readFileSync(`${db}-engine.pid`, 'utf8').trim()).toBe(String(first[0]?.child.pid));
    const [next, after] = await atOneInstant(db, 3);
    const won = after.indexOf('engine');
    expect(after.filter((o) => o === 'engine')).toHaveLength(1);
    const pid = String(next[won]?.child.pid);
    expect(after.filter((o) => o !== 'engine')).toEqual([`refused ${pid}`, `refused ${pid}`]);
    expect(readFileSync(`${db}-engine.pid`, 'utf8').trim()).toBe(pid);
  }, 60_000);
});

describe('one engine per database, held by the operating system', () => {
  it('refuses a second engine in the same process, and lets the next one in after release', () => {
    const db = freshDb();
    openDatabase(db).close();
    const release = lockEngine(db);
    expect(() => lockEngine(db)).toThrow(EngineBusyError);
    expect(() => lockEngine(db)).toThrow(`(process ${process.pid})`);
    release();
    const again = lockEngine(db);
    again();
    expect(statSync(engineLockFile(db)).mode & 0o777).toBe(0o600);
  });

  it('two engines started together on a new database: 25 trials, one engine each, the other told which', async () => {
    const refusals: string[] = [];
    for (let trial = 0; trial < 25; trial++) {
      const db = freshDb();
      const pair = await Promise.all([engine(db), engine(db)]);
      const winners = pair.filter((run) => run.engine);
      expect(winners.length, `trial ${trial}: ${pair.map((run) => run.stderr).join(' / ')}`).toBe(
        1,
      );
      const [winner, loser] = pair[0]?.engine ? pair : [pair[1], pair[0]];
      expect(loser?.code).toBe(1);
      refusals.push(loser?.stderr.trim() ?? '');
      // The one refused names the engine that runs, and never touched the database it runs on.
      expect(loser?.stderr).toContain(
        `Another Journey Studio engine (process ${winner?.child.pid})`,
      );
      await Promise.all(pair.map((run) => stop(run)));
    }
    expect(refusals).toHaveLength(25);
    // Fifty command lines start and stop here; on a busy machine that takes minutes.
  }, 420_000);

  it('holds whatever happens to the files next to the database', async () => {
    const db = freshDb();
    const first = await engine(db);
    expect(first.engine).toBe(true);
    // What a pid file lock loses to: the file gone, or read before its owner wrote into it.
    for (const note of [`${db}-engine.pid`, `${db}.engine-lock`]) rmSync(note, { force: true });
    writeFileSync(`${db}.engine-lock`, '');
    const second = await engine(db);
    expect(second.engine).toBe(false);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('Another Journey Studio engine');
  }, 60_000);

  it.skipIf(process.platform !== 'linux')(
    'is free as soon as a killed engine is gone, even before its parent has reaped it',
    async () => {
      const db = freshDb();
      openDatabase(db).close();
      const log = `${db}.log`;
      // The engine's parent becomes `sleep`, which never reaps it: killed, it stays a zombie.
      const shell = spawn(
        'sh',
        [
          '-c',
          '"$0" "$1" serve --db "$2" --port 0 --token "$3" >"$4" 2>&1 & echo $!; exec sleep 120',
          process.execPath,
          join(ROOT, 'scripts', 'cli.mjs'),
          db,
          TOKEN,
          log,
        ],
        { stdio: ['ignore', 'pipe', 'ignore'] },
      );
      cleanups.push(() => shell.kill('SIGKILL'));
      const pid = await new Promise<number>((resolve) =>
        shell.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim()))),
      );
      await until(() => existsSync(log) && readFileSync(log, 'utf8').includes('Press Ctrl+C'));
      process.kill(pid, 'SIGKILL');
      await until(() => processState(pid) === 'Z');
      // To a pid check the zombie still exists, which is what used to block the engine for good.
      expect(() => process.kill(pid, 0)).not.toThrow();
      const next = await engine(db);
      expect(next.stderr).toBe('');
      expect(next.engine).toBe(true);
    },
    60_000,
  );

  it('is free after a kill even when its process id now belongs to another program', async () => {
    const db = freshDb();
    const first = await engine(db);
    expect(first.engine).toBe(true);
    await stop(first, 'SIGKILL');
    // Another program took the number (after a restart, say): a live process with that pid.
    const other = spawn('sleep', ['120']);
    cleanups.push(() => other.kill('SIGKILL'));
    const pid = String(other.pid);
    writeFileSync(`${db}-engine.pid`, pid);
    writeFileSync(`${db}.engine-lock`, pid);
    const next = await engine(db);
    expect(next.stderr).toBe('');
    expect(next.engine).toBe(true);
    // The note names the engine that runs now; the note of the earlier versions is gone.
    expect(readFileSync(`${db}-engine.pid`, 'utf8').trim()).toBe(String(next.child.pid));
    expect(existsSync(`${db}.engine-lock`)).toBe(false);
  }, 60_000);
});
