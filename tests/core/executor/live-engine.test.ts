import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../../core/adapters/sqlite/database';
import { SqliteBacklog } from '../../../core/adapters/sqlite/engine-backlog';
import { SqliteEngineStore } from '../../../core/adapters/sqlite/engine-store';
import { LiveJourneys } from '../../../core/adapters/sqlite/live-journeys';
import { SqliteOutbox } from '../../../core/adapters/sqlite/outbox-store';
import { ManualClock } from '../../../core/adapters/system-clock';
import type { OutboxMessageRecord, Transport } from '../../../core/executor/delivery';
import { LiveEngine } from '../../../core/executor/live-engine';
import type { EventApiPort, Timers, TransportSet } from '../../../core/executor/ports';
import type { Journey } from '../../../core/model/journey';
import { chain, journey, node } from '../build';

const T = Date.parse('2026-05-01T10:00:00Z');
const HOUR = 60 * 60 * 1000;

/** Timers a test runs by hand, on the test's clock. */
class HandTimers implements Timers {
  private turns: (() => void)[] = [];
  private timers: { at: number; work: () => void; every?: number }[] = [];

  constructor(private readonly clock: ManualClock) {}

  soon(work: () => void): void {
    this.turns.push(work);
  }

  after(ms: number, work: () => void): () => void {
    const timer = { at: this.clock.now() + ms, work };
    this.timers.push(timer);
    return () => (this.timers = this.timers.filter((t) => t !== timer));
  }

  every(ms: number, work: () => void): () => void {
    const timer = { at: this.clock.now() + ms, work, every: ms };
    this.timers.push(timer);
    return () => (this.timers = this.timers.filter((t) => t !== timer));
  }

  /** Runs turns (and lets sends settle between them) until nothing is left to do now. */
  async settle(): Promise<void> {
    for (let round = 0; round < 200; round++) {
      await new Promise((resolve) => setImmediate(resolve));
      const due = this.timers.filter((t) => t.at <= this.clock.now());
      for (const t of due) {
        if (t.every) t.at += t.every;
        else this.timers = this.timers.filter((other) => other !== t);
      }
      const turns = this.turns;
      this.turns = [];
      for (const work of [...turns, ...due.map((t) => t.work)]) work();
      if (turns.length === 0 && due.length === 0) return;
    }
    throw new Error('the engine never settled');
  }

  /** Moves the clock on in steps, running what falls due on the way. */
  async advance(ms: number, step = 10_000): Promise<void> {
    for (let moved = 0; moved < ms; moved += step) {
      this.clock.advance(Math.min(step, ms - moved));
      await this.settle();
    }
  }
}

/** Email kept in memory, with the SMTP switch the app uses. */
class MemoryTransports implements TransportSet {
  readonly sent: OutboxMessageRecord[] = [];
  readonly closed: string[] = [];
  smtpUrl: string | undefined;
  private readonly mail: Transport = {
    name: 'memory',
    send: (entry) => {
      this.sent.push(entry);
      return Promise.resolve({ ok: true, detail: '250 kept' });
    },
  };

  transport(): Transport {
    return this.mail;
  }

  get email(): 'smtp' | 'embedded' {
    return this.smtpUrl ? 'smtp' : 'embedded';
  }

  useSmtp(url: string | undefined): (() => void) | undefined {
    const previous = this.smtpUrl;
    this.smtpUrl = url;
    return previous === undefined ? undefined : () => this.closed.push(previous);
  }

  close(): void {
    if (this.smtpUrl) this.closed.push(this.smtpUrl);
  }
}

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

function engineOnHand() {
  const db = openDatabase(':memory:');
  const clock = new ManualClock(T);
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
    store: new SqliteEngineStore(db, { now: () => clock.now() }),
    journeys: new LiveJourneys(db),
    outbox: new SqliteOutbox(db),
    backlog: new SqliteBacklog(db),
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

describe('the live engine, on timers a test runs', () => {
  it('applies what it ingests on the next turns and delivers the message the step wrote', async () => {
    const { engine, timers, transports, cart } = engineOnHand();
    engine.publish(mailAfter());
    await engine.start();
    expect(cart('ann')).toEqual(['accepted', 'accepted']);
    expect(engine.status().inbox).toBe(2);
    await timers.settle();
    expect(engine.status()).toMatchObject({ inbox: 0, events: 1, outbox: { delivered: 1 } });
    expect(transports.sent.map((m) => m.to)).toEqual(['ann@example.com']);
  });

  it('sleeps until a wake-up falls due, and runs it then', async () => {
    const { engine, timers, transports, cart } = engineOnHand();
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
    const { engine, timers, transports, cart } = engineOnHand();
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
