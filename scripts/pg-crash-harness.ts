// The crash test on PostgreSQL: several `serve --worker` processes share one database while
// workers are SIGKILLed at seeded random moments and started again; then every message is
// checked: none lost, none delivered twice. Used by tests/core/adapters/postgres/workers-crash.test.ts
// (a few seconds) and `npm run soak -- --postgres <url>` (longer).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { engineTables } from '../core/adapters/engine-tables';
import { openPostgres } from '../core/adapters/postgres/pg-database';
import { Executor } from '../core/executor/executor';
import { parseJourneyFile } from '../core/model/journey-file';
import { makeProfile } from '../core/model/profile';

function projectRoot(): string {
  let dir = import.meta.dirname;
  while (!existsSync(join(dir, 'scripts', 'cli.mjs'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the project folder');
    dir = up;
  }
  return dir;
}

/** mulberry32: the kills are replayable from the seed. */
function rng(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    let t = (state = (state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every cart enters (reentry: always), gets an email, waits two seconds, and gets another. */
const CART = {
  format: 'journey-studio/journey',
  version: 1,
  id: 'pg-crash-cart',
  name: 'Crash test cart',
  settings: { reentry: 'always' },
  nodes: [
    { id: 'start', kind: 'trigger', config: { on: 'event', event: 'cart' } },
    {
      id: 'first',
      kind: 'message',
      config: {
        channel: 'email',
        from: 'shop@example.com',
        subject: 'Your cart',
        html: '<p>{{ event.n }}</p>',
      },
    },
    { id: 'pause', kind: 'wait', config: { mode: 'duration', duration: 'PT2S' } },
    {
      id: 'second',
      kind: 'message',
      config: {
        channel: 'email',
        from: 'shop@example.com',
        subject: 'Still there?',
        html: '<p>{{ event.n }}</p>',
      },
    },
  ],
  edges: [
    { from: 'start', to: 'first' },
    { from: 'first', to: 'pause' },
    { from: 'pause', to: 'second' },
  ],
};

export interface PgCrashOptions {
  url: string;
  seed: number;
  workers: number;
  /** How long workers are killed at random. */
  killForMs: number;
  profiles: number;
  events: number;
  log?: (line: string) => void;
}

export interface PgCrashReport {
  kills: number;
  expectedMessages: number;
  messages: number;
  delivered: number;
  /** Messages whose delivery was recorded more than once. */
  deliveredTwice: number;
  /** Messages kept in the embedded outbox, one per delivered message. */
  kept: number;
  enrollments: number;
  completed: number;
  failures: number;
  drainedInMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function pgCrashTest(options: PgCrashOptions): Promise<PgCrashReport> {
  const root = projectRoot();
  const log = options.log ?? (() => undefined);
  const random = rng(options.seed);
  const db = openPostgres(options.url);
  const tables = engineTables(db.asDb());
  const executor = new Executor({
    store: tables.store,
    catalog: tables.journeys,
    library: tables.journeys,
    clock: { now: () => Date.now() },
  });
  const parsed = parseJourneyFile(JSON.stringify(CART));
  if (!parsed.ok) throw new Error('the crash journey does not parse');
  executor.publish(parsed.journey);
  tables.store.transaction(() => {
    for (let p = 0; p < options.profiles; p++)
      tables.store.putProfile(makeProfile(`p${p}`, { email: `p${p}@example.com` }));
  });
  const inputs = Array.from({ length: options.events }, (_, n) => ({
    type: 'track' as const,
    event: { profileId: `p${n % options.profiles}`, name: 'cart', properties: { n } },
  }));
  executor.ingest(inputs);

  // Built once before the workers start, so they do not all build the bundle at once.
  execFileSync(process.execPath, [join(root, 'scripts', 'cli.mjs'), 'help'], {
    cwd: root,
    stdio: 'ignore',
  });
  const env = {
    ...process.env,
    JOURNEY_STUDIO_DELIVERY_LEASE_MS: '1500',
    JOURNEY_STUDIO_TOKEN: 'pg-crash-token-0123456789',
  };
  const start = (): ChildProcess =>
    spawn(
      process.execPath,
      [join(root, 'scripts', 'cli.mjs'), 'serve', '--db', options.url, '--worker'],
      {
        cwd: root,
        env,
        stdio: 'ignore',
      },
    );
  const children = Array.from({ length: options.workers }, start);
  let kills = 0;
  const killUntil = Date.now() + options.killForMs;
  while (Date.now() < killUntil) {
    await sleep(200 + random() * 500);
    const i = Math.floor(random() * children.length);
    children[i]?.kill('SIGKILL');
    children[i] = start();
    kills++;
  }
  log(`${kills} kills; draining`);
  const drainFrom = Date.now();
  const remaining = () =>
    db.query(
      `SELECT (SELECT COUNT(*) FROM inbox) + (SELECT COUNT(*) FROM wakes)
            + (SELECT COUNT(*) FROM outbox WHERE status = 'pending') AS n`,
    ).rows[0]?.n as number;
  while (remaining() > 0 && Date.now() - drainFrom < 90_000) await sleep(250);
  const drainedInMs = Date.now() - drainFrom;
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  );
  const one = (sql: string) => Number(db.query(sql).rows[0]?.n ?? 0);
  const report: PgCrashReport = {
    kills,
    expectedMessages: options.events * 2,
    messages: one('SELECT COUNT(*) AS n FROM outbox'),
    delivered: one("SELECT COUNT(*) AS n FROM outbox WHERE status = 'delivered'"),
    deliveredTwice: one(
      `SELECT COUNT(*) AS n FROM (SELECT outbox_id FROM delivery_log WHERE outcome = 'delivered'
       GROUP BY outbox_id HAVING COUNT(*) > 1) d`,
    ),
    kept: one('SELECT COUNT(*) AS n FROM mailbox'),
    enrollments: one('SELECT COUNT(*) AS n FROM enrollments'),
    completed: one("SELECT COUNT(*) AS n FROM enrollments WHERE status = 'completed'"),
    failures: one('SELECT COUNT(*) AS n FROM failures'),
    drainedInMs,
  };
  db.close();
  return report;
}
