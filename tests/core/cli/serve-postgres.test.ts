import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Output } from '../../../core/cli/output';
import { runCommand } from '../../../core/cli/run.command';
import { serveCommand } from '../../../core/cli/serve.command';
import type { LiveEngine } from '../../../core/executor/live-engine';
import { serializeJourney } from '../../../core/model/journey-file';
import { postgresInstalled, startCluster, type PgCluster } from '../adapters/postgres/pg-cluster';
import { chain, journey, node } from '../build';
import { selfSignedCertificate } from './self-signed';

const TOKEN = 'cli-test-token-0123456789';
const SHOPIFY_SECRET = 'shop-secret-for-the-test';

let cluster: PgCluster;
beforeAll(async () => {
  if (postgresInstalled) cluster = await startCluster();
}, 60_000);
afterAll(() => cluster?.stop(), 60_000);

const checkouts = journey(
  [
    node('start', 'trigger', { on: 'event', event: 'Checkout Started' }),
    node('mail', 'message', {
      channel: 'email',
      from: 'shop@example.com',
      subject: 'Your cart, {{ profile.first_name }}',
      html: '<p>{{ event.value }} {{ event.currency }}</p>',
    }),
  ],
  chain('start', 'mail'),
  {},
  'checkouts',
);

async function session(
  command: typeof runCommand,
  args: string[],
  env: NodeJS.ProcessEnv,
  body: (ready: { url: string; engine: LiveEngine }) => Promise<void> = () => Promise.resolve(),
) {
  const lines: string[] = [];
  const out: Output = { print: (l) => lines.push(l), error: (l) => lines.push(l) };
  const stop = new AbortController();
  let failure: unknown;
  const code = await command(args, out, {
    env,
    signal: stop.signal,
    statusEveryMs: 0,
    onReady: (ready) => {
      body(ready).then(
        () => stop.abort(),
        (error: unknown) => {
          failure = error;
          stop.abort();
        },
      );
    },
  });
  if (failure) throw failure as Error;
  return { code: code.exitCode, lines };
}

async function until(what: string, check: () => boolean): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(!postgresInstalled)('run and serve on PostgreSQL', () => {
  it('runs a journey from a shop webhook to a delivered email, and serve resumes it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'js-pg-run-'));
    const file = join(dir, 'checkouts.json');
    writeFileSync(file, serializeJourney(checkouts));
    const db = cluster.database();
    const env = { JOURNEY_STUDIO_SHOPIFY_SECRET: SHOPIFY_SECRET };
    const body = readFileSync(
      join(__dirname, '../../fixtures/webhooks/shopify-checkouts-create.json'),
    );
    const run = await session(
      runCommand,
      [file, '--db', db, '--port', '0', '--token', TOKEN],
      env,
      async ({ url, engine }) => {
        const res = await fetch(`${url}/v1/webhooks/shopify`, {
          method: 'POST',
          body,
          headers: {
            'content-type': 'application/json',
            'x-shopify-topic': 'checkouts/create',
            'x-shopify-hmac-sha256': createHmac('sha256', SHOPIFY_SECRET)
              .update(body)
              .digest('base64'),
          },
        });
        expect(res.status).toBe(200);
        await until('the email', () => engine.status().outbox.delivered === 1);
      },
    );
    expect(run.code).toBe(0);
    expect(run.lines).toContain(
      '  Database   postgres://journey@127.0.0.1:' +
        new URL(db).port +
        '/' +
        new URL(db).pathname.slice(1),
    );
    const serve = await session(
      serveCommand,
      ['--db', db, '--port', '0', '--token', TOKEN],
      {},
      ({ engine }) => {
        expect(engine.status().outbox.delivered).toBe(1);
        expect(engine.status().events).toBe(1);
        return Promise.resolve();
      },
    );
    expect(serve.code).toBe(0);
    expect(serve.lines).toContain('  Journey    checkouts v1 (Test journey)');
  }, 60_000);

  it('refuses to listen beyond this machine without a chosen token and TLS or a proxy', async () => {
    const refused = async (args: string[], env: NodeJS.ProcessEnv = {}) => {
      const result = await session(serveCommand, ['--db', ':memory:', '--port', '0', ...args], env);
      expect(result.code).toBe(2);
      return result.lines.join('\n');
    };
    expect(await refused(['--host', '0.0.0.0'])).toMatch(/\[host-needs-token\]/);
    expect(await refused(['--host', '0.0.0.0', '--token', TOKEN])).toMatch(/\[host-needs-tls\]/);
    expect(
      await refused(['--host', '0.0.0.0', '--tls-cert', 'cert.pem'], {
        JOURNEY_STUDIO_TOKEN: TOKEN,
      }),
    ).toMatch(/\[tls-incomplete\]/);
    expect(await refused(['--host', 'shop.example.com'])).toMatch(/\[host-invalid\]/);
    expect(await refused(['--workers', '2'])).toMatch(/PostgreSQL/);
  });

  it('listens beyond this machine over TLS, and behind a proxy when told so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'js-tls-'));
    const { key, cert } = selfSignedCertificate(dir);
    const tls = await session(
      serveCommand,
      [
        '--db',
        ':memory:',
        '--port',
        '0',
        '--token',
        TOKEN,
        '--host',
        '0.0.0.0',
        '--tls-cert',
        cert,
        '--tls-key',
        key,
      ],
      {},
      async ({ url }) => {
        expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
        const status = await new Promise<number>((resolve, reject) => {
          const req = request(
            `${url}/v1/health`,
            { rejectUnauthorized: false, headers: { host: 'shop.example.com' } },
            (res) => {
              res.resume();
              resolve(res.statusCode ?? 0);
            },
          );
          req.on('error', reject);
          req.end();
        });
        // Any name the shop's DNS gives this machine is answered: it is reachable on purpose.
        expect(status).toBe(200);
      },
    );
    expect(tls.code).toBe(0);
    const proxied = await session(
      serveCommand,
      ['--db', ':memory:', '--port', '0', '--host', '0.0.0.0', '--behind-proxy'],
      { JOURNEY_STUDIO_TOKEN: TOKEN },
      async ({ url }) => {
        expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        expect((await fetch(`${url}/v1/health`)).status).toBe(200);
      },
    );
    expect(proxied.code).toBe(0);
  }, 60_000);
});
