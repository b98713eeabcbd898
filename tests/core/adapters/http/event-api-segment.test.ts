import { deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { EventApi } from '../../../../core/adapters/http/event-api';
import { MAX_CLOCK_SKEW_MS } from '../../../../core/api/event-api-contract';
import { openDatabase } from '../../../../core/adapters/sqlite/database';
import { SqliteEngineStore } from '../../../../core/adapters/sqlite/engine-store';
import type { EngineInput } from '../../../../core/executor/ports';

const TOKEN = 'segment-shapes-token';
const T = Date.parse('2026-05-01T10:00:00Z');

let api: EventApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

async function start(options: { maxBodyBytes?: number; maxBatchBytes?: number } = {}) {
  const db = openDatabase(':memory:');
  const store = new SqliteEngineStore(db);
  api = new EventApi({
    token: TOKEN,
    ...options,
    now: () => T,
    ingest: (inputs) => store.transaction(() => store.accept(inputs, T)),
  });
  const url = await api.listen();
  const inbox = () =>
    (db.prepare('SELECT body FROM inbox ORDER BY id').all() as { body: string }[]).map(
      (r) => JSON.parse(r.body) as EngineInput,
    );
  const send = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${TOKEN}:`).toString('base64')}`,
        'content-type': 'application/json',
        ...headers,
      },
      body: Buffer.isBuffer(body) ? body : JSON.stringify(body),
    });
  return { inbox, send };
}

describe('the event API takes every call of the Segment spec', () => {
  it('stores page and screen calls as Viewed <name> Page / Screen events, with their properties', async () => {
    const { send, inbox } = await start();
    expect(
      (
        await send('/v1/page', {
          anonymousId: 'a1',
          name: 'Shoes',
          category: 'Shop',
          properties: { path: '/shoes' },
        })
      ).status,
    ).toBe(200);
    expect((await send('/v1/screen', { userId: 'u1', name: 'Basket' })).status).toBe(200);
    expect((await send('/v1/page', { userId: 'u1' })).status).toBe(200);
    expect(
      inbox().map(
        (i) => i.type === 'track' && [i.event.profileId, i.event.name, i.event.properties],
      ),
    ).toEqual([
      ['a1', 'Viewed Shoes Page', { path: '/shoes', name: 'Shoes', category: 'Shop' }],
      ['u1', 'Viewed Basket Screen', { name: 'Basket' }],
      ['u1', 'Viewed Page', {}],
    ]);
  });

  it('keeps group traits on the profile under group, and merges on alias and identify naming both ids', async () => {
    const { send, inbox } = await start();
    await send('/v1/group', {
      userId: 'u1',
      groupId: 42,
      traits: { name: 'Acme AB', plan: 'gold' },
    });
    await send('/v1/alias', { userId: 'u1', previousId: 'a1' });
    await send('/v1/identify', { userId: 'u1', anonymousId: 'a2' });
    await send('/v1/identify', { anonymousId: 'a3', traits: { city: 'Umeå' } });
    expect(inbox()).toEqual([
      {
        type: 'identify',
        profileId: 'u1',
        traits: { group: { name: 'Acme AB', plan: 'gold', id: '42' } },
      },
      { type: 'identify', profileId: 'u1', traits: {}, anonymousId: 'a1' },
      { type: 'identify', profileId: 'u1', traits: {}, anonymousId: 'a2' },
      { type: 'identify', profileId: 'a3', traits: { city: 'Umeå' } },
    ]);
  });

  it('files a track with only an anonymousId under it, and one with both under the user', async () => {
    const { send, inbox } = await start();
    await send('/v1/track', { anonymousId: 'a1', event: 'cart', properties: { sku: 'x' } });
    await send('/v1/track', { userId: 'u1', anonymousId: 'a1', event: 'purchase' });
    expect(inbox().map((i) => i.type === 'track' && i.event)).toMatchObject([
      { profileId: 'a1', name: 'cart', properties: { sku: 'x' } },
      { profileId: 'u1', anonymousId: 'a1', name: 'purchase' },
    ]);
  });

  it('takes a batch with every kind of call, and still refuses it whole for one bad call', async () => {
    const { send, inbox } = await start();
    const calls = [
      { type: 'page', anonymousId: 'a1', name: 'Home' },
      { type: 'track', anonymousId: 'a1', event: 'cart' },
      { type: 'identify', userId: 'u1', anonymousId: 'a1', traits: { email: 'u1@example.com' } },
      { type: 'alias', userId: 'u1', previousId: 'a0' },
      { type: 'group', userId: 'u1', groupId: 'g1' },
      { type: 'screen', userId: 'u1', name: 'Start' },
    ];
    const bad = await send('/v1/batch', { batch: [...calls, { type: 'track', event: 'no-one' }] });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { field: 'batch.6.userId' } });
    expect(inbox()).toEqual([]);
    expect((await send('/v1/batch', { batch: calls })).status).toBe(200);
    expect(inbox().map((i) => i.type)).toEqual([
      'track',
      'track',
      'identify',
      'identify',
      'identify',
      'track',
    ]);
  });

  it('moves times by the sender clock error sentAt shows, within a day, never past arrival', async () => {
    const { send, inbox } = await start();
    const ahead = 5 * 60_000;
    // The sender's clock is five minutes fast: it says it sent at T + 5 min.
    await send('/v1/batch', {
      batch: [
        {
          type: 'track',
          userId: 'u',
          event: 'e',
          timestamp: new Date(T + ahead - 60_000).toISOString(),
        },
      ],
      sentAt: new Date(T + ahead).toISOString(),
    });
    // Per call, as RudderStack sends it, with originalTimestamp.
    await send('/v1/track', {
      userId: 'u',
      event: 'f',
      originalTimestamp: T - 2 * 60_000 - ahead,
      sentAt: T - ahead,
    });
    // A sentAt further off than a day is not trusted: the time stays as given.
    const far = T - MAX_CLOCK_SKEW_MS - 60_000;
    await send('/v1/track', { userId: 'u', event: 'g', timestamp: T - 1_000, sentAt: far });
    // A correction never puts an event after it arrived.
    await send('/v1/track', { userId: 'u', event: 'h', timestamp: T + 60_000, sentAt: T - 60_000 });
    expect(inbox().map((i) => i.type === 'track' && i.event.time)).toEqual([
      T - 60_000,
      T - 2 * 60_000,
      T - 1_000,
      T,
    ]);
  });
});

