import { createServer as createTcpServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { messageIdFor } from '../../../../core/adapters/email/mail-message';
import { classifySmtpError } from '../../../../core/adapters/email/smtp-transport';
import { mailFailureOf } from '../../../../core/executor/mail-failure';
import { retryDelay } from '../../../../core/executor/retry-policy';
import { deliveryHarness, POLICY } from './delivery-harness';
import { parseMail } from './mime';
import { SmtpSink } from './smtp-sink';

const sinks: SmtpSink[] = [];
const closers: (() => void)[] = [];

async function sink(port = 0): Promise<SmtpSink> {
  const s = new SmtpSink();
  await s.start(port);
  sinks.push(s);
  return s;
}

function harness(options: Parameters<typeof deliveryHarness>[0]) {
  const h = deliveryHarness(options);
  closers.push(h.close);
  return h;
}

afterEach(async () => {
  closers.splice(0).forEach((close) => close());
  await Promise.all(sinks.splice(0).map((s) => s.stop()));
});

describe('delivery to a real SMTP server on loopback', () => {
  it('delivers each message with a stable Message-ID and one-click unsubscribe headers', async () => {
    const server = await sink();
    const h = harness({ smtpUrl: server.url });
    h.enqueue(['ann', 'bob', 'cy']);
    await h.deliverDue();
    expect(h.rows().map((r) => [r.status, r.attempts, r.transport])).toEqual([
      ['delivered', 1, 'smtp'],
      ['delivered', 1, 'smtp'],
      ['delivered', 1, 'smtp'],
    ]);
    expect(server.received.map((m) => m.to)).toEqual([
      ['ann@example.com'],
      ['bob@example.com'],
      ['cy@example.com'],
    ]);
    const entry = h.outbox.get(h.rows()[0]!.id)!;
    const mail = parseMail(server.received[0]!.raw);
    expect(mail.headers.get('message-id')).toBe(messageIdFor(entry, 'test01'));
    expect(mail.headers.get('message-id')).toMatch(/^<[0-9a-f]{16}\.\d+\.test01@example\.com>$/);
    expect(mail.headers.get('subject')).toBe('Your acme cart, ANN');
    expect(mail.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const link = /^<(http:\/\/127\.0\.0\.1:9999\/u\/[^>]+)>$/.exec(
      mail.headers.get('list-unsubscribe') ?? '',
    )?.[1];
    expect(h.links.verify(link!.split('/u/')[1]!)).toEqual({
      channel: 'email',
      address: 'ann@example.com',
      profileId: 'ann',
      journeyId: 'cart-mail',
    });
    expect(mail.html).toBe(entry.content.channel === 'email' ? entry.content.html : '');
    expect(mail.html).toContain('åäö');
    expect(h.log().map((l) => l.outcome)).toEqual(['delivered', 'delivered', 'delivered']);
    expect(h.log()[0]!.detail).toMatch(/^250/);
  });

  it('retries a 4xx reply with backoff and jitter, then delivers — with the same Message-ID every time', async () => {
    const server = await sink();
    server.reply = (_, attempt) =>
      attempt <= 2 ? { code: 451, message: '4.3.0 Try again later' } : undefined;
    const h = harness({ smtpUrl: server.url });
    h.enqueue(['ann']);
    await h.deliverDue();
    let [row] = h.rows();
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row!.last_error).toContain('451');
    expect(row!.next_attempt_at).toBe(h.clock.now() + retryDelay(POLICY, 1, row!.key));
    // Not due yet: nothing is attempted.
    await h.deliverDue();
    expect(server.refused).toHaveLength(1);
    h.clock.set(row!.next_attempt_at);
    await h.deliverDue();
    [row] = h.rows();
    expect(row).toMatchObject({ status: 'pending', attempts: 2 });
    h.clock.set(row!.next_attempt_at);
    await h.deliverDue();
    expect(h.rows()[0]).toMatchObject({ status: 'delivered', attempts: 3 });
    expect(h.log().map((l) => l.outcome)).toEqual(['retry', 'retry', 'delivered']);
    const ids = [...server.refused.map((r) => r.raw), server.received[0]!.raw].map((raw) =>
      parseMail(raw).headers.get('message-id'),
    );
    expect(new Set(ids).size).toBe(1);
  });

  it('spreads retries of messages that failed together', () => {
    const delays = Array.from({ length: 50 }, (_, i) => retryDelay(POLICY, 3, `j:p${i}:1/mail/2`));
    expect(new Set(delays).size).toBeGreaterThan(40);
    for (const d of delays) expect(d).toBeGreaterThanOrEqual(2_000);
    for (const d of delays) expect(d).toBeLessThanOrEqual(4_000);
    expect(retryDelay(POLICY, 3, 'same')).toBe(retryDelay(POLICY, 3, 'same'));
  });

  it('dead-letters a 5xx reply at once, keeping the server’s reply', async () => {
    const server = await sink();
    server.reply = () => ({ code: 550, message: '5.1.1 Mailbox unavailable' });
    const h = harness({ smtpUrl: server.url });
    h.enqueue(['ann']);
    await h.deliverDue();
    const [row] = h.rows();
    expect(row).toMatchObject({ status: 'dead', attempts: 1 });
    expect(row!.last_error).toMatch(/550.*Mailbox unavailable/);
    h.clock.advance(24 * 60 * 60_000);
    await h.deliverDue();
    expect(server.refused).toHaveLength(1);
    expect(h.log().map((l) => l.outcome)).toEqual(['dead']);
    expect(h.log()[0]!.detail).toContain('550');
    expect(h.outbox.list('dead').map((m) => m.lastError)).toEqual([row!.last_error]);
    // A dead message can be put back in line by hand.
    expect(h.outbox.retryDead(row!.id, h.clock.now())).toBe(true);
    server.reply = () => undefined;
    await h.deliverDue();
    expect(h.rows()[0]).toMatchObject({ status: 'delivered' });
  });

  it('gives up after the last attempt of a temporary failure', async () => {
    const server = await sink();
    server.reply = () => ({ code: 421, message: '4.7.0 Busy' });
    const h = harness({ smtpUrl: server.url });
    h.enqueue(['ann']);
    for (let i = 0; i < POLICY.maxAttempts; i++) {
      await h.deliverDue();
      h.clock.advance(POLICY.maxDelayMs);
    }
    expect(h.rows()[0]).toMatchObject({ status: 'dead', attempts: POLICY.maxAttempts });
    expect(h.rows()[0]!.last_error).toMatch(/gave up after 4 attempts: .*421/);
    // The app reads the server's answer as a code, with the reply to quote.
    expect(mailFailureOf(h.rows()[0]!.last_error ?? '')).toMatchObject({ code: 'deferred' });
  });

  it('keeps messages while the server is down and delivers them once it is up', async () => {
    const probe = await sink();
    const port = probe.port;
    await probe.stop();
    sinks.splice(sinks.indexOf(probe), 1);
    const h = harness({ smtpUrl: `smtp://127.0.0.1:${port}` });
    h.enqueue(['ann', 'bob']);
    await h.deliverDue();
    expect(h.rows().map((r) => r.status)).toEqual(['pending', 'pending']);
    expect(h.rows()[0]!.last_error).toMatch(/ECONNREFUSED|ECONNECTION|ESOCKET/);
    expect(mailFailureOf(h.rows()[0]!.last_error ?? '')?.code).toBe('connection-refused');
    const server = await sink(port);
    h.clock.advance(POLICY.maxDelayMs);
    await h.deliverDue();
    expect(h.rows().map((r) => r.status)).toEqual(['delivered', 'delivered']);
    expect(server.received).toHaveLength(2);
  });

  it('times out a server that never answers, and retries', async () => {
    const sockets: Socket[] = [];
    const silent: Server = createTcpServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    closers.push(() => {
      sockets.forEach((s) => s.destroy());
      silent.close();
    });
    const port = (silent.address() as { port: number }).port;
    const h = harness({ smtpUrl: `smtp://127.0.0.1:${port}`, smtpTimeoutMs: 300 });
    h.enqueue(['ann']);
    await h.deliverDue();
    expect(h.rows()[0]).toMatchObject({ status: 'pending', attempts: 1 });
    expect(h.rows()[0]!.last_error).toMatch(/ETIMEDOUT|timeout/i);
    expect(mailFailureOf(h.rows()[0]!.last_error ?? '')?.code).toBe('timeout');
  });

  it('checks consent again at send time: an address unsubscribed meanwhile is cancelled, with its reason', async () => {
    const server = await sink();
    const h = harness({ smtpUrl: server.url });
    h.enqueue(['ann', 'bob', 'cy']);
    h.suppressions.add('email', 'Ann@Example.com', 'unsubscribe link', h.clock.now());
    h.store.transaction(() => {
      const bob = h.store.getProfile('bob')!;
      h.store.putProfile({ id: 'bob', attributes: { ...bob.attributes, unsubscribed: true } });
    });
    h.store.discardCache();
    await h.deliverDue();
    expect(h.rows().map((r) => r.status)).toEqual(['cancelled', 'cancelled', 'delivered']);
    expect(h.log().map((l) => `${l.outcome} ${l.detail}`)).toEqual([
      'cancelled suppressed: ann@example.com is on the suppression list',
      'cancelled unsubscribed: unsubscribed from all messages',
      expect.stringMatching(/^delivered 250/),
    ]);
    expect(server.received.map((m) => m.to)).toEqual([['cy@example.com']]);
  });
});

describe('SMTP errors', () => {
  it('are temporary for 4xx, timeouts and lost connections; permanent for 5xx', () => {
    expect(classifySmtpError({ responseCode: 451, response: '451 later' })).toMatchObject({
      permanent: false,
    });
    expect(classifySmtpError({ responseCode: 554, response: '554 no' })).toMatchObject({
      permanent: true,
      detail: '554 no',
    });
    expect(classifySmtpError({ code: 'ETIMEDOUT', message: 'Timeout' })).toMatchObject({
      permanent: false,
    });
    expect(classifySmtpError({ code: 'ECONNECTION', message: 'closed' })).toMatchObject({
      permanent: false,
    });
  });
});
