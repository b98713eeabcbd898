import { afterEach, describe, expect, it } from 'vitest';
import { openLocalEngine } from '../../../core/adapters/local-engine';
import { openDatabase } from '../../../core/adapters/sqlite/database';
import { chain, journey, node } from '../build';
import { parseMail } from './email/mime';
import { SmtpSink } from './email/smtp-sink';

const TOKEN = 'local-engine-test-token';

async function waitFor(what: string, check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('the engine running live', () => {
  it('takes events from the API, fires wake-ups on the system clock, sends over SMTP, and honours the unsubscribe link', async () => {
    const sink = new SmtpSink();
    await sink.start();
    cleanups.push(() => sink.stop());
    const db = openDatabase(':memory:');
    const engine = openLocalEngine({ db, token: TOKEN, smtpUrl: sink.url, port: 0 });
    cleanups.push(() => engine.stop());
    engine.publish(
      journey(
        [
          node('start', 'trigger', { on: 'event', event: 'cart' }),
          node('first', 'message', {
            channel: 'email',
            from: 'shop@example.com',
            subject: 'First',
            html: '<a href="{{ unsubscribe_url }}">Unsubscribe</a>',
          }),
          node('w', 'wait', { mode: 'duration', duration: 'PT1S' }),
          node('second', 'message', {
            channel: 'email',
            from: 'shop@example.com',
            subject: 'Second',
            html: '<p>2</p>',
          }),
        ],
        chain('start', 'first', 'w', 'second'),
        {},
        'two-mails',
      ),
    );
    const url = await engine.start();
    const post = (path: string, body: unknown) =>
      fetch(`${url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const reply = await post('/v1/batch', {
      batch: [
        { type: 'identify', userId: 'ann', traits: { email: 'ann@example.com' } },
        { type: 'identify', userId: 'bob', traits: { email: 'bob@example.com' } },
        { type: 'track', userId: 'ann', event: 'cart' },
        { type: 'track', userId: 'bob', event: 'cart' },
      ],
    });
    expect(reply.status).toBe(200);
    await waitFor('the first emails', () => sink.received.length >= 2);
    const annMail = parseMail(sink.received.find((m) => m.to[0] === 'ann@example.com')!.raw);
    const link = /^<(.+)>$/.exec(annMail.headers.get('list-unsubscribe')!)![1]!;
    // The link in the body and the one in the header unsubscribe the same address.
    expect(annMail.html).toContain(`${url}/u/`);
    const unsubscribed = await fetch(link, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(unsubscribed.status).toBe(200);
    await waitFor('both enrollments to end', () => {
      const row = db
        .prepare("SELECT COUNT(*) AS n FROM enrollments WHERE status <> 'active'")
        .get() as { n: number };
      return row.n === 2;
    });
    await waitFor(
      'the last delivery',
      () => sink.received.length >= 3 && engine.outbox.counts().pending === 0,
    );
    expect(
      sink.received.map((m) => `${m.to[0]} ${parseMail(m.raw).headers.get('subject')}`).sort(),
    ).toEqual(['ann@example.com First', 'bob@example.com First', 'bob@example.com Second']);
    const skip = db
      .prepare("SELECT profile_id, node_id, step AS detail FROM journal_steps WHERE type = 'skip'")
      .all() as { profile_id: string; node_id: string; detail: string }[];
    expect(skip.map((s) => [s.profile_id, s.node_id])).toEqual([['ann', 'second']]);
    expect(skip[0]!.detail).toContain('"reason":"suppressed"');
    const status = engine.status();
    expect(status).toMatchObject({
      inbox: 0,
      events: 2,
      wakes: 0,
      enrollments: { active: 0, ended: 2 },
      outbox: { delivered: 3 },
    });
  });
});
