// The event API: single /v1/track calls over loopback, each acknowledged only once committed
// (WAL, synchronous = FULL), with the engine applying them in the same process meanwhile.
import { cpuPer, drained, load, machine, perSecond, startEngine } from './exec-load';

const { engine, db, url } = await startEngine();
const cpu = process.cpuUsage();
const result = await load(url, { connections: 256, seconds: 8 });
const drain = await drained(engine);
const perEvent = cpuPer(cpu, result.events);
const status = engine.status();
await engine.stop();
db.close();
console.log(
  `/v1/track: ${perSecond(result.events, result.seconds)} events/s acknowledged ` +
    `(${result.events.toLocaleString('en')} in ${result.seconds.toFixed(1)} s over 256 keep-alive connections, ` +
    `${result.failed} failed; latency p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms; ` +
    `${status.api.commits.toLocaleString('en')} group commits, ${(status.api.accepted / Math.max(1, status.api.commits)).toFixed(1)} events each)`,
);
console.log(
  `  applied by the engine meanwhile: ${perSecond(status.events, result.seconds + drain)} events/s ` +
    `(${status.events.toLocaleString('en')} events, ${status.enrollments.active.toLocaleString('en')} active enrollments, ` +
    `inbox drained ${drain.toFixed(1)} s after the load stopped)`,
);
console.log(
  `  server CPU ${perEvent} per event, acknowledged and applied, in one thread; ${machine()}`,
);
