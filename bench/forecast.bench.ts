import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { simulateInShards } from '../core/adapters/simulation-shards';
import { resolveAssumptions } from '../core/forecast/assumptions';
import type { Journey } from '../core/model/journey';
import { Simulation } from '../core/simulator/simulate';
import { BENCH_DAYS, BENCH_JOURNEY, BENCH_START, benchCohort } from './bench-journey';

/**
 * `npm run bench -- forecast`: a forecast of the benchmark journey (10 nodes, 8 days) where every
 * email responds — opens, clicks, caused orders, unsubscribes, complaints — over many runs.
 * The headline: 100 runs × 10,000 profiles on every core, from the files as the command line
 * reads them; then how time grows with runs and profiles, on one thread.
 */

const EXPECT = { open: 0.4, click: 0.08, convert: 0.03, unsubscribe: 0.003, complain: 0.0002 };
const JOURNEY: Journey = {
  ...BENCH_JOURNEY,
  // Orders up to a week after entry count, also after the last email.
  settings: { ...BENCH_JOURNEY.settings, goal: { event: 'purchase', within: 'P7D' } },
  nodes: BENCH_JOURNEY.nodes.map((n) =>
    n.kind === 'message'
      ? { ...n, config: { ...n.config, expect: { ...EXPECT, within: 'P2D' } } }
      : n,
  ),
};
const END = BENCH_START + BENCH_DAYS * 86_400_000;
const ASSUMPTIONS = resolveAssumptions(JOURNEY);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const gc = (globalThis as { gc?: () => void }).gc;

/** Writes the benchmark cohort as the CSV files a marketer would give the command line. */
function writeCohort(n: number): { profiles: string; events: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'js-forecast-bench-'));
  const cohort = benchCohort(n);
  const profiles = join(dir, 'profiles.csv');
  const events = join(dir, 'events.csv');
  writeFileSync(
    profiles,
    `id,email,first_name,country,score\n${cohort.profiles
      .map((p) => {
        const a = p.attributes;
        return `${p.id},${String(a.email)},${String(a.first_name)},${String(a.country)},${String(a.score)}`;
      })
      .join('\n')}\n`,
  );
  writeFileSync(
    events,
    `profile_id,name,time,price\n${cohort.events
      .map(
        (e) =>
          `${e.profileId},${e.name},${new Date(e.time).toISOString()},${typeof e.properties.price === 'number' ? e.properties.price : ''}`,
      )
      .join('\n')}\n`,
  );
  return { profiles, events, dir };
}

async function threaded(runs: number, n: number, threads: number): Promise<void> {
  const files = writeCohort(n);
  gc?.();
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const result = await simulateInShards(
    {
      journey: JOURNEY,
      profilesFile: files.profiles,
      eventsFile: files.events,
      seed: 0,
      trace: [],
      window: () => ({ start: BENCH_START, end: END }),
      runs,
      assume: () => ASSUMPTIONS,
    },
    threads,
    pathToFileURL(join(process.cwd(), 'out', 'node', 'simulation-thread.mjs')),
  );
  const ms = performance.now() - started;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const cpu = process.cpuUsage(cpuBefore);
  const f = result.report.forecast;
  const profileRuns = runs * n;
  console.log(
    `${runs} runs × ${n.toLocaleString('en')} profiles on ${threads} thread${threads === 1 ? '' : 's'}, from CSV: ` +
      `${ms.toFixed(0)} ms wall, CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms (main thread and workers), ` +
      `${Math.round(profileRuns / (ms / 1000)).toLocaleString('en')} profile-runs/s, peak RSS ${mb(peak)}; ` +
      `caused orders P50 ${f?.conversions.caused.p50 ?? 0} (P10 ${f?.conversions.caused.p10 ?? 0}, P90 ${f?.conversions.caused.p90 ?? 0})`,
  );
  rmSync(files.dir, { recursive: true, force: true });
}

/** One thread, the cohort in memory: the simulation alone. */
function inMemory(runs: number, n: number): { ms: number; cpuMs: number } {
  const cohort = benchCohort(n);
  gc?.();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const simulation = new Simulation({
    journey: JOURNEY,
    ...cohort,
    start: BENCH_START,
    end: END,
    runs,
    assumptions: ASSUMPTIONS,
  });
  simulation.advance(Number.POSITIVE_INFINITY);
  simulation.result();
  const cpu = process.cpuUsage(cpuBefore);
  return { ms: performance.now() - started, cpuMs: (cpu.user + cpu.system) / 1000 };
}

const threads = Math.max(1, Math.min(4, availableParallelism()));
// Warm up once, as the app is warm after its first simulation.
inMemory(5, 2_000);
await threaded(100, 10_000, threads);
await threaded(100, 10_000, 1);

console.log('\nOne thread, in memory: wall ms (CPU ms) by runs and profiles');
const sizes = [1_000, 10_000, 50_000];
console.log(
  ['runs', ...sizes.map((s) => `${s.toLocaleString('en')} profiles`)]
    .map((c) => c.padStart(18))
    .join(''),
);
for (const runs of [10, 50, 100]) {
  const cells = sizes.map((n) => {
    const { ms, cpuMs } = inMemory(runs, n);
    return `${ms.toFixed(0)} (${cpuMs.toFixed(0)})`;
  });
  console.log([String(runs), ...cells].map((c) => c.padStart(18)).join(''));
}
