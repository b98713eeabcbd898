import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { chain, journey, node } from '../../build';
import { deliveryHarness, POLICY } from '../email/delivery-harness';

let server: Server | undefined;
afterEach(() => server?.close());

interface Hit {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

async function receiver(statuses: number[]): Promise<{ url: string; hits: Hit[] }> {
  const hits: Hit[] = [];
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      hits.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      res.writeHead(statuses[Math.min(hits.length, statuses.length) - 1] ?? 200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, hits };
}

function hookJourney(base: string) {
  return journey(
    [
      node('start', 'trigger', { on: 'event', event: 'cart' }),
      node('hook', 'message', {
        channel: 'webhook',
        url: `${base}/hook/{{ profile.id }}`,
        body: '{"id":"{{ profile.id }}"}',
      }),
    ],
    chain('start', 'hook'),
    {},
    'hooks',
  );
}

describe('webhook messages', () => {
  it('are a real HTTP POST, retried after a 5xx, with the outbox key as Idempotency-Key', async () => {
    const target = await receiver([503, 200]);
    const h = deliveryHarness({ journey: hookJourney(target.url) });
    h.enqueue(['p1']);
    await h.deliverDue();
    expect(h.rows()[0]).toMatchObject({ status: 'pending', attempts: 1 });
    h.clock.advance(POLICY.maxDelayMs);
    await h.deliverDue();
    expect(h.rows()[0]).toMatchObject({ status: 'delivered', attempts: 2, transport: 'webhook' });
    expect(target.hits.map((hit) => [hit.method, hit.url, hit.body])).toEqual([
      ['POST', '/hook/p1', '{"id":"p1"}'],
      ['POST', '/hook/p1', '{"id":"p1"}'],
    ]);
    expect(target.hits[0]!.headers['idempotency-key']).toBe('hooks:p1:1/hook/2');
    expect(target.hits[0]!.headers['content-type']).toBe('application/json');
  });

  it('dead-letter a 4xx reply (other than 408, 425 and 429)', async () => {
    const target = await receiver([404]);
    const h = deliveryHarness({ journey: hookJourney(target.url) });
    h.enqueue(['p1']);
    await h.deliverDue();
    expect(h.rows()[0]).toMatchObject({ status: 'dead', last_error: 'HTTP 404: ok' });
  });

  it('are not subject to consent: a webhook reaches a system, not a person', async () => {
    const target = await receiver([200]);
    const h = deliveryHarness({ journey: hookJourney(target.url) });
    h.enqueue(['p1']);
    h.suppressions.add('email', 'p1@example.com', 'test', 0);
    await h.deliverDue();
    expect(h.rows()[0]).toMatchObject({ status: 'delivered' });
  });
});
