// The three claimers pg-claiming.bench.ts compares, each in two halves: queueing the jobs (in the
// benchmark's process) and a worker that claims them (one process per worker, so one can be
// killed). Every job does the same write — one row in `bench_writes` — and completes.
import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import type * as GraphileWorkerModule from 'graphile-worker';
import type { WorkerEvents } from 'graphile-worker';
import type { Client } from 'pg';
import type PgBoss from 'pg-boss';
import { openPostgres } from '../core/adapters/postgres/pg-database';
import { PgEngineStore } from '../core/adapters/postgres/pg-engine-store';
import type { EngineInput } from '../core/executor/ports';

type PgBossModule = typeof PgBoss;
type GraphileWorker = typeof GraphileWorkerModule;

// The queues are loaded from node_modules when a benchmark runs, never bundled: they are
// development dependencies only, and graphile-worker reads files of its own package.
const load = createRequire(import.meta.url);
const pgBoss = () => load('pg-boss') as PgBossModule;
const graphile = () => load('graphile-worker') as GraphileWorker;

export type ClaimerName = 'engine' | 'pg-boss' | 'graphile-worker';

/** One job: the `seq`-th of its profile's, in the order they were queued. */
export interface Job {
  n: number;
  profile: string;
  seq: number;
}

/** What a worker process is told. */
export interface WorkerOptions {
  claimer: ClaimerName;
  url: string;
  /** Die (SIGKILL) right after this many writes, before the claimer completes the job. */
  dieAfter?: number;
}

/** What a worker reports to the benchmark. */
export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'worker-id'; id: string }
  | { type: 'done'; latencies: number[]; cpuMs: number };

export const RESULT_TABLE = `CREATE TABLE bench_writes (
  n bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  job integer NOT NULL, profile text NOT NULL, seq integer NOT NULL,
  at timestamptz NOT NULL DEFAULT clock_timestamp())`;
const WRITE = 'INSERT INTO bench_writes (job, profile, seq) VALUES ($1, $2, $3)';

const QUEUE = 'bench';
const T = Date.parse('2026-05-01T10:00:00Z');
// As the executor claims: 256 inputs fetched, up to 200 units applied per transaction.
const INPUT_FETCH = 256;
const BATCH = 200;
export const PGBOSS_BATCH = Number(process.env.BENCH_PGBOSS_BATCH ?? BATCH);

/** pg-boss gives up on a job held this long (its default is 15 minutes). */
const CRASH_EXPIRE_S = 2;

// ------------------------------------------------------------------ queueing

/** Puts the schema a claimer needs in place and queues `jobs` (in that order). */
export async function enqueue(
  claimer: ClaimerName,
  url: string,
  jobs: readonly Job[],
  crash: boolean,
): Promise<void> {
  if (claimer === 'engine') {
    const pg = openPostgres(url);
    const store = new PgEngineStore(pg);
    const inputs: EngineInput[] = jobs.map((job) => ({
      type: 'track',
      event: { profileId: job.profile, name: 'job', properties: { ...job }, time: T },
    }));
    store.transaction(() => store.accept(inputs, T));
    pg.close();
  } else if (claimer === 'pg-boss') {
    const boss = new (pgBoss())({ connectionString: url });
    boss.on('error', (error) => console.error(error));
    await boss.start();
    // One job active per profile: pg-boss's tool for serialising a key.
    await boss.createQueue(QUEUE, {
      name: QUEUE,
      policy: 'singleton',
      retryLimit: 2,
      ...(crash && { expireInSeconds: CRASH_EXPIRE_S }),
    });
    // A queue hands out jobs by creation time, then id (random): a profile's jobs must be sent
    // in separate transactions, one after the other. Profiles are sent side by side.
    const rounds = new Map<number, Job[]>();
    for (const job of jobs) rounds.set(job.seq, [...(rounds.get(job.seq) ?? []), job]);
    for (const round of rounds.values())
      await Promise.all(
        round.map((job) => boss.send(QUEUE, { ...job }, { singletonKey: job.profile })),
      );
    await boss.stop({ graceful: false, wait: true });
  } else {
    const { makeWorkerUtils, runMigrations } = graphile();
    await runMigrations({ connectionString: url, logger: quietLogger() });
    const utils = await makeWorkerUtils({ connectionString: url, logger: quietLogger() });
    // A named queue runs its jobs one at a time, in order: graphile-worker's serial queue.
    await utils.addJobs(
      jobs.map((job) => ({ identifier: QUEUE, payload: { ...job }, queueName: job.profile })),
    );
    await utils.release();
  }
}

/** The claimer's own count of jobs not yet completed. */
export async function remaining(claimer: ClaimerName, client: Client): Promise<number> {
  const sql = {
    engine: 'SELECT count(*)::int AS n FROM inbox',
    'pg-boss': `SELECT count(*)::int AS n FROM pgboss.job WHERE name = '${QUEUE}' AND state < 'completed'`,
    'graphile-worker': 'SELECT count(*)::int AS n FROM graphile_worker._private_jobs',
  }[claimer];
  return ((await client.query(sql)).rows[0] as { n: number }).n;
}

/** pg-boss keeps when each job was claimed and completed; the others are timed by the worker. */
export async function recordedLatencies(claimer: ClaimerName, client: Client): Promise<number[]> {
  if (claimer !== 'pg-boss') return [];
  const { rows } = await client.query(
    `SELECT EXTRACT(epoch FROM completed_on - started_on)::float8 * 1000 AS ms FROM pgboss.job
     WHERE name = '${QUEUE}' AND state = 'completed'`,
  );
  return rows.map((r: { ms: number }) => r.ms);
}

