import Database from 'better-sqlite3';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EventApi } from '../../../../core/adapters/http/event-api';
import { UnsubscribeLinks } from '../../../../core/adapters/http/unsubscribe-links';
import { openDatabase } from '../../../../core/adapters/sqlite/database';
import { SqliteEngineStore } from '../../../../core/adapters/sqlite/engine-store';
import { SuppressionList } from '../../../../core/adapters/sqlite/suppressions';
import type { AcceptOutcome, EngineInput } from '../../../../core/executor/ports';

const TOKEN = 'a-test-token-of-some-length';
const T = Date.parse('2026-05-01T10:00:00Z');

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: () => unknown;
}

function call(
  url: string,
  path: string,
  options: {
    method?: string;
    body?: string | Buffer;
    headers?: Record<string, string>;
    chunked?: boolean;
  } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}${path}`,
      {
        method: options.method ?? 'POST',
        headers: {
          ...(options.body !== undefined &&
            !options.chunked && { 'content-length': Buffer.byteLength(options.body) }),
          'content-type': 'application/json',
          authorization: `Bearer ${TOKEN}`,
          ...options.headers,
        },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text,
            json: () => JSON.parse(text) as unknown,
          }),
        );
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const post = (url: string, path: string, body: unknown, headers?: Record<string, string>) =>
  call(url, path, { body: typeof body === 'string' ? body : JSON.stringify(body), headers });

let api: EventApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

async function start(options: { maxBodyBytes?: number } = {}) {
  const file = join(mkdtempSync(join(tmpdir(), 'js-api-')), 'engine.db');
  const db = openDatabase(file);
  const store = new SqliteEngineStore(db);
  const groups: number[] = [];
  const links = new UnsubscribeLinks('secret', () => api!.url);
  const suppressions = new SuppressionList(db);
  api = new EventApi({
    token: TOKEN,
    maxBodyBytes: options.maxBodyBytes,
    ingest: (inputs: readonly EngineInput[]): AcceptOutcome[] => {
      groups.push(inputs.length);
      return store.transaction(() => store.accept(inputs, T));
    },
    unsubscribe: { links, suppress: (t) => suppressions.add(t.channel, t.address, 'link', T) },
  });
  const url = await api.listen();
  const inbox = () =>
    (
      db.prepare('SELECT type, body FROM inbox ORDER BY id').all() as {
        type: string;
        body: string;
      }[]
    ).map((r) => ({
      type: r.type,
      ...(JSON.parse(r.body) as object),
    }));
  return { url, db, file, inbox, groups, links, suppressions };
}

describe('the event API', () => {
  it('listens on 127.0.0.1 only', async () => {
    const { url } = await start();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('acknowledges a track call only once it is committed to disk', async () => {
    const { url, file } = await start();
    const reply = await post(url, '/v1/track', {
      userId: 'u1',
      event: 'cart',
      properties: { brand: 'acme', price: 12.5, tags: ['a'] },
      timestamp: '2026-05-01T09:59:00Z',
      context: { library: { name: 'analytics-node' } },
    });
    expect(reply.status).toBe(200);
    expect(reply.json()).toEqual({ success: true });
    // Another connection to the file sees it: it was committed before the answer.
    const other = new Database(file, { readonly: true });
    const row = other.prepare('SELECT type, body FROM inbox').get() as {
      type: string;
      body: string;
    };
    other.close();
    expect(row.type).toBe('track');
    expect(JSON.parse(row.body)).toEqual({
      type: 'track',
      event: {
        profileId: 'u1',
        name: 'cart',
        properties: { brand: 'acme', price: 12.5, tags: ['a'] },
        time: Date.parse('2026-05-01T09:59:00Z'),
      },
    });
  });

  it('takes identify calls with free-form traits, and batches of both', async () => {
    const { url, inbox } = await start();
    expect(
      (
        await post(url, '/v1/identify', {
          userId: 'u1',
          traits: { email: 'a@b.se', plan: { tier: 'gold' }, new_field: 1 },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await post(url, '/v1/batch', {
          batch: [
            { type: 'identify', userId: 'u2', traits: { first_name: 'Bo' } },
            { type: 'track', userId: 'u2', event: 'signup', timestamp: 1777629600000 },
          ],
          sentAt: '2026-05-01T10:00:00Z',
        })
      ).status,
    ).toBe(200);
    expect(inbox().map((i) => i.type)).toEqual(['identify', 'identify', 'track']);
    expect(inbox()[0]).toMatchObject({ traits: { plan: { tier: 'gold' }, new_field: 1 } });
    expect(inbox()[2]).toMatchObject({ event: { time: 1777629600000 } });
  });

  it('applies a retried call with the same messageId once, answering it the same', async () => {
    const { url, inbox } = await start();
    const body = { userId: 'u1', event: 'cart', messageId: 'm-1' };
    const first = await post(url, '/v1/track', body);
    const retry = await post(url, '/v1/track', body);
    expect([first.status, first.text]).toEqual([retry.status, retry.text]);
    await post(url, '/v1/batch', {
      batch: [
        { type: 'track', ...body },
        { type: 'track', ...body, messageId: 'm-2' },
      ],
    });
    expect(
      inbox().map((i) => (i as unknown as { event: { messageId: string } }).event.messageId),
    ).toEqual(['m-1', 'm-2']);
    expect(api!.stats).toMatchObject({ accepted: 2, duplicates: 2 });
  });

  describe('refuses with 401', () => {
    it.each([
      ['no token', {}],
      ['a wrong token', { authorization: 'Bearer not-the-token' }],
      ['a token of another length', { authorization: `Bearer ${TOKEN}x` }],
      ['another scheme', { authorization: `Token ${TOKEN}` }],
    ])('%s', async (_, headers) => {
      const { url, inbox } = await start();
      const reply = await call(url, '/v1/track', {
        body: JSON.stringify({ userId: 'u', event: 'e' }),
        headers: { authorization: '', ...headers },
      });
      expect(reply.status).toBe(401);
      expect(reply.headers['www-authenticate']).toContain('Bearer');
      expect(reply.json()).toMatchObject({ error: { code: 'unauthorized' } });
      expect(inbox()).toEqual([]);
    });

    it('but takes the token as a Segment write key (Basic, token as user name)', async () => {
      const { url } = await start();
      const basic = `Basic ${Buffer.from(`${TOKEN}:`).toString('base64')}`;
      expect(
        (await post(url, '/v1/track', { userId: 'u', event: 'e' }, { authorization: basic }))
          .status,
      ).toBe(200);
    });
  });

  describe('refuses bad input with a 4xx naming the field, and applies nothing of it', () => {
    it.each([
      ['malformed JSON', '/v1/track', '{"userId": "u", ', 400, 'invalid-json', undefined],
      ['an empty body', '/v1/track', '', 400, 'invalid-json', undefined],
      ['a JSON array', '/v1/track', [1, 2], 400, 'invalid-request', undefined],
      ['a missing userId', '/v1/track', { event: 'cart' }, 400, 'invalid-request', 'userId'],
      [
        'a number as userId',
        '/v1/track',
        { userId: 42, event: 'cart' },
        400,
        'invalid-request',
        'userId',
      ],
      ['an empty event', '/v1/track', { userId: 'u', event: '' }, 400, 'invalid-request', 'event'],
      [
        'a list as properties',
        '/v1/track',
        { userId: 'u', event: 'e', properties: [1] },
        400,
        'invalid-request',
        'properties',
      ],
      [
        'an unknown field',
        '/v1/track',
        { userId: 'u', event: 'e', propreties: {} },
        400,
        'invalid-request',
        'propreties',
      ],
      [
        'an unparsable time',
        '/v1/track',
        { userId: 'u', event: 'e', timestamp: 'yesterday' },
        400,
        'invalid-request',
        'timestamp',
      ],
      [
        'a date that does not exist',
        '/v1/track',
        { userId: 'u', event: 'e', timestamp: '2026-02-30T10:00:00Z' },
        400,
        'invalid-request',
        'timestamp',
      ],
      [
        'identify without traits',
        '/v1/identify',
        { userId: 'u' },
        400,
        'invalid-request',
        'traits',
      ],
      [
        'traits that are text',
        '/v1/identify',
        { userId: 'u', traits: 'vip' },
        400,
        'invalid-request',
        'traits',
      ],
      [
        'an unknown field in a batch',
        '/v1/batch',
        { batch: [{ type: 'track', userId: 'u', event: 'e', extra: 1 }] },
        400,
        'invalid-request',
        'batch.0.extra',
      ],
      [
        'a call of no kind the spec has, in a batch',
        '/v1/batch',
        { batch: [{ type: 'pageview', userId: 'u', name: 'Home' }] },
        400,
        'invalid-request',
        'batch.0.type',
      ],
      ['an empty batch', '/v1/batch', { batch: [] }, 400, 'invalid-request', 'batch'],
    ])('%s', async (_, path, body, status, code, field) => {
      const { url, inbox } = await start();
      const reply = await post(url, path, typeof body === 'string' ? body : JSON.stringify(body));
      expect(reply.status).toBe(status);
      const error = (reply.json() as { error: { code: string; message: string; field?: string } })
        .error;
      expect(error.code).toBe(code);
      expect(error.field).toBe(field);
      expect(error.message.length).toBeGreaterThan(10);
      if (field) expect(error.message).toContain(field.split('.').at(-1));
      expect(inbox()).toEqual([]);
    });

    it('rejects a batch whole when one call in it is bad', async () => {
      const { url, inbox } = await start();
      const reply = await post(url, '/v1/batch', {
        batch: [
          { type: 'track', userId: 'u', event: 'one' },
          { type: 'identify', userId: 'u', traits: {} },
          { type: 'track', userId: 'u', event: 'three', timestamp: 'soon' },
        ],
      });
      expect(reply.status).toBe(400);
      expect(reply.json()).toMatchObject({ error: { field: 'batch.2.timestamp' } });
      expect(inbox()).toEqual([]);
    });

    it('refuses a body over the limit with 413, declared or streamed', async () => {
      const { url, inbox } = await start({ maxBodyBytes: 1024 });
      const big = JSON.stringify({
        userId: 'u',
        event: 'e',
        properties: { pad: 'x'.repeat(5_000) },
      });
      const declared = await post(url, '/v1/track', big);
      expect(declared.status).toBe(413);
      expect(declared.json()).toMatchObject({ error: { code: 'payload-too-large' } });
      const streamed = await call(url, '/v1/track', { body: big, chunked: true });
      expect(streamed.status).toBe(413);
      expect(inbox()).toEqual([]);
      // The server carries on.
      expect((await post(url, '/v1/track', { userId: 'u', event: 'small' })).status).toBe(200);
    });

    it('says what it wants for other content types, methods and paths', async () => {
      const { url } = await start();
      expect(
        (
          await post(url, '/v1/track', 'userId=u', {
            'content-type': 'application/x-www-form-urlencoded',
          })
        ).status,
      ).toBe(415);
      const get = await call(url, '/v1/track', { method: 'GET' });
      expect([get.status, get.headers.allow]).toEqual([405, 'POST']);
      expect((await post(url, '/v1/pageview', {})).status).toBe(404);
    });
  });

  it('commits requests that arrive together in one transaction, and answers each after it', async () => {
    const { url, inbox, groups } = await start();
    const port = Number(new URL(url).port);
    const sockets = await Promise.all(
      Array.from(
        { length: 20 },
        () =>
          new Promise<Socket>((resolve, reject) => {
            const socket = connect(port, '127.0.0.1', () => resolve(socket));
            socket.on('error', reject);
          }),
      ),
    );
    // Lets the server take the connections in before the requests come.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const answers = sockets.map(
      (socket) =>
        new Promise<string>((resolve) => {
          let text = '';
          socket.on('data', (c: Buffer) => {
            text += c.toString();
            if (text.includes('{"success":true}') || text.includes('"error"')) resolve(text);
          });
        }),
    );
    // Written in one go: the server reads them in one turn of its event loop.
    sockets.forEach((socket, i) => {
      const body = JSON.stringify({ userId: `u${i}`, event: 'e' });
      socket.write(
        `POST /v1/track HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
      );
    });
    const replies = await Promise.all(answers);
    sockets.forEach((socket) => socket.destroy());
    expect(replies.every((r) => r.startsWith('HTTP/1.1 200'))).toBe(true);
    expect(inbox()).toHaveLength(20);
    expect(groups.reduce((a, b) => a + b, 0)).toBe(20);
    expect(groups.length).toBeLessThan(20);
  });
});

