import { createServer, type Server, type Socket } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLocalEngine } from '../../../core/adapters/local-engine';
import { openDatabase } from '../../../core/adapters/sqlite/database';
import { chain, journey, node } from '../build';
import { deliveryHarness } from './email/delivery-harness';
import { parseMail } from './email/mime';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const TOKEN = 'faults-test-token-0123456789';

async function waitFor(check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('faults injected', () => {
  it('disk full while events arrive: the API answers 503, and nothing it acknowledged is lost', async () => {
    const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'js-full-')), 'engine.db'));
    const engine = openLocalEngine({ db, token: TOKEN, port: 0 });
    cleanups.push(() => engine.stop());
    engine.publish(
      journey(
        [
          node('start', 'trigger', { on: 'event', event: 'cart' }),
          node('wait', 'wait', { mode: 'duration', duration: 'PT1H' }),
        ],
        chain('start', 'wait'),
        {},
        'carts',
      ),
    );
    const url = await engine.start();
    const acknowledged: string[] = [];
    const refused: number[] = [];
    let n = 0;
    const send = async () => {
      const messageId = `m-${++n}`;
      const reply = await fetch(`${url}/v1/track`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          userId: `u${n % 7}`,
          event: 'cart',
          messageId,
          properties: { note: 'x'.repeat(2_000) },
        }),
      });
      await reply.text();
      if (reply.status === 200) acknowledged.push(messageId);
      else refused.push(reply.status);
      return reply;
    };
    for (let i = 0; i < 20; i++) await send();
    // The disk fills up: the database may not grow past a few more pages.
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages + 4}`);
    let full: Response | undefined;
    for (let i = 0; i < 400 && !full; i++) {
      const reply = await send();
      if (reply.status !== 200) full = reply;
    }
    expect(full?.status).toBe(503);
    expect(full?.headers.get('retry-after')).toBe('1');
    // Still full: every further event is refused, none half-stored.
    for (let i = 0; i < 10; i++) await send();
    expect(refused.every((status) => status === 503)).toBe(true);
    // Space again: what was acknowledged is all there, applied once.
    db.pragma('max_page_count = 1073741823');
    for (let i = 0; i < 10; i++) await send();
    await waitFor(() => engine.status().inbox === 0);
    const applied = (
      db.prepare('SELECT message_id FROM events ORDER BY seq').all() as { message_id: string }[]
    ).map((r) => r.message_id);
    expect(applied).toEqual(acknowledged);
    expect(refused.length).toBeGreaterThanOrEqual(11);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  }, 60_000);

  it('an SMTP server that drops the connection in the middle of DATA: retried, then sent once', async () => {
    const received: string[] = [];
    let drops = 1;
    const sockets = new Set<Socket>();
    const server: Server = createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
      let inData = false;
      let data = '';
      socket.write('220 faulty.example ESMTP\r\n');
      socket.on('data', (chunk: Buffer) => {
        if (inData) {
          data += chunk.toString();
          if (drops > 0 && data.length > 100) {
            drops--;
            // Half a message in: the connection is gone without an answer.
            socket.destroy();
            return;
          }
          if (data.includes('\r\n.\r\n')) {
            inData = false;
            received.push(data.slice(0, data.indexOf('\r\n.\r\n')));
            data = '';
            socket.write('250 2.0.0 Ok: queued\r\n');
          }
          return;
        }
        for (const line of chunk.toString().split('\r\n').filter(Boolean)) {
          const verb = line.slice(0, 4).toUpperCase();
          if (verb === 'EHLO' || verb === 'HELO') socket.write('250 faulty.example\r\n');
          else if (verb === 'DATA') {
            inData = true;
            socket.write('354 go ahead\r\n');
          } else if (verb === 'QUIT') socket.end('221 bye\r\n');
          else socket.write('250 Ok\r\n');
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          for (const socket of sockets) socket.destroy();
          server.close(() => resolve());
        }),
    );
    const port = (server.address() as { port: number }).port;
    const h = deliveryHarness({ smtpUrl: `smtp://127.0.0.1:${port}` });
    cleanups.push(h.close);
    h.enqueue(['ann']);
    await h.deliverDue();
    const first = h.rows()[0]!;
    expect(first).toMatchObject({ status: 'pending', attempts: 1 });
    expect(first.last_error).toBeTruthy();
    expect(received).toEqual([]);
    h.clock.set(first.next_attempt_at);
    await h.deliverDue();
    expect(h.rows()[0]).toMatchObject({ status: 'delivered', attempts: 2 });
    expect(received).toHaveLength(1);
    expect(parseMail(received[0]!).headers.get('to')).toBe('ann@example.com');
  });
});
