import { Simulation, simulate } from '../core/simulator/simulate';
import { BENCH_DAYS, BENCH_JOURNEY, BENCH_START, benchCohort } from './bench-journey';

const gc = (globalThis as { gc?: () => void }).gc;

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

for (const n of [100_000, 1_000_000]) {
  const cohort = benchCohort(n);
  gc?.();
  const before = process.memoryUsage();
  let peak = before.rss;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const result = simulate({
    journey: BENCH_JOURNEY,
    profiles: cohort.profiles,
    events: cohort.events,
    start: BENCH_START,
    end: BENCH_START + BENCH_DAYS * 86_400_000,
    onProgress: () => {
      peak = Math.max(peak, process.memoryUsage().rss);
    },
  });
  const ms = performance.now() - started;
  // CPU time says more than wall time on a shared machine (it includes the GC's helper threads).
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  peak = Math.max(peak, process.memoryUsage().rss);
  const { report } = result;
  const sent = Object.values(report.messages).reduce((s, m) => s + m.sent, 0);
  console.log(
    `${n.toLocaleString('en')} profiles, ${cohort.events.length.toLocaleString('en')} events, ${BENCH_DAYS} days: ` +
      `${ms.toFixed(0)} ms, ${result.steps.toLocaleString('en')} profile-steps = ${Math.round(result.steps / (ms / 1000)).toLocaleString('en')} steps/s, ` +
      `CPU ${cpuMs.toFixed(0)} ms = ${((cpuMs * 1e6) / result.steps).toFixed(0)} ns per step, ` +
      `${sent.toLocaleString('en')} emails rendered, peak RSS ${mb(peak)} (heap used after ${mb(process.memoryUsage().heapUsed)})`,
  );
}

// The loop alone: the set-up (profiles matched to their events, the journey compiled) timed
// apart, on a warmed-up process, as in the app, where one simulation follows another.
{
  const n = 1_000_000;
  const cohort = benchCohort(n);
  gc?.();
  const input = {
    journey: BENCH_JOURNEY,
    profiles: cohort.profiles,
    events: cohort.events,
    start: BENCH_START,
    end: BENCH_START + BENCH_DAYS * 86_400_000,
  };
  const setUpStarted = performance.now();
  const run = new Simulation(input);
  const setUpMs = performance.now() - setUpStarted;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  run.advance(Number.POSITIVE_INFINITY);
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const steps = run.result().steps;
  console.log(
    `loop alone, ${n.toLocaleString('en')} profiles (warm): set-up ${setUpMs.toFixed(0)} ms, then ${ms.toFixed(0)} ms for ${steps.toLocaleString('en')} profile-steps = ` +
      `${Math.round(steps / (ms / 1000)).toLocaleString('en')} steps/s, CPU ${(((cpu.user + cpu.system) * 1000) / steps).toFixed(0)} ns per step`,
  );
}