describe('the event API reads compressed bodies', () => {
  const batch = {
    batch: [{ type: 'track', userId: 'u', event: 'cart', properties: { brand: 'Åre' } }],
  };

  it.each([
    ['gzip', gzipSync],
    ['deflate', deflateSync],
    ['deflate', deflateRawSync],
  ])('%s', async (encoding, compress) => {
    const { send, inbox } = await start();
    const reply = await send('/v1/batch', compress(JSON.stringify(batch)), {
      'content-encoding': encoding,
      // As RudderStack's Node library labels its gzipped JSON.
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(reply.status).toBe(200);
    expect(inbox()).toMatchObject([{ event: { name: 'cart', properties: { brand: 'Åre' } } }]);
  });

  it('refuses a body that inflates past the limit with 413, without inflating it all', async () => {
    const { send, inbox } = await start({ maxBatchBytes: 64 * 1024 });
    // A valid call padded with 50 MB of spaces: it gzips to about 50 kB, under the limit as sent.
    const bomb = gzipSync(
      Buffer.concat([
        Buffer.from('{"batch":[{"type":"track","userId":"u","event":"e"}]'),
        Buffer.alloc(50 * 1024 * 1024, 32),
        Buffer.from('}'),
      ]),
      { level: 9 },
    );
    expect(bomb.length).toBeLessThan(64 * 1024);
    const before = process.memoryUsage().rss;
    const reply = await send('/v1/batch', bomb, { 'content-encoding': 'gzip' });
    expect(reply.status).toBe(413);
    expect(await reply.json()).toMatchObject({
      error: {
        code: 'payload-too-large',
        message: expect.stringContaining('decompressing') as string,
      },
    });
    expect(process.memoryUsage().rss - before).toBeLessThan(40 * 1024 * 1024);
    expect(inbox()).toEqual([]);
  });

  it('says what is wrong with an encoding it does not read, or a body that does not inflate', async () => {
    const { send } = await start();
    const br = await send('/v1/track', Buffer.from('x'), { 'content-encoding': 'br' });
    expect(br.status).toBe(415);
    expect(await br.json()).toMatchObject({
      error: { message: expect.stringContaining('gzip') as string },
    });
    const broken = await send('/v1/track', Buffer.from('not gzip at all'), {
      'content-encoding': 'gzip',
    });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ error: { code: 'invalid-json' } });
    // Form data that is not compressed is still not JSON.
    const form = await send('/v1/track', 'userId=u', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(415);
  });
});
