// The crash test, on either store: the engine's processes SIGKILLed at seeded random moments
// while events stream in and wake-ups fire, each started again on the same database; then
// everything is checked. On SQLite one `run` process; on PostgreSQL a `run` with the event API
// and `serve --worker` processes beside it, one of them killed at a time. Used by
// tests/core/cli/crash.test.ts, tests/core/adapters/postgres/workers-crash.test.ts (a few kills)
// and `npm run soak` (a thousand and more).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CART, SIGNUP } from './crash-journeys';
import { freePort, rng, Sender, sleep, SmtpCounter, TOKEN, waitForHealth } from './crash-load';
import { postgresReader, sqliteReader, verify, type CrashReport } from './crash-verify';

/** The project folder, whether this runs from scripts/ or bundled into out/node/. */
function projectRoot(): string {
  let dir = import.meta.dirname;
  while (!existsSync(join(dir, 'scripts', 'cli.mjs'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the project folder');
    dir = up;
  }
  return dir;
}

const ROOT = projectRoot();

/** Where the engine keeps its state: a SQLite file in `dir`, or a PostgreSQL database. */
export type CrashStore = { kind: 'sqlite' } | { kind: 'postgres'; url: string };

export interface CrashOptions {
  seed: number;
  kills: number;
  /** Working folder for the journey files (and the SQLite database). */
  dir: string;
  /** SQLite (the default) or PostgreSQL. */
  store?: CrashStore;
  /** PostgreSQL: `serve --worker` processes beside the one with the event API. */
  workers?: number;
  /** Calls sent in batches before the first kill, for the engines to work through meanwhile. */
  backlog?: number;
  /** Longest time a process runs before it is killed, after it is ready. */
  maxLifeMs?: number;
  /** Every n-th process sends email over SMTP to a local server (0: never). */
  smtpEvery?: number;
  log?: (line: string) => void;
}

/** Runs the whole crash test and checks the database it leaves. */
export async function crashTest(options: CrashOptions): Promise<CrashReport> {
  const log = options.log ?? (() => undefined);
  const random = rng(options.seed);
  const store = options.store ?? { kind: 'sqlite' };
  mkdirSync(options.dir, { recursive: true });
  const db = store.kind === 'postgres' ? store.url : join(options.dir, 'engine.db');
  const journeys = [join(options.dir, 'cart.json'), join(options.dir, 'signup.json')];
  writeFileSync(journeys[0]!, JSON.stringify(CART, null, 2));
  writeFileSync(journeys[1]!, JSON.stringify(SIGNUP, null, 2));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const smtp = new SmtpCounter();
  if (options.smtpEvery) await smtp.start();
  const sender = new Sender(options.seed);
  const stderrTail: string[] = [];
  const workers = store.kind === 'postgres' ? (options.workers ?? 0) : 0;
  // Built once before the processes start, so they do not all build the bundle at once.
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'cli.mjs'), 'help'], {
    cwd: ROOT,
    stdio: 'ignore',
  });
  // A worker killed while delivering holds its messages this long before another takes them.
  const env =
    store.kind === 'postgres'
      ? { ...process.env, JOURNEY_STUDIO_DELIVERY_LEASE_MS: '1500' }
      : process.env;

  /** Process 0 runs the journeys and the event API; the others are workers beside it. */
  const launch = (index: number, useSmtp: boolean): ChildProcess => {
    const args =
      index === 0
        ? [
            join(ROOT, 'scripts', 'cli.mjs'),
            'run',
            ...journeys,
            '--db',
            db,
            '--port',
            String(port),
            '--token',
            TOKEN,
          ]
        : [join(ROOT, 'scripts', 'cli.mjs'), 'serve', '--db', db, '--worker', '--token', TOKEN];
    if (useSmtp) args.push('--smtp', `smtp://127.0.0.1:${smtp.port}`);
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr?.on('data', (c: Buffer) => {
      stderrTail.push(c.toString());
      if (stderrTail.length > 50) stderrTail.shift();
    });
    return child;
  };
  const exited = (child: ChildProcess) =>
    new Promise<void>((r) =>
      child.exitCode !== null || child.signalCode !== null ? r() : child.once('exit', () => r()),
    );
  const ready = async (child: ChildProcess) => {
    try {
      await waitForHealth(url, child);
    } catch (error) {
      child.kill('SIGKILL');
      throw new Error(`${String(error)}\n${stderrTail.join('')}`, { cause: error });
    }
  };

  const processes: ChildProcess[] = [];
  for (let kill = 1; kill <= options.kills; kill++) {
    const useSmtp = options.smtpEvery ? kill % options.smtpEvery === 0 : false;
    if (processes.length === 0) {
      processes.push(launch(0, useSmtp));
      await ready(processes[0]!);
      for (let w = 1; w <= workers; w++) processes.push(launch(w, false));
      if (kill === 1 && options.backlog) await sender.backlog(url, options.backlog);
    }
    const life = Math.floor(random() * (options.maxLifeMs ?? 800));
    let stop!: () => void;
    const stopped = new Promise<void>((r) => (stop = r));
    const streaming = sender.stream(url, stopped);
    await sleep(life);
    const victim = processes.length > 1 ? Math.floor(random() * processes.length) : 0;
    processes[victim]!.kill('SIGKILL');
    await exited(processes[victim]!);
    stop();
    await streaming;
    // The one engine on SQLite starts again at the next kill (or for the drain); a worker, or
    // the engine among workers, at once.
    if (workers === 0) processes.length = 0;
    else {
      processes[victim] = launch(victim, false);
      if (victim === 0) await ready(processes[0]!);
    }
    if (kill % 50 === 0 || kill === options.kills)
      log(`kill ${kill}/${options.kills}: ${sender.acked.size} events acknowledged so far`);
  }

  // The last processes: the calls cut off by kills are sent again, then everything drains.
  if (processes.length === 0) {
    processes.push(launch(0, false));
    await ready(processes[0]!);
  }
  while (sender.unacked.size > 0) {
    let stop!: () => void;
    const stopped = new Promise<void>((r) => (stop = r));
    const streaming = sender.stream(url, stopped, 1);
    await sleep(50);
    stop();
    await streaming;
  }
  const check = store.kind === 'postgres' ? postgresReader(store.url) : sqliteReader(db);
  const pending = () =>
    check.one(
      "SELECT (SELECT COUNT(*) FROM inbox) + (SELECT COUNT(*) FROM wakes) + (SELECT COUNT(*) FROM outbox WHERE status = 'pending') AS n",
    ) + check.spooled();
  const until = Date.now() + 90_000;
  while (pending() > 0 && Date.now() < until) await sleep(100);
  for (const child of processes) child.kill('SIGTERM');
  await Promise.all(processes.map(exited));
  await smtp.stop();
  try {
    return verify(check, sender, options, smtp);
  } finally {
    check.close();
  }
}
