import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serve, stop, TOKEN, type CliProcess } from './cli-process';
import { median, slowCarts, slowJourney, timed } from './slow-journey';

/** The longest `/v1/track` may take while the engine renders (as without a console). */
const BOUND_MS = 250;
const CARTS = 24;

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

describe('serve with the desktop app as its console', () => {
  it(`acknowledges /v1/track within ${BOUND_MS} ms while the engine renders, and answers the console`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'js-console-thread-'));
    const db = join(dir, 'server.db');
    const run: CliProcess = await serve(db);
    cleanup.push(async () => {
      await stop(run, 'SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    });
    expect(run.engine).toBe(true);
    const url = run.url as string;
    const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
    const post = (path: string, body: unknown) => () =>
      fetch(`${url}${path}`, { method: 'POST', headers: auth, body: JSON.stringify(body) });
    const api = async (method: string, input: unknown) => {
      const response = await post(`/api/${method}`, input)();
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };

    // The console publishes and starts the journey, as the desktop app does.
    expect((await api('saveJourney', { journey: slowJourney })).status).toBe(200);
    expect((await api('publishJourney', { journeyId: 'slow' })).body).toMatchObject({
      ok: true,
      value: { created: true, latestVersion: 1 },
    });
    expect((await api('setExecutionState', { journeyId: 'slow', state: 'running' })).status).toBe(
      200,
    );
    // What the thread refuses never reaches the engine: the method's schema, the token.
    const invalid = await api('publishJourney', { journeyId: 42 });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const wrongToken = await fetch(`${url}/api/getExecution`, {
      method: 'POST',
      headers: { ...auth, authorization: 'Bearer another-token-0123456789' },
      body: '{"journeyId":"slow"}',
    });
    expect(wrongToken.status).toBe(401);

    // The console's event stream, open while the engine works.
    const stream = new AbortController();
    cleanup.push(() => stream.abort());
    const events = await fetch(`${url}/api/events`, {
      headers: { authorization: `Bearer ${TOKEN}` },
      signal: stream.signal,
    });
    expect(events.status).toBe(200);
    let heard = '';
    const reading = (async () => {
      const decoder = new TextDecoder();
      for await (const chunk of events.body as unknown as AsyncIterable<Uint8Array>) {
        heard += decoder.decode(chunk, { stream: true });
      }
    })().catch(() => undefined);

    const sentAt = performance.now();
    expect((await timed(post('/v1/batch', { batch: slowCarts(CARTS) }))).status).toBe(200);
    const check = new Database(db, { readonly: true });
    cleanup.push(() => void check.close());
    const messages = () =>
      (check.prepare('SELECT COUNT(*) AS n FROM outbox').get() as { n: number }).n;
    const track: number[] = [];
    const calls: Promise<{ status: number; body: Record<string, unknown> }>[] = [];
    let n = 0;
    while (messages() < CARTS && performance.now() - sentAt < 30_000) {
      const t = await timed(post('/v1/track', { userId: `q${n++}`, event: 'page_viewed' }));
      expect(t.status).toBe(200);
      track.push(t.ms);
      // The console asks meanwhile; the engine answers between its turns.
      if (n % 5 === 1) calls.push(api('getExecution', { journeyId: 'slow' }));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const rendering = performance.now() - sentAt;
    expect(messages()).toBe(CARTS);
    expect(rendering).toBeGreaterThan(1_500);
    expect(track.length).toBeGreaterThan(5);
    expect(Math.max(...track)).toBeLessThan(BOUND_MS);

    const answers = await Promise.all(calls);
    expect(answers.length).toBeGreaterThan(0);
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ ok: true, value: { journeyId: 'slow' } });
    }
    // The run panel's counts came over the stream as the messages were written.
    await expect
      .poll(() => heard, { timeout: 10_000 })
      .toMatch(/event: liveCounts\ndata: .*"slow"/);
    stream.abort();
    await reading;
    console.log(
      `console on, slow renders: ${Math.round(rendering)} ms of work; ${track.length} probes; track median ${median(track)} ms, max ${Math.round(Math.max(...track))} ms; ${answers.length} console calls answered`,
    );
  }, 60_000);
});
