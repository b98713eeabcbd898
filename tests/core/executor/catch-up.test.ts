import { afterEach, expect, it, vi } from 'vitest';
import { engineTables } from '../../../core/adapters/engine-tables';
import type { Db } from '../../../core/adapters/sqlite/database';
import { ManualClock } from '../../../core/adapters/system-clock';
import { LiveEngine } from '../../../core/executor/live-engine';
import type { StepRecord } from '../../../core/runtime/ports';
import { describeEachStore } from '../adapters/postgres/test-stores';
import { chain, journey, node } from '../build';
import { HandTimers, MemoryTransports } from './hand-timers';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (iso: string) => Date.parse(iso);
const mail = (id: string) =>
  node(id, 'message', {
    channel: 'email',
    from: 'shop@example.com',
    subject: 'Hello',
    html: '<p>x</p>',
  });
const QUIET = { quietHours: { start: '21:00', end: '08:00' } };

/** Mails at once (quiet hours hold it overnight). */
const atOnce = journey(
  [node('start', 'trigger', { on: 'event', event: 'cart' }), mail('mail')],
  chain('start', 'mail'),
  QUIET,
  'at-once',
);
/** Mails fourteen hours after a signup. */
const later = journey(
  [
    node('start', 'trigger', { on: 'event', event: 'signup' }),
    node('wait', 'wait', { mode: 'duration', duration: 'PT14H' }),
    mail('mail'),
  ],
  chain('start', 'wait', 'mail'),
  QUIET,
  'later',
);

const engines: LiveEngine[] = [];
afterEach(async () => {
  for (const engine of engines.splice(0)) await engine.stop();
});

function engineOnClock(start: number, db: Db) {
  const clock = new ManualClock(start);
  const tables = engineTables(db, { now: () => clock.now() });
  const timers = new HandTimers(clock);
  const transports = new MemoryTransports();
  const records: StepRecord[] = [];
  const engine = new LiveEngine({
    clock,
    timers,
    store: tables.store,
    journeys: tables.journeys,
    outbox: tables.outbox,
    backlog: tables.backlog,
    transports,
    eventApi: {
      listen: vi.fn(() => Promise.resolve('http://127.0.0.1:8787')),
      close: vi.fn(() => Promise.resolve()),
      url: 'http://127.0.0.1:8787',
      stats: { requests: 0, accepted: 0, duplicates: 0, rejected: 0, commits: 0 },
    },
    observer: { record: (r) => records.push(r) },
  });
  engines.push(engine);
  const event = (profileId: string, name: string) =>
    engine.ingest([
      { type: 'identify', profileId, traits: { email: `${profileId}@example.com` } },
      { type: 'track', event: { profileId, name, properties: {} } },
    ]);
  return { engine, clock, timers, transports, records, event };
}

describeEachStore(
  'a laptop that sleeps: the system clock jumps forward a day and back an hour',
  (store) => {
    it('catches up in time order, skips what is too late, holds for quiet hours, sends nothing twice', async () => {
      const { engine, clock, timers, transports, records, event } = engineOnClock(
        at('2026-05-01T22:00:00Z'),
        await store.open(),
      );
      engine.publish(atOnce);
      engine.publish(later);
      await engine.start();
      event('ann', 'cart'); // quiet hours: held until 08:00
      event('bob', 'signup'); // due at 12:00 tomorrow
      await timers.settle();
      await timers.advance(30 * 60_000);
      expect(transports.sent).toEqual([]);

      // Asleep from 22:30 to 22:30 the next day.
      clock.set(clock.now() + DAY);
      await timers.settle();
      const caughtUp = records.filter((r) => r.type === 'skip' || r.type === 'wait');
      expect(caughtUp.map((r) => [r.profileId, r.type, new Date(r.at).toISOString()])).toEqual([
        ['ann', 'wait', '2026-05-01T22:00:00.000Z'],
        ['bob', 'wait', '2026-05-01T22:00:00.000Z'],
        // Ann's 08:00 message comes first, 14.5 hours late: skipped.
        ['ann', 'skip', '2026-05-02T22:30:00.000Z'],
        // Bob's 12:00 message, 10.5 hours late, may still go, but not in quiet hours.
        ['bob', 'wait', '2026-05-02T22:30:00.000Z'],
      ]);
      expect(caughtUp[2]).toMatchObject({ reason: 'late' });
      expect(caughtUp[3]).toMatchObject({
        reason: 'quiet_hours',
        until: at('2026-05-03T08:00:00Z'),
      });
      expect(transports.sent).toEqual([]);

      // The clock is put back an hour; a cart arrives meanwhile.
      clock.set(clock.now() - HOUR);
      event('cy', 'cart');
      await timers.settle();
      await timers.advance(11 * HOUR, 10 * 60_000);
      // Both are held until 08:00; at one instant, journeys of one priority go by id (DESIGN §8).
      expect(transports.sent.map((m) => [m.to, m.journeyId])).toEqual([
        ['cy@example.com', 'at-once'],
        ['bob@example.com', 'later'],
      ]);
      expect(engine.status()).toMatchObject({
        wakes: 0,
        enrollments: { active: 0, ended: 3 },
        outbox: { delivered: 2, pending: 0 },
      });
      // Time never went back for the engine: every step after the jump back is at 22:30 or later.
      const afterBack = records.filter((r) => r.profileId === 'cy');
      expect(Math.min(...afterBack.map((r) => r.at))).toBe(at('2026-05-02T22:30:00Z'));
    });

    it('runs work that is only a little late at the time it was due, as the simulator would', async () => {
      const { engine, clock, timers, records, event } = engineOnClock(
        at('2026-05-01T06:00:00Z'),
        await store.open(),
      );
      engine.publish(later);
      await engine.start();
      event('bob', 'signup');
      await timers.settle();
      clock.set(at('2026-05-01T20:00:30Z')); // 30 seconds after the wait ends
      await timers.settle();
      const mailed = records.find((r) => r.type === 'message');
      expect(mailed?.at).toBe(at('2026-05-01T20:00:00Z'));
    });
  },
);
