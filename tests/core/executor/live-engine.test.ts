import { afterEach, describe, expect, it, vi } from 'vitest';
import { engineTables } from '../../../core/adapters/engine-tables';
import { openDatabase, type Db } from '../../../core/adapters/sqlite/database';
import { ManualClock } from '../../../core/adapters/system-clock';
import { LiveEngine } from '../../../core/executor/live-engine';
import type { EventApiPort } from '../../../core/executor/ports';
import type { Journey } from '../../../core/model/journey';
import { describeEachStore } from '../adapters/postgres/test-stores';
import { chain, journey, node } from '../build';
import { HandTimers, MemoryTransports } from './hand-timers';

const T = Date.parse('2026-05-01T10:00:00Z');
const HOUR = 60 * 60 * 1000;

const mailAfter = (wait?: string): Journey =>
  journey(
    [
      node('start', 'trigger', { on: 'event', event: 'cart' }),
      ...(wait ? [node('wait', 'wait', { mode: 'duration', duration: wait })] : []),
      node('mail', 'message', {
        channel: 'email',
        from: 'shop@example.com',
        subject: 'Your cart',
        html: '<p>x</p>',
      }),
    ],
    wait ? chain('start', 'wait', 'mail') : chain('start', 'mail'),
    {},
    'cart',
  );

const open: LiveEngine[] = [];
afterEach(async () => {
  for (const engine of open.splice(0)) await engine.stop();
});

function engineOnHand(db: Db = openDatabase(':memory:')) {
  const clock = new ManualClock(T);
  const tables = engineTables(db, { now: () => clock.now() });
  const timers = new HandTimers(clock);
  const transports = new MemoryTransports();
  const eventApi: EventApiPort = {
    listen: vi.fn(() => Promise.resolve('http://127.0.0.1:8787')),
    close: vi.fn(() => Promise.resolve()),
    url: 'http://127.0.0.1:8787',
    stats: { requests: 0, accepted: 0, duplicates: 0, rejected: 0, commits: 0 },
  };
  const engine = new LiveEngine({
    clock,
    timers,
    store: tables.store,
    journeys: tables.journeys,
    outbox: tables.outbox,
    backlog: tables.backlog,
    transports,
    eventApi,
  });
  open.push(engine);
  const cart = (profileId: string) =>
    engine.ingest([
      { type: 'identify', profileId, traits: { email: `${profileId}@example.com` } },
      { type: 'track', event: { profileId, name: 'cart', properties: {} } },
    ]);
  return { engine, clock, timers, transports, eventApi, cart };
}

describeEachStore('the live engine, on timers a test runs', (store) => {
  it('applies what it ingests on the next turns and delivers the message the step wrote', async () => {
    const { engine, timers, transports, cart } = engineOnHand(await store.open());
    engine.publish(mailAfter());
    await engine.start();
    expect(cart('ann')).toEqual(['accepted', 'accepted']);
    expect(engine.status().inbox).toBe(2);
    await timers.settle();
    expect(engine.status()).toMatchObject({ inbox: 0, events: 1, outbox: { delivered: 1 } });
    expect(transports.sent.map((m) => m.to)).toEqual(['ann@example.com']);
  });

  it('sleeps until a wake-up falls due, and runs it then', async () => {
    const { engine, timers, transports, cart } = engineOnHand(await store.open());
    engine.publish(mailAfter('PT1H'));
    await engine.start();
    cart('ann');
    await timers.settle();
    expect(engine.status()).toMatchObject({ wakes: 1, enrollments: { active: 1 } });
    await timers.advance(HOUR - 60_000);
    expect(transports.sent).toEqual([]);
    await timers.advance(60_000);
    expect(transports.sent.map((m) => m.to)).toEqual(['ann@example.com']);
    expect(engine.status()).toMatchObject({ wakes: 0, enrollments: { active: 0, ended: 1 } });
  });

  it('takes nothing new into a journey whose entries stopped, and again once it goes live', async () => {
    const { engine, timers, transports, cart } = engineOnHand(await store.open());
    engine.publish(mailAfter());
    await engine.start();
    const noted: string[] = [];
    engine.stopEntries('cart', () => noted.push('paused'));
    cart('ann');
    await timers.settle();
    expect(transports.sent).toEqual([]);
    engine.goLive('cart', 1, T, () => noted.push('running'));
    cart('bob');
    await timers.settle();
    expect(transports.sent.map((m) => m.to)).toEqual(['bob@example.com']);
    expect(noted).toEqual(['paused', 'running']);
  });
});

describe('the live engine’s transports and event API', () => {
  it('switches email to another server, closing the one before once it is idle', async () => {
    const { engine, transports } = engineOnHand();
    await engine.start();
    engine.setSmtpUrl('smtp://first.example:587');
    expect(engine.emailTransport).toBe('smtp');
    engine.setSmtpUrl('smtp://second.example:587');
    await new Promise((resolve) => setImmediate(resolve));
    expect(transports.closed).toEqual(['smtp://first.example:587']);
    expect(engine.smtpUrl).toBe('smtp://second.example:587');
  });

  it('stops its event API and its transports when it stops, and runs nothing after', async () => {
    const { engine, timers, transports, eventApi, cart } = engineOnHand();
    engine.publish(mailAfter());
    await engine.start();
    engine.setSmtpUrl('smtp://mail.example:587');
    await engine.stop();
    expect(eventApi.close).toHaveBeenCalled();
    expect(transports.closed).toEqual(['smtp://mail.example:587']);
    cart('ann');
    await timers.settle();
    expect(engine.status().inbox).toBe(2);
    expect(transports.sent).toEqual([]);
  });
});
