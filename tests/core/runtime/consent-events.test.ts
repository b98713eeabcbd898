import { expect, it } from 'vitest';
import { engineTables } from '../../../core/adapters/engine-tables';
import { ManualClock } from '../../../core/adapters/system-clock';
import { Executor } from '../../../core/executor/executor';
import type { JourneyEvent } from '../../../core/model/event';
import { makeProfile } from '../../../core/model/profile';
import type { StepRecord } from '../../../core/runtime/ports';
import { simulate } from '../../../core/simulator/simulate';
import { describeEachStore, type TestStore } from '../adapters/postgres/test-stores';
import { chain, journey, node } from '../build';

const T = Date.parse('2026-05-04T09:00:00Z');
const HOUR = 3_600_000;

// Signed up → wait a day → email.
const j = journey(
  [
    node('start', 'trigger', { on: 'event', event: 'signup' }),
    node('wait', 'wait', { mode: 'duration', duration: 'P1D' }),
    node('mail', 'message', {
      channel: 'email',
      from: 'shop@example.com',
      subject: 'Hello',
      html: '<p>Hi</p>',
    }),
  ],
  chain('start', 'wait', 'mail'),
);

async function execute(on: TestStore, events: JourneyEvent[]) {
  const db = await on.open();
  const { store, journeys: live } = engineTables(db, { now: () => T });
  const clock = new ManualClock(T);
  const records: StepRecord[] = [];
  const executor = new Executor({
    store,
    catalog: live,
    library: live,
    clock,
    observer: { record: (r) => records.push(r) },
  });
  store.transaction(() => store.putProfile(makeProfile('p', { email: 'P@Example.com' })));
  executor.publish(j, T);
  for (const event of events) {
    clock.set(event.time);
    executor.ingest([{ type: 'track', event }], event.time);
    executor.runDue(event.time);
  }
  clock.set(T + 2 * 24 * HOUR);
  executor.runDue(T + 2 * 24 * HOUR);
  return { db, store, records };
}

const event = (name: string, hours: number, properties = {}): JourneyEvent => ({
  profileId: 'p',
  name,
  time: T + hours * HOUR,
  properties,
});

describeEachStore('consent events from an email service provider', (on) => {
  it('Unsubscribed opts the profile out: later messages are skipped, in execution and simulation', async () => {
    const events = [event('signup', 0), event('Unsubscribed', 2)];
    const { store, records } = await execute(on, events);
    expect(store.getProfile('p')?.attributes.unsubscribed).toBe(true);
    const steps = records.map((r) => r.type);
    expect(records.find((r) => r.type === 'update')).toMatchObject({
      nodeId: 'wait',
      change: { set: { unsubscribed: true } },
    });
    expect(records.find((r) => r.type === 'skip')).toMatchObject({ reason: 'unsubscribed' });
    expect(steps).not.toContain('message');
    const sim = simulate({
      journey: j,
      profiles: [makeProfile('p', { email: 'P@Example.com' })],
      events,
      start: T,
      end: T + 2 * 24 * HOUR,
    });
    expect(sim.report.messages.mail).toMatchObject({ sent: 0, skipped: { unsubscribed: 1 } });
  });

  it('Complained puts the address on the suppression list, for the channel it names', async () => {
    const { db, records } = await execute(on, [
      event('signup', 0),
      event('Complained', 1, { channel: 'sms' }),
      event('Complained', 2),
    ]);
    const entries = db.prepare('SELECT entry, reason FROM suppressions').all();
    // The profile has no phone, so the SMS complaint suppresses nothing; email is the default.
    expect(entries).toEqual([{ entry: 'email:p@example.com', reason: 'complaint' }]);
    expect(records.find((r) => r.type === 'skip')).toMatchObject({ reason: 'suppressed' });
  });

  it('changes nothing for a profile that had already unsubscribed', async () => {
    const { records } = await execute(on, [
      event('signup', 0),
      event('Unsubscribed', 1),
      event('Unsubscribed', 2),
    ]);
    expect(records.filter((r) => r.type === 'update')).toHaveLength(1);
  });
});
