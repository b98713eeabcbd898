// Due wake-ups, processed and committed: 100,000 enrollments wait an hour in a journey; the
// clock moves past the hour and the executor runs them all (WAL, synchronous = FULL), each
// unit committed with its state change, its journal line and, where the path sends, its
// outbox row — in transactions of 500 units, as the live engine runs them when idle.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../core/adapters/sqlite/database';
import { cpuPer, machine } from './exec-load';
import { SqliteEngineStore } from '../core/adapters/sqlite/engine-store';
import { LiveJourneys } from '../core/adapters/sqlite/live-journeys';
import { ManualClock } from '../core/adapters/system-clock';
import { Executor } from '../core/executor/executor';
import type { EngineInput } from '../core/executor/ports';
import type { Journey } from '../core/model/journey';

const T = Date.parse('2026-05-01T10:00:00Z');
const N = 100_000;

function journey(then: 'exit' | 'mail'): Journey {
  return {
    format: 'journey-studio/journey',
    version: 1,
    id: `wake-${then}`,
    name: `Wake then ${then}`,
    settings: {},
    nodes: [
      { id: 'start', kind: 'trigger', config: { on: 'event', event: 'cart' } },
      { id: 'wait', kind: 'wait', config: { mode: 'duration', duration: 'PT1H' } },
      {
        id: 'bought',
        kind: 'condition',
        config: { event: 'purchase', op: 'performed', since: 'entry' },
      },
      then === 'exit'
        ? { id: 'done', kind: 'exit', config: {} }
        : {
            id: 'done',
            kind: 'message',
            config: {
              channel: 'email',
              from: 'shop@example.com',
              subject: 'Still thinking, {{ profile.first_name }}?',
              html: '<p>{{ event.item }}</p><a href="{{ unsubscribe_url }}">Unsubscribe</a>',
            },
          },
    ],
    edges: [
      { from: 'start', to: 'wait' },
      { from: 'wait', to: 'bought' },
      { from: 'bought', port: 'no', to: 'done' },
    ],
  };
}

for (const then of ['exit', 'mail'] as const) {
  const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'js-wake-')), 'engine.db'));
  const store = new SqliteEngineStore(db);
  const live = new LiveJourneys(db);
  const clock = new ManualClock(T);
  const executor = new Executor({ store, catalog: live, library: live, clock, batchSize: 500 });
  executor.publish(journey(then), T);
  for (let i = 0; i < N; i += 1_000) {
    const inputs: EngineInput[] = [];
    for (let k = i; k < i + 1_000; k++) {
      inputs.push(
        {
          type: 'identify',
          profileId: `p${k}`,
          traits: { email: `p${k}@example.com`, first_name: `P${k}` },
        },
        {
          type: 'track',
          event: { profileId: `p${k}`, name: 'cart', properties: { item: `sku-${k}` } },
        },
      );
    }
    executor.ingest(inputs, T);
  }
  executor.runDue(T);
  const waiting = (db.prepare('SELECT COUNT(*) AS n FROM wakes').get() as { n: number }).n;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = executor.runDue(T + 60 * 60_000);
  const seconds = (performance.now() - started) / 1000;
  const outbox = (db.prepare('SELECT COUNT(*) AS n FROM outbox').get() as { n: number }).n;
  console.log(
    `wake-ups then ${then === 'exit' ? 'condition → exit' : 'condition → email'}: ` +
      `${Math.round(result.wakes / seconds).toLocaleString('en')} due wake-ups/s processed and committed ` +
      `(${result.wakes.toLocaleString('en')} of ${waiting.toLocaleString('en')} in ${seconds.toFixed(2)} s` +
      `${outbox ? `, ${outbox.toLocaleString('en')} emails rendered into the outbox` : ''}; ` +
      `CPU ${cpuPer(cpu, result.wakes)} per wake-up; ${machine()})`,
  );
  db.close();
}
