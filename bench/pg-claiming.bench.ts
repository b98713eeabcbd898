// Claiming work on PostgreSQL three ways: the engine's store (per-profile advisory lock + SKIP
// LOCKED, the write in the claiming transaction), pg-boss (a singleton queue keyed by profile) and
// graphile-worker (a named queue per profile). The same jobs through each, with 1, 2 and 4
// worker processes: jobs/s, claim-to-complete latency, per-profile order; then a worker killed
// between a job's write and its completion. A throw-away server is started for it. Figures go
// to docs/decisions/postgres-claiming.md.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startCluster } from '../tests/core/adapters/postgres/pg-cluster';
import { outOfOrder, percentile } from './claim-order';
import {
  enqueue,
  PGBOSS_BATCH,
  recordedLatencies,
  recover,
  remaining,
  RESULT_TABLE,
  runWorker,
  supervise,
  type ClaimerName,
  type Job,
  type WorkerMessage,
  type WorkerOptions,
} from './pg-claiming-claimers';

const JOBS = Number(process.env.BENCH_CLAIM_JOBS ?? 3000);
const PROFILES = Number(process.env.BENCH_CLAIM_PROFILES ?? 500);
const CRASH_JOBS = 1000;
const CRASH_PROFILES = 500;
/** The killed worker dies right after its 50th write. */
const DIE_AFTER = 50;
/** No wait in this benchmark lasts longer. */
const DEADLINE_MS = 90_000;
const CLAIMERS: ClaimerName[] = ['engine', 'pg-boss', 'graphile-worker'];

function jobsOver(count: number, profiles: number): Job[] {
  return Array.from({ length: count }, (_, n) => ({
    n,
    profile: `p${n % profiles}`,
    seq: Math.floor(n / profiles),
  }));
}

interface WorkerProcess {
  child: ChildProcess;
  ready: Promise<void>;
  exited: Promise<NodeJS.Signals | null>;
  workerId?: string;
  report?: Extract<WorkerMessage, { type: 'done' }>;
}

/** Every worker started, to end them should the benchmark fail. */
const children = new Set<ChildProcess>();

