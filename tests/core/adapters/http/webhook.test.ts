import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { addressKind } from '../../../../core/adapters/http/network-address';
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

async function receiver(statuses: number[], reply = 'ok'): Promise<{ url: string; hits: Hit[] }> {
  const hits: Hit[] = [];
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      hits.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      res.writeHead(statuses[Math.min(hits.length, statuses.length) - 1] ?? 200).end(reply);
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, hits };
}

function hookJourney(base: string, body = '{"id":"{{ profile.id }}"}') {
  return journey(
    [
      node('start', 'trigger', { on: 'event', event: 'cart' }),
      node('hook', 'message', {
        channel: 'webhook',
        url: `${base}/hook/{{ profile.id }}`,
        body,
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
    const h = deliveryHarness({ journey: hookJourney(target.url), allowedHosts: ['127.0.0.1'] });
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
    const h = deliveryHarness({ journey: hookJourney(target.url), allowedHosts: ['127.0.0.1'] });
    h.enqueue(['p1']);
    await h.deliverDue();
    expect(h.rows()[0]).toMatchObject({ status: 'dead', last_error: 'HTTP 404: ok' });
  });

  it('are not subject to consent: a webhook reaches a system, not a person', async () => {
    const target = await receiver([200]);
    const h = deliveryHarness({ journey: hookJourney(target.url), allowedHosts: ['127.0.0.1'] });
    h.enqueue(['p1']);
    h.suppressions.add('email', 'p1@example.com', 'test', 0);
    await h.deliverDue();
    expect(h.rows()[0]).toMatchObject({ status: 'delivered' });
  });

  it('escape what a profile holds: it cannot add a JSON key, nor change the path', async () => {
    const target = await receiver([200]);
    const h = deliveryHarness({
      journey: hookJourney(
        target.url,
        '{"id":"{{ profile.id }}","name":"{{ profile.first_name }}"}',
      ),
      allowedHosts: ['127.0.0.1'],
    });
    h.enqueue(['x","admin":true,"y":"z', 'a/../b?c=1#d']);
    await h.deliverDue();
    expect(target.hits.map((hit) => JSON.parse(hit.body) as unknown)).toEqual([
      { id: 'x","admin":true,"y":"z', name: 'X","ADMIN":TRUE,"Y":"Z' },
      { id: 'a/../b?c=1#d', name: 'A/../B?C=1#D' },
    ]);
    expect(target.hits.map((hit) => hit.url)).toEqual([
      '/hook/x%22%2C%22admin%22%3Atrue%2C%22y%22%3A%22z',
      '/hook/a%2F..%2Fb%3Fc%3D1%23d',
    ]);
  });

  it('refuse this computer and private networks, unless the host is allowed', async () => {
    const target = await receiver([200]);
    const refused = deliveryHarness({ journey: hookJourney(target.url) });
    refused.enqueue(['p1']);
    await refused.deliverDue();
    expect(target.hits).toEqual([]);
    expect(refused.rows()[0]).toMatchObject({ status: 'dead', attempts: 1 });
    expect(refused.rows()[0]?.last_error).toMatch(
      /^Refused: 127\.0\.0\.1 is this computer\. .*allow the host 127\.0\.0\.1/,
    );
    // A name that leads there is refused alike, whatever it is called.
    const named = deliveryHarness({
      journey: hookJourney(target.url.replace('127.0.0.1', 'localhost')),
    });
    named.enqueue(['p1']);
    await named.deliverDue();
    expect(target.hits).toEqual([]);
    expect(named.rows()[0]?.last_error).toMatch(/^Refused: localhost is .*this computer/);
    const allowed = deliveryHarness({
      journey: hookJourney(target.url.replace('127.0.0.1', 'localhost')),
      allowedHosts: ['LocalHost'],
    });
    allowed.enqueue(['p1']);
    await allowed.deliverDue();
    expect(allowed.rows()[0]).toMatchObject({ status: 'delivered' });
  });

  it('keep a short, clean line of the reply, however much the server sends', async () => {
    const noisy = `\u001b[31mError\u0007\n\n${'internal detail '.repeat(100_000)}`;
    const target = await receiver([500], noisy);
    const h = deliveryHarness({ journey: hookJourney(target.url), allowedHosts: ['127.0.0.1'] });
    h.enqueue(['p1']);
    await h.deliverDue();
    const detail = h.rows()[0]?.last_error ?? '';
    expect(detail.length).toBeLessThanOrEqual(220);
    expect(detail).toMatch(/^HTTP 500: Error internal detail internal detail .*…$/);
    // eslint-disable-next-line no-control-regex
    expect(detail).not.toMatch(/[\u0000-\u001f\u007f]/);
  });
});

describe('network addresses', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['::1', 'loopback'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.5', 'private'],
    ['100.64.0.1', 'private'],
    ['fd12:3456::1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:192.168.0.1', 'private'],
    ['224.0.0.1', 'multicast'],
    ['8.8.8.8', 'public'],
    ['172.32.0.1', 'public'],
    ['2606:4700::1111', 'public'],
  ])('%s is %s', (address, kind) => {
    expect(addressKind(address)).toBe(kind);
  });
});