describe('one-click unsubscribe', () => {
  const target = {
    channel: 'email' as const,
    address: 'ann@example.com',
    profileId: 'ann',
    journeyId: 'j',
  };

  it('asks on GET, unsubscribes on POST List-Unsubscribe=One-Click (RFC 8058)', async () => {
    const { url, links, suppressions } = await start();
    const path = links.url(target).slice(url.length);
    const page = await call(url, path, { method: 'GET', headers: { authorization: '' } });
    expect(page.status).toBe(200);
    expect(page.text).toContain('<form method="post">');
    expect(page.text).toContain('a***@example.com');
    expect(suppressions.has('email', 'ann@example.com')).toBe(false);
    const done = await call(url, path, {
      body: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: '' },
    });
    expect(done.status).toBe(200);
    expect(suppressions.has('email', 'ANN@example.com')).toBe(true);
  });

  it('refuses altered or made-up links', async () => {
    const { url, links, suppressions } = await start();
    const token = links.token(target);
    const forged = `${Buffer.from(JSON.stringify(['email', 'bob@example.com', 'bob', 'j'])).toString('base64url')}.${token.split('.')[1]}`;
    for (const t of [forged, 'nonsense', `${token}x`]) {
      const reply = await call(url, `/u/${t}`, {
        body: 'List-Unsubscribe=One-Click',
        headers: { authorization: '' },
      });
      expect(reply.status).toBe(404);
    }
    expect(suppressions.list()).toEqual([]);
  });
});
