import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { resolveAssumptions } from '../core/forecast/assumptions';
import { PortfolioSimulation } from '../core/simulator/portfolio';
import { generateEvents, generateProfiles } from '../core/simulator/sample-data';
import { STARTERS } from '../core/templates/starters';

/**
 * `npm run bench -- portfolio-forecast`: a forecast of the starters together (the first 3, then
 * all 7) on 10,000 generated personas over 30 days, 20 runs, each email responding at the library's
 * published rates, under a sending policy of one email per 16 hours; against the same portfolio
 * replayed once (no responses). Each is measured in a process of its own: wall time, CPU time and
 * peak resident memory. `node scripts/run-ts.mjs bench/portfolio-forecast.bench.ts <profiles>
 * <runs> <starters>` measures one other size.
 */

const START = Date.parse('2025-03-03T00:00:00Z');
const DAYS = 30;
const POLICY = { email: { max: 1, per: 'PT16H' } } as const;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

interface Measured {
  profiles: number;
  runs: number;
  starters: number;
  forecast: boolean;
  events: number;
  ms: number;
  cpuMs: number;
  peak: number;
  perDay: string;
}

function measure(count: number, runs: number, starters: number, forecast: boolean): Measured {
  const profiles = generateProfiles({ count, seed: 15, asOf: START });
  const events = generateEvents(profiles, { seed: 15, start: START, days: DAYS });
  const journeys = STARTERS.slice(0, starters).map((s) => s.journey);
  const assumptions = forecast
    ? Object.fromEntries(journeys.map((j) => [j.id, resolveAssumptions(j, { defaults: true })]))
    : undefined;
  let peak = process.memoryUsage().rss;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const run = new PortfolioSimulation({
    journeys,
    profiles,
    events,
    start: START,
    end: START + DAYS * 86_400_000,
    policy: POLICY,
    runs,
    ...(assumptions && { assumptions }),
  });
  while (run.advance(200)) peak = Math.max(peak, process.memoryUsage().rss);
  const { report } = run.result();
  peak = Math.max(peak, process.memoryUsage().rss);
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const spread = report.portfolio.forecast?.mean;
  return {
    profiles: count,
    runs,
    starters,
    forecast,
    events: events.length,
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    peak,
    perDay: spread
      ? `${spread.p50.toFixed(3)} (${spread.p10.toFixed(3)}–${spread.p90.toFixed(3)})`
      : report.portfolio.mean.toFixed(3),
  };
}

function inChild(count: number, runs: number, starters: number, forecast: boolean): Measured {
  const run = spawnSync(
    process.execPath,
    [
      join(process.cwd(), 'scripts', 'run-ts.mjs'),
      process.argv[1] as string,
      'child',
      String(count),
      String(runs),
      String(starters),
      forecast ? 'forecast' : 'replay',
    ],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  if (run.status !== 0) {
    console.error(run.stderr);
    process.exit(1);
  }
  return JSON.parse(run.stdout.trim().split('\n').at(-1) as string) as Measured;
}

function print(m: Measured): void {
  const what = m.forecast ? `forecast, ${m.runs} runs` : 'replay, one run';
  console.log(
    `${m.starters} starters × ${m.profiles.toLocaleString('en')} personas (${m.events.toLocaleString('en')} events) × ${DAYS} days, ${what}: ` +
      `${(m.ms / 1000).toFixed(1)} s wall, CPU ${(m.cpuMs / 1000).toFixed(1)} s, peak RSS ${mb(m.peak)}; ` +
      `messages per person per day ${m.perDay}`,
  );
}

const [, , mode, a, b, c, d] = process.argv;
if (mode === 'child') {
  process.stdout.write(
    `${JSON.stringify(measure(Number(a), Number(b), Number(c), d === 'forecast'))}\n`,
  );
} else if (mode !== undefined) {
  print(inChild(Number(mode), Number(a ?? 20), Number(b ?? 3), true));
} else {
  for (const starters of [3, 7]) {
    print(inChild(10_000, 1, starters, false));
    print(inChild(10_000, 20, starters, true));
  }
}
