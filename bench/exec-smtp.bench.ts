// Email delivery to a local SMTP server (smtp-server, in its own process) through nodemailer's
// connection pool, as the live engine runs it: outcomes committed in groups, each message with
// its stable Message-ID and one-click unsubscribe headers.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { openLocalEngine } from '../core/adapters/local-engine';
import { openDatabase } from '../core/adapters/sqlite/database';
import { cpuPer, machine } from './exec-load';
import type { EngineInput } from '../core/executor/ports';
import type { Journey } from '../core/model/journey';

const N = 5_000;

function projectRoot(): string {
  let dir = import.meta.dirname;
  while (!existsSync(join(dir, 'bench', 'exec-smtp-sink.mjs'))) dir = dirname(dir);
  return dir;
}

const sink = spawn(process.execPath, [join(projectRoot(), 'bench', 'exec-smtp-sink.mjs')], {
  stdio: ['pipe', 'pipe', 'inherit'],
});
const lines = createInterface({ input: sink.stdout })[Symbol.asyncIterator]();
const port = Number((await lines.next()).value);

const journey: Journey = {
  format: 'journey-studio/journey',
  version: 1,
  id: 'bench-mail',
  name: 'Benchmark mail',
  settings: {},
  nodes: [
    { id: 'start', kind: 'trigger', config: { on: 'event', event: 'signup' } },
    {
      id: 'welcome',
      kind: 'message',
      config: {
        channel: 'email',
        from: 'Shop <shop@example.com>',
        subject: 'Welcome, {{ profile.first_name }}',
        html: '<h1>Hi {{ profile.first_name }}</h1><p>Thanks for joining.</p><p><a href="{{ unsubscribe_url }}">Unsubscribe</a></p>',
        text: 'Hi {{ profile.first_name }}, thanks for joining.',
      },
    },
  ],
  edges: [{ from: 'start', to: 'welcome' }],
};

/** Delivers N welcome emails through a pool of `connections`; prints the rate. */
async function run(connections: number): Promise<void> {
  const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'js-smtp-')), 'engine.db'));
  const engine = openLocalEngine({
    db,
    token: 'bench-token-0123456789',
    smtpUrl: `smtp://127.0.0.1:${port}`,
    smtpConnections: connections,
  });
  engine.publish(journey);
  const inputs: EngineInput[] = [];
  for (let i = 0; i < N; i++) {
    inputs.push(
      {
        type: 'identify',
        profileId: `p${i}`,
        traits: { email: `p${i}@example.com`, first_name: `P${i}` },
      },
      { type: 'track', event: { profileId: `p${i}`, name: 'signup', properties: {} } },
    );
  }
  engine.executor.ingest(inputs);
  engine.executor.runDue();
  const cpu = process.cpuUsage();
  const started = performance.now();
  await engine.start();
  const delivered = db.prepare("SELECT COUNT(*) AS n FROM outbox WHERE status = 'delivered'");
  while ((delivered.get() as { n: number }).n < N) await new Promise((r) => setTimeout(r, 50));
  const seconds = (performance.now() - started) / 1000;
  await engine.stop();
  const counts = engine.outbox.counts();
  db.close();
  console.log(
    `SMTP: ${Math.round(N / seconds).toLocaleString('en')} emails/s delivered and recorded ` +
      `(${N.toLocaleString('en')} in ${seconds.toFixed(2)} s over a pool of ${connections} connections; ` +
      `${counts.dead} dead, ${counts.pending} pending; CPU ${cpuPer(cpu, N)} per email; ${machine()})`,
  );
}

await run(5);
await run(10);
sink.stdin.write('stop\n');
const received = Number((await lines.next()).value);
console.log(
  `  the server received ${received.toLocaleString('en')} messages in all (${(2 * N).toLocaleString('en')} sent)`,
);
