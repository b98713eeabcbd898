// The event API: /v1/batch calls of 100 track events over loopback, acknowledged once committed.
import { cpuPer, drained, load, machine, perSecond, startEngine } from './exec-load';

const { engine, db, url } = await startEngine();
const cpu = process.cpuUsage();
const result = await load(url, { connections: 16, seconds: 8, batch: 100 });
const drain = await drained(engine);
const perEvent = cpuPer(cpu, result.events);
const status = engine.status();
await engine.stop();
db.close();
console.log(
  `/v1/batch: ${perSecond(result.events, result.seconds)} events/s acknowledged ` +
    `(${result.requests.toLocaleString('en')} batches of 100 in ${result.seconds.toFixed(1)} s over 16 connections, ` +
    `${result.failed} failed; latency p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms)`,
);
console.log(
  `  applied by the engine meanwhile: ${perSecond(status.events, result.seconds + drain)} events/s ` +
    `(${status.events.toLocaleString('en')} events; inbox drained ${drain.toFixed(1)} s after the load stopped)`,
);
console.log(
  `  server CPU ${perEvent} per event, acknowledged and applied, in one thread; ${machine()}`,
);
