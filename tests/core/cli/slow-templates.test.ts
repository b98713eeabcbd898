import Database from 'better-sqlite3';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serializeJourney } from '../../../core/model/journey-file';
import { median, slowCarts, slowJourney, timed } from './slow-journey';
import { startCli, stop, TOKEN, type CliProcess } from './cli-process';

/** The longest the event API may take to answer while the engine renders. */
const BOUND_MS = 250;
/** Messages the engine renders, one after another, while the API is probed. */
const CARTS = 24;

const running: CliProcess[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((run) => stop(run, 'SIGKILL')));
});

describe('the event API while the engine renders slow templates', () => {
  it(`answers the health check and /v1/track within ${BOUND_MS} ms`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'js-slow-'));
    const file = join(dir, 'slow.json');
    const db = join(dir, 'engine.db');
    writeFileSync(file, serializeJourney(slowJourney));
    const run = await startCli(['run', file, '--db', db, '--port', '0', '--token', TOKEN]);
    running.push(run);
    expect(run.engine).toBe(true);
    const url = run.url as string;
    const post = (path: string, body: unknown) => () =>
      fetch(`${url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const carts = slowCarts(CARTS);
    const sentAt = performance.now();
    expect((await timed(post('/v1/batch', { batch: carts }))).status).toBe(200);

    const check = new Database(db, { readonly: true });
    const messages = () =>
      (check.prepare('SELECT COUNT(*) AS n FROM outbox').get() as { n: number }).n;
    const health: number[] = [];
    const track: number[] = [];
    let n = 0;
    while (messages() < CARTS && performance.now() - sentAt < 30_000) {
      const h = await timed(() => fetch(`${url}/v1/health`));
      expect(h.status).toBe(200);
      health.push(h.ms);
      const t = await timed(post('/v1/track', { userId: `q${n++}`, event: 'page_viewed' }));
      expect(t.status).toBe(200);
      track.push(t.ms);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const rendering = performance.now() - sentAt;
    const written = messages();
    check.close();
    // The engine was busy for seconds, and the API kept answering all along.
    expect(written).toBe(CARTS);
    expect(rendering).toBeGreaterThan(1_500);
    expect(health.length).toBeGreaterThan(5);
    expect(Math.max(...health)).toBeLessThan(BOUND_MS);
    expect(Math.max(...track)).toBeLessThan(BOUND_MS);
    console.log(
      `slow renders: ${Math.round(rendering)} ms of work; ${health.length} probes; health median ${median(health)} ms, max ${Math.round(Math.max(...health))} ms; track median ${median(track)} ms, max ${Math.round(Math.max(...track))} ms`,
    );
  }, 60_000);
});
