import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from '../../../../core/adapters/http/app-server';
import { EventApi, type EventApiOptions } from '../../../../core/adapters/http/event-api';
import { SERVER_LIMITS, tokenCheck } from '../../../../core/adapters/http/http-exchange';
import { UnsubscribeLinks } from '../../../../core/adapters/http/unsubscribe-links';
import { createAppService } from '../../../../core/adapters/local-app';
import { openDatabase } from '../../../../core/adapters/sqlite/database';
import { SqliteEngineStore } from '../../../../core/adapters/sqlite/engine-store';

const TOKEN = 'a-test-token-of-some-length';

/** Sends raw bytes and reads the whole answer, as an attacker's client would. */
function exchange(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('end', () => resolve(answer));
    socket.on('close', () => resolve(answer));
    // A connection over the cap is reset: that is its answer.
    socket.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'ECONNRESET' ? resolve(answer) : reject(error),
    );
  });
}

const statusOf = (answer: string) => Number(/^HTTP\/1\.1 (\d+)/.exec(answer)?.[1]);

function request(
  port: number,
  method: string,
  path: string,
  body = '',
  host = `127.0.0.1:${port}`,
) {
  return exchange(
    port,
    `${method} ${path} HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${TOKEN}\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `Connection: close\r\n\r\n${body}`,
  );
}

/** How long the server holds a connection whose client never finishes its headers. */
function heldFor(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const socket = connect(port, '127.0.0.1', () =>
      socket.write(`POST /v1/track HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Slow: `),
    );
    // A byte now and then, as a slow-loris client keeps a connection alive.
    const drip = setInterval(() => socket.write('a'), 100);
    socket.on('close', () => {
      clearInterval(drip);
      resolve(performance.now() - started);
    });
    socket.on('error', () => undefined);
    setTimeout(() => reject(new Error('still held after 20 s')), 20_000);
  });
}

let api: EventApi | undefined;
let server: AppServer | undefined;
afterEach(async () => {
  await api?.close();
  await server?.close();
  api = undefined;
  server = undefined;
});

async function startApi(options: Partial<EventApiOptions> = {}): Promise<number> {
  const links = new UnsubscribeLinks('secret', () => api!.url);
  // The real store: it writes each call to the inbox as JSON, where deep nesting overflowed.
  const store = new SqliteEngineStore(openDatabase(':memory:'));
  api = new EventApi({
    token: TOKEN,
    ingest: (inputs) => store.transaction(() => store.accept(inputs, 0)),
    unsubscribe: { links, suppress: () => undefined },
    ...options,
  });
  return Number(new URL(await api.listen()).port);
}

describe('the event API against hostile requests', () => {
  it('refuses a request for another host name (DNS rebinding) with 421', async () => {
    const port = await startApi();
    const body = JSON.stringify({ userId: 'u1', event: 'cart' });
    expect(statusOf(await request(port, 'POST', '/v1/track', body))).toBe(200);
    expect(statusOf(await request(port, 'POST', '/v1/track', body, `localhost:${port}`))).toBe(200);
    const rebound = await request(port, 'POST', '/v1/track', body, `attacker.example:${port}`);
    expect(statusOf(rebound)).toBe(421);
    expect(rebound).toContain('only answers on 127.0.0.1');
  });

  it('answers an undecodable unsubscribe path with 400, not 500', async () => {
    const port = await startApi();
    const answer = await request(port, 'GET', '/u/%E0%A4%A');
    expect(statusOf(answer)).toBe(400);
    expect(answer).toContain('This link is not valid');
  });

  it('refuses JSON nested too deep with a 400 the sender should not retry', async () => {
    const port = await startApi();
    const depth = 20_000;
    const body = `{"userId":"u1","event":"cart","properties":{"x":${'['.repeat(depth)}${']'.repeat(depth)}}}`;
    const answer = await request(port, 'POST', '/v1/track', body);
    expect(statusOf(answer)).toBe(400);
    expect(answer).toContain('"code":"invalid-json"');
    expect(answer).toContain('nested more than 64 levels deep');
  });

  it('closes a connection whose client never finishes its headers, within the header timeout', async () => {
    expect(SERVER_LIMITS.headersTimeoutMs).toBe(10_000);
    const port = await startApi({ limits: { headersTimeoutMs: 400, requestTimeoutMs: 800 } });
    expect(await heldFor(port)).toBeLessThan(2_500);
  });

  it('takes at most its cap of connections at once', async () => {
    const port = await startApi({ limits: { maxConnections: 2 } });
    const open = [0, 1].map(
      () =>
        new Promise<ReturnType<typeof connect>>((resolve) => {
          const s = connect(port, '127.0.0.1', () => resolve(s));
        }),
    );
    const sockets = await Promise.all(open);
    const third = await request(port, 'GET', '/v1/health');
    expect(third).toBe('');
    sockets.forEach((s) => s.destroy());
  });
});

describe('tokens', () => {
  it('refuses an empty token everywhere: as the expected one, and as the one given', () => {
    expect(() => tokenCheck('')).toThrow('The API token must not be empty.');
    expect(tokenCheck(TOKEN)('')).toBe(false);
    expect(tokenCheck(TOKEN)(TOKEN)).toBe(true);
    expect(() => new EventApi({ token: '', ingest: () => [] })).toThrow(/must not be empty/);
  });

  it('will not serve browser mode with an empty token, which left the event stream open', async () => {
    const base = mkdtempSync(join(tmpdir(), 'js-static-'));
    mkdirSync(join(base, 'app'));
    writeFileSync(join(base, 'app', 'index.html'), '<!doctype html>');
    const service = createAppService({ db: openDatabase(':memory:') });
    await expect(
      startAppServer({ service, token: '', staticDir: join(base, 'app') }),
    ).rejects.toThrow(/must not be empty/);
    server = await startAppServer({ service, token: TOKEN, staticDir: join(base, 'app') });
    const stream = await exchange(
      server.port,
      `GET /api/events?token= HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nConnection: close\r\n\r\n`,
    );
    expect(statusOf(stream)).toBe(401);
    await server.close();
    server = undefined;
    await service.close();
  });

  it('holds slow clients on the app server no longer than its header timeout', async () => {
    const base = mkdtempSync(join(tmpdir(), 'js-static-'));
    mkdirSync(join(base, 'app'));
    const service = createAppService({ db: openDatabase(':memory:') });
    server = await startAppServer({
      service,
      token: TOKEN,
      staticDir: join(base, 'app'),
      limits: { headersTimeoutMs: 400, requestTimeoutMs: 800 },
    });
    expect(await heldFor(server.port)).toBeLessThan(2_500);
    await server.close();
    server = undefined;
    await service.close();
  });
});
