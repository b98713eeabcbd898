import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PortfolioSimulation } from '../core/simulator/portfolio';
import { generateEvents, generateProfiles } from '../core/simulator/sample-data';
import { Simulation } from '../core/simulator/simulate';
import { STARTERS } from '../core/templates/starters';

/**
 * `npm run bench -- portfolio`: the seven starters together on 100,000 generated personas over
 * 30 days, under a sending policy of one email per 16 hours, against one journey alone on the
 * same cohort. Each is measured in a process of its own, so neither's memory is the other's:
 * the resident memory with the cohort loaded, its peak while simulating, and the time.
 * `node scripts/run-ts.mjs bench/portfolio.bench.ts <profiles>` measures another cohort size.
 */

const gc = (globalThis as { gc?: () => void }).gc;
const START = Date.parse('2025-03-03T00:00:00Z');
const DAYS = 30;
const POLICY = { email: { max: 1, per: 'PT16H' } } as const;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

interface Measured {
  mode: string;
  profiles: number;
  events: number;
  ms: number;
  cpuMs: number;
  steps: number;
  baseline: number;
  peak: number;
  /** Heap the simulation still holds at its end, after a collection: what is not garbage. */
  retained: number;
  sent: number;
}

/** One measurement, in this process: `one` journey alone, or the `portfolio` of seven. */
function measure(mode: 'one' | 'portfolio', count: number): Measured {
  const profiles = generateProfiles({ count, seed: 15, asOf: START });
  const events = generateEvents(profiles, { seed: 15, start: START, days: DAYS });
  gc?.();
  const baseline = process.memoryUsage().rss;
  const heapBefore = process.memoryUsage().heapUsed;
  let peak = baseline;
  const window = { start: START, end: START + DAYS * 86_400_000 };
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const run =
    mode === 'one'
      ? new Simulation({
          journey: (STARTERS[0] as (typeof STARTERS)[number]).journey,
          profiles,
          events,
          ...window,
          policy: POLICY,
        })
      : new PortfolioSimulation({
          journeys: STARTERS.map((s) => s.journey),
          profiles,
          events,
          ...window,
          policy: POLICY,
        });
  while (run.advance(2_000)) peak = Math.max(peak, process.memoryUsage().rss);
  peak = Math.max(peak, process.memoryUsage().rss);
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const result = run.result();
  gc?.();
  const retained = process.memoryUsage().heapUsed - heapBefore;
  const reports =
    'journeys' in result.report ? Object.values(result.report.journeys) : [result.report];
  const sent = reports.reduce(
    (sum, r) => sum + Object.values(r.sent).reduce((s, n) => s + (n ?? 0), 0),
    0,
  );
  return {
    mode,
    profiles: count,
    events: events.length,
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    steps: result.steps,
    baseline,
    peak,
    retained,
    sent,
  };
}

const [, , child, childCount] = process.argv;
if (child === 'one' || child === 'portfolio') {
  process.stdout.write(`${JSON.stringify(measure(child, Number(childCount)))}\n`);
} else {
  const count = Number(child ?? 100_000);
  const results: Measured[] = [];
  for (const mode of ['one', 'portfolio'] as const) {
    const run = spawnSync(
      process.execPath,
      [
        // The heap as the command line and the app have it (no larger limit): peaks as they run.
        '--expose-gc',
        join(process.cwd(), 'scripts', 'run-ts.mjs'),
        process.argv[1] as string,
        mode,
        String(count),
      ],
      { encoding: 'utf8', maxBuffer: 1 << 20 },
    );
    if (run.status !== 0) {
      console.error(run.stderr);
      process.exit(1);
    }
    const measured = JSON.parse(run.stdout.trim().split('\n').at(-1) as string) as Measured;
    results.push(measured);
    const what =
      mode === 'one' ? `one journey (${STARTERS[0]?.id})` : `${STARTERS.length} journeys together`;
    console.log(
      `${what}, ${measured.profiles.toLocaleString('en')} profiles, ${measured.events.toLocaleString('en')} events, ${DAYS} days, one email per 16 hours: ` +
        `${(measured.ms / 1000).toFixed(1)} s (CPU ${(measured.cpuMs / 1000).toFixed(1)} s), ${measured.steps.toLocaleString('en')} profile-steps, ${measured.sent.toLocaleString('en')} messages; ` +
        `RSS with the cohort loaded ${mb(measured.baseline)}, peak while simulating ${mb(measured.peak)} (+${mb(measured.peak - measured.baseline)}), heap held at the end ${mb(measured.retained)}`,
    );
  }
  const [one, all] = results as [Measured, Measured];
  console.log(
    `peak memory, ${STARTERS.length} journeys against one: ${(all.peak / one.peak).toFixed(2)}× ` +
      `(growth while simulating: ${mb(all.peak - all.baseline)} against ${mb(one.peak - one.baseline)}; ` +
      `heap held at the end: ${mb(all.retained)} against ${mb(one.retained)})`,
  );
}
