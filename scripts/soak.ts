// `npm run soak [-- --kills <n>] [--seed <n>] [--smtp-every <n>]`: the crash test at length — the
// `run` process SIGKILLed at seeded random moments while events stream in and wake-ups fire,
// then every acknowledged event, every step and every message is checked.
// `npm run soak -- --postgres <empty database url> [--workers <n>]`: the same on PostgreSQL, the
// engine with the event API and workers beside it, one of them killed at a time (the same
// harness, scripts/crash-harness.ts).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { crashTest } from './crash-harness';

const { values } = parseArgs({
  options: {
    kills: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '20260501' },
    'smtp-every': { type: 'string', default: '3' },
    'max-life-ms': { type: 'string', default: '700' },
    postgres: { type: 'string' },
    workers: { type: 'string', default: '2' },
  },
});
const dir = mkdtempSync(join(tmpdir(), 'journey-studio-soak-'));
const started = Date.now();
console.log(
  `soak: ${values.kills} kills, seed ${values.seed}, ${values.postgres ? `PostgreSQL with ${values.workers} workers beside the engine` : `database in ${dir}`}`,
);
const report = await crashTest({
  ...(values.postgres && {
    store: { kind: 'postgres', url: values.postgres },
    workers: Number(values.workers),
  }),
  seed: Number(values.seed),
  kills: Number(values.kills),
  dir,
  maxLifeMs: Number(values['max-life-ms']),
  smtpEvery: Number(values['smtp-every']),
  log: (line) => console.log(`  ${line}`),
});
console.log(JSON.stringify(report, null, 2));
console.log(`soak: ${((Date.now() - started) / 60_000).toFixed(1)} minutes`);
if (report.problems.length > 0) {
  console.error(`soak: FAILED\n  ${report.problems.join('\n  ')}`);
  process.exit(1);
}
console.log(
  `soak: OK — ${report.kills} kills, ${report.eventsAcknowledged} acknowledged events (${report.eventsResent} sent again after a kill), none lost, none applied twice; ` +
    `${report.messages} messages, no step enqueued twice, none kept twice in the embedded outbox; ` +
    `SMTP: ${report.smtp.received} received for ${report.smtp.distinctMessageIds} Message-IDs ` +
    `(${report.smtp.duplicates} resent after a kill, recognisable by Message-ID); integrity_check ${report.integrity}`,
);
