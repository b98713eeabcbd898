import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import packageJson from '../../../package.json';
import { parseApiInput, type ApiMethod, type ApiOutput } from '../../../core/api/contract';
import type { LiveCounts } from '../../../core/api/execution-contract';
import { createAppService } from '../../../core/adapters/local-app';
import { openDatabase } from '../../../core/adapters/sqlite/database';
import type { AppService } from '../../../core/app/app-service';
import { memorySecretStore } from '../../../core/app/memory-secret-store';
import type { Output } from '../../../core/cli/output';
import { serveCommand } from '../../../core/cli/serve.command';
import type { LiveEngine } from '../../../core/executor/live-engine';
import type { Journey } from '../../../core/model/journey';
import { chain, journey, node } from '../build';
import { selfSignedCertificate } from './self-signed';

const TOKEN = 'console-test-token-0123456789';

const carts: Journey = journey(
  [
    node('start', 'trigger', { on: 'event', event: 'cart' }),
    node('mail', 'message', {
      channel: 'email',
      from: 'shop@example.com',
      subject: 'Your cart',
      html: '<p>x</p>',
    }),
  ],
  chain('start', 'mail'),
  {},
  'carts',
);

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** `serve` in this process on a fresh SQLite file, until the test ends. */
async function server(): Promise<{ url: string; engine: LiveEngine }> {
  const dir = mkdtempSync(join(tmpdir(), 'js-console-'));
  const stop = new AbortController();
  const out: Output = { print: () => undefined, error: () => undefined };
  let ready!: (value: { url: string; engine: LiveEngine }) => void;
  const started = new Promise<{ url: string; engine: LiveEngine }>((r) => (ready = r));
  const done = serveCommand(
    ['--db', join(dir, 'server.db'), '--port', '0', '--token', TOKEN],
    out,
    { env: {}, signal: stop.signal, statusEveryMs: 0, onReady: (r) => ready(r) },
  );
  cleanup.push(async () => {
    stop.abort();
    await done;
    rmSync(dir, { recursive: true, force: true });
  });
  return started;
}

/** The app on another computer: its own database, its secrets in memory. */
function app() {
  const service: AppService = createAppService({
    db: openDatabase(':memory:'),
    eventApiPort: 0,
    secrets: memorySecretStore(),
  });
  cleanup.push(() => service.close());
  const call = <M extends ApiMethod>(method: M, input: unknown): Promise<ApiOutput<M>> =>
    (service.handlers[method] as (i: unknown) => Promise<ApiOutput<M>>)(
      parseApiInput(method, input),
    );
  return { service, call };
}

async function listening(s: Server): Promise<number> {
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  cleanup.push(() => new Promise<void>((resolve) => s.close(() => resolve())));
  return (s.address() as AddressInfo).port;
}

async function until<T>(read: () => T | Promise<T>, ok: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('the app as the console of a server engine', () => {
  it('says what it found: a Journey Studio server, its version and journeys live', async () => {
    const { url } = await server();
    const { call } = app();
    expect(await call('testServerConnection', { url, token: TOKEN })).toEqual({
      ok: true,
      host: new URL(url).host,
      version: packageJson.version,
      journeysLive: 0,
    });
    // A test changes nothing: the app still runs journeys on this computer.
    expect((await call('getServerConnection', {})).engine).toBe('local');
  });

  it('names what is wrong: token refused, unreachable, not Journey Studio, not secure', async () => {
    const { url } = await server();
    const { call } = app();
    const problem = async (address: string, token = TOKEN) => {
      const report = await call('testServerConnection', { url: address, token });
      return report.ok ? 'ok' : report.problem;
    };
    expect(await problem(url, 'another-token-0123456789')).toBe('token-refused');
    const closed = await listening(createServer());
    await cleanup.pop()?.();
    expect(await problem(`http://127.0.0.1:${closed}`)).toBe('unreachable');
    const shop = await listening(
      createServer((_req, res) =>
        res.writeHead(200, { 'Content-Type': 'text/html' }).end('<h1>Shop</h1>'),
      ),
    );
    expect(await problem(`http://127.0.0.1:${shop}`)).toBe('not-journey-studio');
    expect(await problem('http://shop.example.com')).toBe('not-secure');
    expect(await problem('shop.example.com')).toBe('address-invalid');
    // Connecting to a wrong address keeps the app on this computer.
    const refused = await call('connectServer', { url, token: 'another-token-0123456789' });
    expect(refused.connection.engine).toBe('local');
  });

  it('keeps a shop’s webhook secret as a secret, saying only that one is kept', async () => {
    const { call } = app();
    const kept = await call('saveShopSecret', { platform: 'shopify', secret: 'shpss_0123' });
    expect(kept.shopSecrets).toEqual({ shopify: true, woocommerce: false });
    expect(JSON.stringify(kept)).not.toContain('shpss_0123');
    const forgotten = await call('saveShopSecret', { platform: 'shopify', clear: true });
    expect(forgotten.shopSecrets.shopify).toBe(false);
    await expect(
      Promise.resolve().then(() => call('saveShopSecret', { platform: 'shopify' })),
    ).rejects.toThrow(/Give the secret, or clear it/);
  });

  it('says a certificate is not trusted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'js-cert-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const { key, cert } = selfSignedCertificate(dir);
    const tls = createTlsServer({ key: readFileSync(key), cert: readFileSync(cert) }, (_q, res) =>
      res.end('{}'),
    );
    const port = await listening(tls);
    const { call } = app();
    const report = await call('testServerConnection', {
      url: `https://localhost:${port}`,
      token: TOKEN,
    });
    expect(report.ok ? 'ok' : report.problem).toBe('certificate-untrusted');
  });

  it('publishes a journey designed here to the server, runs it there, and shows its counts', async () => {
    const { url, engine } = await server();
    const { service, call } = app();
    const pushed: LiveCounts[] = [];
    service.on('liveCounts', (counts) => pushed.push(counts));
    await call('saveJourney', { journey: carts });

    const { report, connection } = await call('connectServer', { url, token: TOKEN });
    expect(report.ok).toBe(true);
    expect(connection).toMatchObject({ engine: 'server', host: new URL(url).host });

    const published = await call('publishJourney', { journeyId: 'carts' });
    expect(published).toMatchObject({ created: true, latestVersion: 1 });
    await call('setExecutionState', { journeyId: 'carts', state: 'running' });
    expect(engine.live().map((live) => live.journeyId)).toEqual(['carts']);

    await call('sendTestEvent', {
      userId: 'ann',
      event: 'cart',
      traits: { email: 'ann@example.com' },
    });
    await until(
      () => pushed.filter((c) => c.journeyId === 'carts').at(-1),
      (c) =>
        (c?.nodes.mail?.messages?.delivered ?? 0) + (c?.nodes.mail?.messages?.pending ?? 0) >= 1,
    );
    const outbox = await call('listOutbox', { journeyId: 'carts' });
    expect(outbox.messages.map((m) => m.to)).toEqual(['ann@example.com']);

    // Back to this computer in one step: nothing of the server's runs here.
    expect((await call('disconnectServer', {})).engine).toBe('local');
    expect((await call('listOutbox', { journeyId: 'carts' })).messages).toEqual([]);
  });
});
