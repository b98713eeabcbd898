// The engine on PostgreSQL: events applied per second and wake-ups run per second, by one worker
// and by two and four sharing the database (each a thread with its own connection, claiming work per
// profile). A throw-away server is started for it. Figures go to docs/scale.md.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { engineTables } from '../core/adapters/engine-tables';
import { openPostgres } from '../core/adapters/postgres/pg-database';
import { ManualClock } from '../core/adapters/system-clock';
import { Executor } from '../core/executor/executor';
import type { Journey } from '../core/model/journey';
import { makeProfile } from '../core/model/profile';
import { startCluster } from '../tests/core/adapters/postgres/pg-cluster';

const T = Date.parse('2026-05-01T10:00:00Z');
const HOUR = 3_600_000;
const EVENTS = Number(process.env.BENCH_PG_EVENTS ?? 2000);
const PROFILES = 500;

const JOURNEY: Journey = {
  format: 'journey-studio/journey',
  version: 1,
  id: 'pg-bench',
  name: 'PostgreSQL bench',
  settings: { reentry: 'always' },
  nodes: [
    { id: 'start', kind: 'trigger', config: { on: 'event', event: 'cart' } },
    { id: 'wait', kind: 'wait', config: { mode: 'duration', duration: 'PT1H' } },
    {
      id: 'mail',
      kind: 'message',
      config: {
        channel: 'email',
        from: 'shop@example.com',
        subject: 'Cart',
        html: '<p>{{ event.n }}</p>',
      },
    },
  ],
  edges: [
    { from: 'start', to: 'wait' },
    { from: 'wait', to: 'mail' },
  ],
} as unknown as Journey;

function executorOn(url: string, clock: ManualClock) {
  const db = openPostgres(url);
  const tables = engineTables(db.asDb(), { now: () => clock.now() });
  const executor = new Executor({
    store: tables.store,
    catalog: tables.journeys,
    library: tables.journeys,
    clock,
    batchSize: 200,
  });
  return { db, executor };
}

/** Runs everything due at `at` until none is left; returns the units this worker ran. */
function drain(url: string, at: number): number {
  const clock = new ManualClock(at);
  const { db, executor } = executorOn(url, clock);
  let units = 0;
  for (let idle = 0; idle < 3;) {
    const r = executor.runDue(at, 200);
    const done = r.inputs + r.wakes;
    units += done;
    idle = done === 0 ? idle + 1 : 0;
  }
  db.close();
  return units;
}

if (!isMainThread) {
  const { url, at } = workerData as { url: string; at: number };
  parentPort?.postMessage(drain(url, at));
} else {
  const cluster = await startCluster();
  const phase = async (url: string, at: number, workers: number): Promise<number> => {
    const started = performance.now();
    if (workers === 1) drain(url, at);
    else
      await Promise.all(
        Array.from(
          { length: workers },
          () =>
            new Promise<number>((resolve, reject) => {
              const w = new Worker(new URL(import.meta.url), { workerData: { url, at } });
              w.once('message', resolve);
              w.once('error', reject);
            }),
        ),
      );
    return (performance.now() - started) / 1000;
  };
  const rows: string[] = [];
  for (const workers of [1, 2, 4]) {
    const url = cluster.migrated();
    const clock = new ManualClock(T);
    const { db, executor } = executorOn(url, clock);
    executor.publish(JOURNEY, T);
    const store = engineTables(db.asDb()).store;
    store.transaction(() => {
      for (let p = 0; p < PROFILES; p++)
        store.putProfile(makeProfile(`p${p}`, { email: `p${p}@example.com` }));
    });
    executor.ingest(
      Array.from({ length: EVENTS }, (_, n) => ({
        type: 'track' as const,
        event: { profileId: `p${n % PROFILES}`, name: 'cart', properties: { n }, time: T },
      })),
      T,
    );
    db.close();
    const events = await phase(url, T, workers);
    const wakes = await phase(url, T + HOUR, workers);
    rows.push(
      `  ${workers} worker${workers > 1 ? 's' : ' '}  ${Math.round(EVENTS / events)
        .toString()
        .padStart(6)} events/s  ${Math.round(EVENTS / wakes)
        .toString()
        .padStart(6)} wake-ups/s (each sending an email to the outbox)`,
    );
  }
  cluster.stop();
  console.log(
    `PostgreSQL ${EVENTS} events over ${PROFILES} profiles, then their ${EVENTS} wake-ups:`,
  );
  for (const row of rows) console.log(row);
}
