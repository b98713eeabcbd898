import { simulate } from '../core/simulator/simulate';
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