/** Frees what a killed worker held: graphile-worker keeps its jobs locked for 4 hours. */
export async function recover(claimer: ClaimerName, url: string, workerId: string | undefined) {
  if (claimer !== 'graphile-worker' || workerId === undefined) return;
  const utils = await graphile().makeWorkerUtils({ connectionString: url, logger: quietLogger() });
  await utils.forceUnlockWorkers([workerId]);
  await utils.release();
}

/** The maintenance that retries a killed worker's jobs, where the claimer has one. */
export async function supervise(claimer: ClaimerName, url: string) {
  if (claimer !== 'pg-boss') return { stop: async () => {} };
  const boss = new (pgBoss())({ connectionString: url, maintenanceIntervalSeconds: 1 });
  boss.on('error', (error) => console.error(error));
  await boss.start();
  return { stop: () => boss.stop({ graceful: false, wait: true }) };
}

function quietLogger() {
  const { Logger } = graphile();
  // LogLevel is a const enum, which this build cannot read: its value is the word.
  return new Logger(() => (level, message) => {
    if (String(level) === 'error') console.error(message);
  });
}

// ------------------------------------------------------------------ workers

/** Runs one worker until the benchmark stops it (the engine's: until nothing is left). */
export async function runWorker(options: WorkerOptions, send: (m: WorkerMessage) => Promise<void>) {
  // The benchmark sends two messages: go, then (to a queue's worker) stop.
  const go = () => new Promise<void>((resolve) => process.once('message', () => resolve()));
  let writes = 0;
  const wrote = () => {
    // The crash that matters: after the handler's write, before the job is completed.
    if (++writes === options.dieAfter) process.kill(process.pid, 'SIGKILL');
  };
  const finish = (latencies: number[], cpu: NodeJS.CpuUsage) => {
    const used = process.cpuUsage(cpu);
    return send({ type: 'done', latencies, cpuMs: (used.user + used.system) / 1000 });
  };

  if (options.claimer === 'engine') {
    const pg = openPostgres(options.url);
    const store = new PgEngineStore(pg);
    await send({ type: 'ready' });
    await go();
    const cpu = process.cpuUsage();
    const latencies = engineWorker(pg, store, wrote);
    pg.close();
    await finish(latencies, cpu);
  } else if (options.claimer === 'pg-boss') {
    const boss = new (pgBoss())({ connectionString: options.url });
    boss.on('error', (error) => console.error(error));
    await boss.start();
    await send({ type: 'ready' });
    await go();
    const stopped = go();
    const cpu = process.cpuUsage();
    const db = boss.getDb();
    // A pg-boss worker fetches once per polling interval (0.5 s at least), however quickly it
    // finished the last batch: a batch as large as the engine's transaction, so that fetching
    // does not cap it at two jobs a second (BENCH_PGBOSS_BATCH=1 shows that cap).
    const work = { pollingIntervalSeconds: 0.5, batchSize: PGBOSS_BATCH };
    await boss.work<Job>(QUEUE, work, async (jobs) => {
      for (const { data } of jobs) {
        await db.executeSql(WRITE, [data.n, data.profile, data.seq]);
        wrote();
      }
    });
    await stopped;
    await boss.stop({ graceful: true, wait: true });
    await finish([], cpu);
  } else {
    const { run } = graphile();
    const events = new EventEmitter() as WorkerEvents;
    const started = new Map<string, number>();
    const latencies: number[] = [];
    // Jobs are locked in the name of the worker pool (the process), which is what to unlock.
    events.on(
      'pool:create',
      ({ workerPool }) => void send({ type: 'worker-id', id: workerPool.id }),
    );
    events.on('job:start', ({ job }) => started.set(job.id, performance.now()));
    events.on('job:complete', ({ job }) =>
      latencies.push(performance.now() - (started.get(job.id) ?? NaN)),
    );
    await send({ type: 'ready' });
    await go();
    const stopped = go();
    const cpu = process.cpuUsage();
    const runner = await run({
      connectionString: options.url,
      concurrency: 1,
      noHandleSignals: true,
      pollInterval: 100,
      logger: quietLogger(),
      events,
      taskList: {
        [QUEUE]: async (payload, helpers) => {
          const job = payload as Job;
          await helpers.query(WRITE, [job.n, job.profile, job.seq]);
          wrote();
        },
      },
    });
    await stopped;
    await runner.stop();
    await finish(latencies, cpu);
  }
}

/**
 * Claims as the executor does (`pendingInputs` inside the transaction, each input completed in
 * it), with the job's write in the same transaction; until the inbox is empty.
 */
export function engineWorker(
  pg: ReturnType<typeof openPostgres>,
  store: PgEngineStore,
  wrote: () => void,
): number[] {
  const latencies: number[] = [];
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let rounds = 0; rounds < 1_000_000; rounds++) {
    const claimed = performance.now();
    const done = store.transaction(() => {
      const items = store.pendingInputs(INPUT_FETCH).slice(0, BATCH);
      for (const item of items) {
        store.nextWake();
        if (item.input.type !== 'track') continue;
        const job = item.input.event.properties as unknown as Job;
        pg.query(WRITE, [job.n, job.profile, job.seq]);
        wrote();
        store.completeInput(item.id);
      }
      return items.length;
    });
    const took = performance.now() - claimed;
    for (let i = 0; i < done; i++) latencies.push(took);
    if (done > 0) continue;
    // Nothing free to claim: finished, or every input left belongs to a profile held by another.
    if (store.pendingInputs(1).length === 0) break;
    Atomics.wait(pause, 0, 0, 2);
  }
  return latencies;
}
