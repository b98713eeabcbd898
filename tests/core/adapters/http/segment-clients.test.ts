import RudderAnalytics from '@rudderstack/rudder-sdk-node';
import { Analytics } from '@segment/analytics-node';
import { afterEach, describe, expect, it } from 'vitest';
import { openLocalEngine } from '../../../../core/adapters/local-engine';
import { openDatabase, type Db } from '../../../../core/adapters/sqlite/database';
import { ProfileAliases } from '../../../../core/adapters/sqlite/profile-aliases';
import { chain, journey, node } from '../../build';

const TOKEN = 'segment-clients-test-token';

async function waitFor(what: string, check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** An abandoned-cart journey that mails what was in the cart, on an engine with its event API. */
async function runningEngine(): Promise<{ url: string; db: Db }> {
  const db = openDatabase(':memory:');
  const engine = openLocalEngine({ db, token: TOKEN, port: 0 });
  cleanups.push(() => engine.stop());
  engine.publish(
    journey(
      [
        node('start', 'trigger', { on: 'event', event: 'Product Added' }),
        node('wait', 'wait', { mode: 'duration', duration: 'PT1S' }),
        node('mail', 'message', {
          channel: 'email',
          from: 'shop@example.com',
          subject: '{{ profile.first_name }}, your cart is waiting',
          html: '<p>You left {{ event.brand }} ({{ event.price }} kr) in your cart.</p>',
        }),
      ],
      chain('start', 'wait', 'mail'),
      {},
      'abandoned-cart',
    ),
  );
  const url = await engine.start();
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  return { url, db };
}

interface OutboxRow {
  profile_id: string;
  address: string;
  content: string;
}

function outbox(db: Db): OutboxRow[] {
  return db
    .prepare('SELECT profile_id, address, content FROM outbox ORDER BY id')
    .all() as OutboxRow[];
}

/** What the engine made of a visitor who browsed and filled a cart, then logged in. */
async function expectCartMailed(db: Db, brand: string): Promise<void> {
  await waitFor('the reminder', () => outbox(db).length > 0);
  const [mail, ...more] = outbox(db);
  expect(more).toEqual([]);
  expect(mail?.profile_id).toBe('user-ann');
  expect(mail?.address).toBe('ann@example.com');
  const content = JSON.parse(mail?.content ?? '{}') as { subject: string; html: string };
  expect(content.subject).toBe('Ann, your cart is waiting');
  expect(content.html).toContain(`You left ${brand} (1299 kr) in your cart.`);
  // The anonymous profile is merged: its page view and cart are Ann's.
  const names = (
    db.prepare('SELECT profile_id, name FROM events ORDER BY seq').all() as {
      profile_id: string;
      name: string;
    }[]
  ).map((e) => [e.profile_id, e.name]);
  expect(names).toEqual([
    ['user-ann', 'Viewed Shoes Page'],
    ['user-ann', 'Product Added'],
    ['user-ann', 'Order Completed'],
  ]);
  expect(db.prepare('SELECT COUNT(*) AS n FROM profiles WHERE id = ?').get('anon-1')).toEqual({
    n: 0,
  });
  expect(new ProfileAliases(db).mergedInto('user-ann').map((m) => m.id)).toEqual(['anon-1']);
  const page = db
    .prepare("SELECT properties FROM events WHERE name = 'Viewed Shoes Page'")
    .get() as {
    properties: string;
  };
  expect(JSON.parse(page.properties)).toMatchObject({ name: 'Shoes', path: '/shoes' });
}

describe("the Segment libraries people already have, sending to the engine's event API", () => {
  it("Segment's analytics-node: page, anonymous cart, identify with both ids, track", async () => {
    const { url, db } = await runningEngine();
    const errors: unknown[] = [];
    const analytics = new Analytics({ writeKey: TOKEN, host: url, maxRetries: 0, flushAt: 10 });
    analytics.on('error', (error) => errors.push(error));
    analytics.page({ anonymousId: 'anon-1', name: 'Shoes', properties: { path: '/shoes' } });
    analytics.track({
      anonymousId: 'anon-1',
      event: 'Product Added',
      properties: { brand: 'Fjällräven', price: 1299 },
    });
    analytics.identify({
      userId: 'user-ann',
      anonymousId: 'anon-1',
      traits: { email: 'ann@example.com', first_name: 'Ann' },
    });
    analytics.track({ userId: 'user-ann', event: 'Order Completed', properties: { total: 0 } });
    await analytics.closeAndFlush({ timeout: 10_000 });
    expect(errors).toEqual([]);
    await expectCartMailed(db, 'Fjällräven');
  });

  it("RudderStack's Node library, with its bodies gzipped", async () => {
    const { url, db } = await runningEngine();
    const errors: unknown[] = [];
    const rudder = new RudderAnalytics(TOKEN, {
      dataPlaneUrl: url,
      gzip: true,
      flushAt: 10,
      retryCount: 0,
      logLevel: 'error',
      errorHandler: (error: unknown) => errors.push(error),
    });
    const sent = (call: (done: (error?: Error) => void) => void) =>
      new Promise<void>((resolve, reject) => call((error) => (error ? reject(error) : resolve())));
    const calls = [
      sent((done) =>
        rudder.page({ anonymousId: 'anon-1', name: 'Shoes', properties: { path: '/shoes' } }, done),
      ),
      sent((done) =>
        rudder.track(
          {
            anonymousId: 'anon-1',
            event: 'Product Added',
            properties: { brand: 'Haglöfs', price: 1299 },
          },
          done,
        ),
      ),
      sent((done) =>
        rudder.identify(
          {
            userId: 'user-ann',
            anonymousId: 'anon-1',
            traits: { email: 'ann@example.com', first_name: 'Ann' },
          },
          done,
        ),
      ),
      sent((done) =>
        rudder.track({ userId: 'user-ann', event: 'Order Completed', properties: {} }, done),
      ),
    ];
    await rudder.flush();
    await Promise.all(calls);
    expect(errors).toEqual([]);
    await expectCartMailed(db, 'Haglöfs');
  });
});
