import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppService } from '../../../../core/adapters/local-app';
import type { AppService } from '../../../../core/app/app-service';
import { startAppServer, type AppServer } from '../../../../core/adapters/http/app-server';
import { openDatabase } from '../../../../core/adapters/sqlite/database';
import type { Journey } from '../../../../core/model/journey';
import { fixtureText } from '../../fixtures';

const TOKEN = 'test-token-0123456789';
let server: AppServer;
let service: AppService;

beforeAll(async () => {
  // The app folder sits next to a file it must never serve.
  const base = mkdtempSync(join(tmpdir(), 'js-static-'));
  const staticDir = join(base, 'app');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(base, 'secret.txt'), 'not for the browser');
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Journey Studio</title>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1);');
  service = createAppService({ db: openDatabase(':memory:') });
  server = await startAppServer({ service, token: TOKEN, staticDir });
});

afterAll(async () => {
  await server.close();
  await service.close();
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request, so Host and Origin can be set as an attacker would. */
function raw(
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, method, path, headers: options.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

interface Envelope<T = unknown> {
  ok: boolean;
  value: T;
  error: { code: string; message: string; field?: string };
}

interface Saved {
  journey: Journey;
  revision: number;
}

function envelope<T = unknown>(answer: Answer): Envelope<T> {
  return JSON.parse(answer.body) as Envelope<T>;
}

function call(method: string, input: unknown, headers: Record<string, string> = {}) {
  return raw('POST', `/api/${method}`, {
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${TOKEN}`,
      ...headers,
    },
    body: JSON.stringify(input),
  });
}

describe('browser-mode server: API', () => {
  it('answers a call with the envelope', async () => {
    const answer = await call('createJourney', { name: 'Welcome' });
    expect(answer.status).toBe(200);
    expect(envelope(answer)).toMatchObject({
      ok: true,
      value: { journey: { id: 'welcome' } },
    });
    expect(answer.headers['cache-control']).toBe('no-store');
  });

  it('refuses calls without the token', async () => {
    const answer = await call('listJourneys', {}, { Authorization: 'Bearer wrong' });
    expect(answer.status).toBe(401);
    expect(envelope(answer)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('refuses other host names (DNS rebinding) and other origins', async () => {
    expect((await call('listJourneys', {}, { Host: 'evil.example:80' })).status).toBe(421);
    const crossSite = await call('listJourneys', {}, { Origin: 'http://evil.example' });
    expect(crossSite.status).toBe(403);
    const sameSite = await call('listJourneys', {}, { Origin: `http://127.0.0.1:${server.port}` });
    expect(sameSite.status).toBe(200);
  });

  it('answers bad requests with 4xx and the reason', async () => {
    const badJson = await raw('POST', '/api/listJourneys', {
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
      body: '{"nope"',
    });
    expect(badJson.status).toBe(400);
    expect(envelope(badJson).error.code).toBe('invalid-request');

    const badInput = await call('createJourney', { name: '' });
    expect(badInput.status).toBe(400);
    expect(envelope(badInput).error).toMatchObject({
      code: 'invalid-request',
      field: 'name',
    });

    expect((await call('launchRockets', {})).status).toBe(404);
    expect((await call('getJourney', { id: 'missing' })).status).toBe(404);
    const notJson = await raw('POST', '/api/listJourneys', {
      headers: { 'Content-Type': 'text/plain', Authorization: `Bearer ${TOKEN}` },
      body: '{}',
    });
    expect(notJson.status).toBe(415);
    expect((await raw('GET', '/api/listJourneys')).status).toBe(405);
    const huge = await call('importJourney', { fileName: 'x.json', text: 'x'.repeat(13_000_000) });
    expect(huge.status).toBe(413);
    expect(envelope(huge).error.code).toBe('invalid-request');
  });

  it('changes nothing when a save is refused', async () => {
    const created = envelope<Saved>(await call('createJourney', { name: 'Kept' })).value;
    const broken = { ...created.journey, nodes: [{ id: 'x', kind: 'teleport', config: {} }] };
    const answer = await call('saveJourney', { journey: broken, revision: created.revision });
    expect(answer.status).toBe(400);
    expect(envelope(answer).error.field).toBe('journey.nodes.0.kind');
    const after = envelope<Saved>(await call('getJourney', { id: 'kept' })).value;
    expect(after.revision).toBe(created.revision);
    expect(after.journey.nodes).toEqual([]);
  });

  it('reports a revision conflict as 409', async () => {
    const created = envelope<Saved>(await call('createJourney', { name: 'Twice' })).value;
    expect((await call('saveJourney', { journey: created.journey, revision: 1 })).status).toBe(200);
    const stale = await call('saveJourney', { journey: created.journey, revision: 1 });
    expect(stale.status).toBe(409);
    expect(envelope(stale).error.code).toBe('conflict');
  });

  it('imports through the API and exports the same bytes', async () => {
    const text = fixtureText('journeys', 'winback-ab.json');
    const imported = envelope<{ ok: boolean; record: Saved }>(
      await call('importJourney', { fileName: 'w.json', text }),
    );
    expect(imported.value.ok).toBe(true);
    const exported = envelope<{ text: string }>(
      await call('exportJourney', { id: imported.value.record.journey.id }),
    );
    expect(exported.value.text).toBe(text);
  });
});

describe('browser-mode server: events', () => {
  it('streams journeysChanged to a client with the token', async () => {
    const received = new Promise<string>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: server.port,
          path: `/api/events?token=${TOKEN}`,
        },
        (res) => {
          expect(res.headers['content-type']).toMatch(/text\/event-stream/);
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            text += chunk;
            if (text.includes('event: journeysChanged')) {
              req.destroy();
              resolve(text);
            } else if (text.includes('retry:')) {
              void call('createJourney', { name: 'Streamed' });
            }
          });
        },
      );
      req.on('error', (error) => {
        if (!(error as NodeJS.ErrnoException).code?.includes('ECONNRESET')) reject(error);
      });
      req.end();
    });
    expect(await received).toMatch(/data: \{"id":"streamed"\}/);
  });

  it('refuses the stream without the token', async () => {
    expect((await raw('GET', '/api/events?token=nope')).status).toBe(401);
  });
});

describe('browser-mode server: static files', () => {
  it('serves the app with strict security headers', async () => {
    const page = await raw('GET', '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Journey Studio');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['x-frame-options']).toBe('DENY');
    const asset = await raw('GET', '/assets/app.js');
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['cache-control']).toMatch(/immutable/);
  });

  it('never serves files outside the app folder', async () => {
    expect((await raw('GET', '/../secret.txt')).status).toBe(404);
    expect((await raw('GET', '/%2e%2e/secret.txt')).status).toBe(404);
    expect((await raw('GET', '/assets/../../secret.txt')).status).toBe(404);
    expect((await raw('POST', '/index.html')).status).toBe(405);
  });
});
