import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
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

  it('two engines started together on a new database: 25 trials, never two engines', async () => {
    const outcomes = { engines: 0, refused: 0, other: [] as string[] };
    for (let trial = 0; trial < 25; trial++) {
      const db = freshDb();
      const pair = await Promise.all([engine(db), engine(db)]);
      const engines = pair.filter((run) => run.engine);
      outcomes.engines += engines.length;
      expect(engines.length, `trial ${trial}`).toBeLessThanOrEqual(1);
      for (const run of pair) {
        if (run.engine) continue;
        if (run.code === 1 && run.stderr.includes('Another Journey Studio engine'))
          outcomes.refused++;
        else outcomes.other.push(`exit ${run.code}: ${run.stderr}`);
      }
      await Promise.all(pair.map((run) => stop(run)));
    }
    // The one that lost opened and migrated the new database as well, then was refused plainly.
    // Rarely both are refused (each saw the other mid-start); never are both engines.
    expect(outcomes.other).toEqual([]);
    expect(outcomes.engines + outcomes.refused).toBe(50);
    expect(outcomes.engines).toBeGreaterThanOrEqual(20);
  }, 180_000);

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