function startWorker(options: WorkerOptions): WorkerProcess {
  const child = spawn(
    process.execPath,
    [fileURLToPath(import.meta.url), 'worker', JSON.stringify(options)],
    { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  children.add(child);
  const worker: Partial<WorkerProcess> = { child };
  worker.exited = new Promise((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  worker.ready = new Promise((resolve, reject) => {
    child.on('message', (message: WorkerMessage) => {
      if (message.type === 'ready') resolve();
      else if (message.type === 'worker-id') worker.workerId = message.id;
      else worker.report = message;
    });
    child.once('exit', () => reject(new Error(`a ${options.claimer} worker exited early`)));
  });
  worker.ready.catch(() => {});
  return worker as WorkerProcess;
}

/** A worker that has finished on its own (the engine's do) no longer listens: that is fine. */
const tell = (worker: WorkerProcess, what: 'go' | 'stop') => {
  if (worker.child.connected) worker.child.send(what, () => {});
};

async function until(what: string, done: () => Promise<boolean>): Promise<void> {
  const deadline = performance.now() + DEADLINE_MS;
  while (!(await done())) {
    if (performance.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

// ------------------------------------------------------------------ the server's CPU time

const TICK_MS = 1000 / Number(execFileSync('getconf', ['CLK_TCK']).toString());

/** utime, stime, cutime, cstime and the parent of a process, from /proc. */
function procTimes(pid: string): { ppid: string; own: number; children: number } | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    const n = (i: number) => Number(fields[i]);
    return { ppid: fields[1] ?? '', own: n(11) + n(12), children: n(13) + n(14) };
  } catch {
    return undefined; // gone meanwhile
  }
}

/** CPU milliseconds the server has used: the postmaster, its live children and those ended. */
function serverCpuMs(postmaster: string): number {
  let ticks = 0;
  const main = procTimes(postmaster);
  if (main) ticks += main.own + main.children;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const p = procTimes(pid);
    if (p?.ppid === postmaster) ticks += p.own;
  }
  return ticks * TICK_MS;
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client(url);
  await client.connect();
  return client;
}

/** Waits for the workers' server processes to end, so their CPU time is counted. */
async function backendsGone(client: pg.Client): Promise<void> {
  await until('the workers to disconnect', async () => {
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database()
       AND backend_type = 'client backend' AND pid <> pg_backend_pid()`,
    );
    return (rows[0] as { n: number }).n === 0;
  });
}

/**
 * What the result table says: writes out of a profile's order, jobs written twice (and the
 * longest wait between a job's first write and its second), jobs not written at all.
 */
async function writesOf(client: pg.Client, jobs: number) {
  const { rows } = await client.query(
    'SELECT job, profile, seq, EXTRACT(epoch FROM at)::float8 AS at FROM bench_writes ORDER BY n',
  );
  const writes = rows as { job: number; profile: string; seq: number; at: number }[];
  const first = new Map<number, number>();
  const again = new Set<number>();
  let rerunAfter = 0;
  for (const w of writes) {
    const at = first.get(w.job);
    if (at === undefined) first.set(w.job, w.at);
    else if (!again.has(w.job)) {
      again.add(w.job);
      rerunAfter = Math.max(rerunAfter, w.at - at);
    }
  }
  return { late: outOfOrder(writes), twice: again.size, rerunAfter, lost: jobs - first.size };
}

/** A database with the result table and `jobs` queued for `claimer`. */
async function prepared(
  cluster: Awaited<ReturnType<typeof startCluster>>,
  claimer: ClaimerName,
  jobs: Job[],
  crash: boolean,
) {
  const url = claimer === 'engine' ? cluster.migrated() : cluster.database();
  const client = await connect(url);
  await client.query(RESULT_TABLE);
  await enqueue(claimer, url, jobs, crash);
  return { url, client };
}

// ------------------------------------------------------------------ runs

async function throughput(
  cluster: Awaited<ReturnType<typeof startCluster>>,
  postmaster: string,
  claimer: ClaimerName,
  workers: number,
) {
  const { url, client } = await prepared(cluster, claimer, jobsOver(JOBS, PROFILES), false);
  const pool = Array.from({ length: workers }, () => startWorker({ claimer, url }));
  await Promise.all(pool.map((w) => w.ready));
  const serverBefore = serverCpuMs(postmaster);
  const started = performance.now();
  for (const w of pool) tell(w, 'go');
  await until(`${claimer} to finish`, async () => (await remaining(claimer, client)) === 0);
  const seconds = (performance.now() - started) / 1000;
  for (const w of pool) tell(w, 'stop');
  await Promise.all(pool.map((w) => w.exited));
  await backendsGone(client);
  const serverMs = serverCpuMs(postmaster) - serverBefore;
  const latencies = [
    ...pool.flatMap((w) => w.report?.latencies ?? []),
    ...(await recordedLatencies(claimer, client)),
  ];
  const writes = await writesOf(client, JOBS);
  await client.end();
  const workerMs = pool.reduce((sum, w) => sum + (w.report?.cpuMs ?? 0), 0);
  return { seconds, latencies, writes, workerMs, serverMs };
}

async function crash(cluster: Awaited<ReturnType<typeof startCluster>>, claimer: ClaimerName) {
  const { url, client } = await prepared(
    cluster,
    claimer,
    jobsOver(CRASH_JOBS, CRASH_PROFILES),
    true,
  );
  const keeper = await supervise(claimer, url);
  const doomed = startWorker({ claimer, url, dieAfter: DIE_AFTER });
  const pool = [startWorker({ claimer, url })];
  await Promise.all([doomed.ready, ...pool.map((w) => w.ready)]);
  for (const w of [doomed, ...pool]) tell(w, 'go');
  let signal: NodeJS.Signals | null | undefined;
  void doomed.exited.then((s) => (signal = s));
  const finished = async () => (await remaining(claimer, client)) === 0;
  await until(`a ${claimer} worker to die`, async () => signal !== undefined || (await finished()));
  const killedAt = performance.now();
  if (signal === undefined) pool.push(doomed);
  else {
    await recover(claimer, url, doomed.workerId);
    const again = startWorker({ claimer, url });
    pool.push(again);
    await again.ready;
    tell(again, 'go');
  }
  await until(`${claimer} to finish`, finished);
  const drained = (performance.now() - killedAt) / 1000;
  for (const w of pool) tell(w, 'stop');
  await Promise.all(pool.map((w) => w.exited));
  await keeper.stop();
  const writes = await writesOf(client, CRASH_JOBS);
  await client.end();
  return { killed: signal === 'SIGKILL', drained, writes };
}

// ------------------------------------------------------------------ the table

const LABEL: Record<ClaimerName, string> = {
  engine: 'engine store',
  'pg-boss': 'pg-boss',
  'graphile-worker': 'graphile-worker',
};
const cell = (value: string | number, width: number) => String(value).padStart(width);

async function main() {
  const version = (name: string) =>
    (
      JSON.parse(readFileSync(join('node_modules', name, 'package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  const cluster = await startCluster();
  try {
    const probe = await connect(cluster.database());
    const { rows } = await probe.query('SELECT pg_backend_pid() AS pid, current_setting($1) AS v', [
      'server_version',
    ]);
    const { pid, v: server } = rows[0] as { pid: number; v: string };
    const postmaster = procTimes(String(pid))?.ppid ?? '';
    await probe.end();
    console.log(
      `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, load average ${load} at the start; PostgreSQL ${server} ` +
        `(fsync off), pg-boss ${version('pg-boss')}, graphile-worker ${version('graphile-worker')}`,
    );
    console.log(
      `${JOBS} jobs over ${PROFILES} profiles, each one INSERT, one process per worker, ` +
        `pg-boss fetching ${PGBOSS_BATCH} at a time ` +
        '(CPU: worker processes + PostgreSQL server, seconds):',
    );
    console.log(
      '  claimer           workers   jobs/s   p50 ms   p99 ms  out of order   wall s   CPU s',
    );
    for (const workers of [1, 2, 4])
      for (const claimer of CLAIMERS) {
        const r = await throughput(cluster, postmaster, claimer, workers);
        const extra =
          r.writes.twice + r.writes.lost > 0
            ? `  (${r.writes.twice} twice, ${r.writes.lost} lost)`
            : '';
        console.log(
          `  ${LABEL[claimer].padEnd(16)} ${cell(workers, 8)} ${cell(Math.round(JOBS / r.seconds), 8)} ` +
            `${cell(percentile(r.latencies, 50).toFixed(1), 8)} ${cell(percentile(r.latencies, 99).toFixed(1), 8)} ` +
            `${cell(r.writes.late, 13)} ${cell(r.seconds.toFixed(1), 8)} ` +
            `${cell(`${(r.workerMs / 1000).toFixed(1)}+${(r.serverMs / 1000).toFixed(1)}`, 9)}${extra}`,
        );
      }
    console.log(
      `\nA worker killed right after its ${DIE_AFTER}th write, before completing the job; ` +
        `${CRASH_JOBS} jobs over ${CRASH_PROFILES} profiles, 2 workers, a new one started after the kill:`,
    );
    console.log(
      '  claimer           written twice   lost  out of order   written again after, s   all done after the kill, s',
    );
    for (const claimer of CLAIMERS) {
      const r = await crash(cluster, claimer);
      console.log(
        `  ${LABEL[claimer].padEnd(16)} ${cell(r.killed ? r.writes.twice : 'not killed', 14)} ` +
          `${cell(r.writes.lost, 6)} ${cell(r.writes.late, 13)} ` +
          `${cell(r.writes.twice > 0 ? r.writes.rerunAfter.toFixed(1) : '–', 24)} ${cell(r.drained.toFixed(1), 28)}`,
      );
    }
    console.log(
      `load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')} at the end`,
    );
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    cluster.stop();
  }
}

if (process.argv[2] === 'worker') {
  // Without the benchmark there is nothing to report to.
  process.once('disconnect', () => process.exit(1));
  const send = (message: WorkerMessage) =>
    new Promise<void>((resolve) => {
      if (!process.send) resolve();
      else process.send(message, undefined, {}, () => resolve());
    });
  await runWorker(JSON.parse(process.argv[3] ?? '{}') as WorkerOptions, send);
  process.exit(0);
} else await main();
