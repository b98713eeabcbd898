import { describe, expect, it } from 'vitest';
import { chain, edge } from '../build';
import { at, cartTrigger, email, ev, journey, node, path, profile, run } from './helpers';

describe('trigger', () => {
  it('enrolls on a matching event only', () => {
    const j = journey(
      [
        node('start', 'trigger', {
          on: 'event',
          event: 'cart',
          where: [{ property: 'price', op: 'gte', value: 100 }],
        }),
        email('mail'),
      ],
      chain('start', 'mail'),
    );
    const result = run(j, {
      profiles: [profile('a'), profile('b')],
      events: [
        ev('a', 'cart', '2026-05-01T10:00:00Z', { price: 150 }),
        ev('b', 'cart', '2026-05-01T10:00:00Z', { price: 20 }),
        ev('b', 'view', '2026-05-01T11:00:00Z'),
      ],
    });
    expect(result.report.enrollments).toBe(1);
    expect(path(result, 'a')).toEqual([
      '2026-05-01T10:00:00 entered on event cart',
      '2026-05-01T10:00:00 at start',
      '2026-05-01T10:00:00 start → next → mail',
      '2026-05-01T10:00:00 at mail',
      '2026-05-01T10:00:00 email sent to a@example.com',
      '2026-05-01T10:00:00 mail → next (no connection: the journey ends here)',
      '2026-05-01T10:00:00 completed the journey',
    ]);
    expect(path(result, 'b')).toEqual([]);
  });

  it('enrolls a segment at the start and whoever starts matching later', () => {
    const j = journey(
      [
        node('start', 'trigger', {
          on: 'segment',
          condition: { event: 'purchase', op: 'performed', within: 'P7D' },
        }),
        email('mail'),
      ],
      chain('start', 'mail'),
    );
    const result = run(j, {
      profiles: [profile('early'), profile('later'), profile('never')],
      events: [
        ev('early', 'purchase', '2026-04-28T12:00:00Z'), // history: before the window
        ev('later', 'purchase', '2026-05-03T09:30:00Z'),
      ],
      start: at('2026-05-01T00:00:00Z'),
      end: at('2026-05-10T00:00:00Z'),
    });
    expect(path(result, 'early')[0]).toBe('2026-05-01T00:00:00 entered: matches the segment');
    expect(path(result, 'later')[0]).toBe('2026-05-03T09:30:00 entered: matches the segment');
    expect(path(result, 'never')).toEqual([]);
    expect(result.report.events).toEqual({ replayed: 1, history: 1 });
  });

  it('enrolls whoever starts matching as time passes (lapsed customers)', () => {
    const lapsed = {
      all: [
        { event: 'purchase', op: 'performed' },
        { event: 'purchase', op: 'not_performed', within: 'P30D' },
      ],
    };
    const j = journey(
      [node('start', 'trigger', { on: 'segment', condition: lapsed }), email('mail')],
      chain('start', 'mail'),
    );
    const result = run(j, {
      profiles: [profile('p')],
      events: [ev('p', 'purchase', '2026-04-20T15:00:00Z')],
      start: at('2026-05-01T00:00:00Z'),
      end: at('2026-06-01T00:00:00Z'),
    });
    // 30 days after the purchase, to the millisecond after the window closes over it.
    expect(path(result, 'p')[0]).toBe('2026-05-20T15:00:00 entered: matches the segment');
  });

  it('enrolls on the anniversary of a date, at local time, every year', () => {
    const j = journey(
      [
        node('start', 'trigger', {
          on: 'date',
          attribute: 'birthday',
          offset: '-P1D',
          time: '09:00',
        }),
        email('mail'),
      ],
      chain('start', 'mail'),
      { timezone: 'Europe/Stockholm' },
    );
    const result = run(j, {
      profiles: [
        profile('sv', { birthday: '1990-06-15' }),
        profile('ny', { birthday: '1985-06-15', timezone: 'America/New_York' }),
        profile('none'),
      ],
      start: at('2026-01-01T00:00:00Z'),
      end: at('2027-12-31T00:00:00Z'),
    });
    const entries = (id: string) => path(result, id).filter((s) => s.includes('entered'));
    expect(entries('sv')).toEqual([
      '2026-06-14T07:00:00 entered on the yearly date',
      '2027-06-14T07:00:00 entered on the yearly date',
    ]);
    expect(entries('ny')).toEqual([
      '2026-06-14T13:00:00 entered on the yearly date',
      '2027-06-14T13:00:00 entered on the yearly date',
    ]);
    expect(entries('none')).toEqual([]);
  });
});

describe('wait', () => {
  it('waits a duration; a day keeps the local time across a DST change', () => {
    const j = journey(
      [cartTrigger(), node('w', 'wait', { mode: 'duration', duration: 'P1D' }), email('mail')],
      chain('start', 'w', 'mail'),
      {
        timezone: 'Europe/Stockholm',
      },
    );
    const result = run(j, {
      profiles: [profile('p')],
      events: [ev('p', 'cart', '2026-03-28T09:00:00Z')],
      end: at('2026-04-05T00:00:00Z'),
    });
    // 10:00 CET on Saturday → 10:00 CEST on Sunday, 23 hours later.
    expect(path(result, 'p')).toContain('2026-03-28T09:00:00 waiting until 2026-03-29 08:00:00Z');
    expect(path(result, 'p')).toContain('2026-03-29T08:00:00 email sent to p@example.com');
  });

  it('waits until a local time on chosen days', () => {
    const j = journey(
      [
        cartTrigger(),
        node('w', 'wait', { mode: 'until', time: '09:00', days: ['mon'] }),
        email('mail'),
      ],
      chain('start', 'w', 'mail'),
      { timezone: 'Europe/Stockholm' },
    );
    // Wednesday 6 May 2026 → Monday 11 May, 09:00 CEST.
    const result = run(j, {
      profiles: [profile('p')],
      events: [ev('p', 'cart', '2026-05-06T12:00:00Z')],
      end: at('2026-05-20T00:00:00Z'),
    });
    expect(path(result, 'p')).toContain('2026-05-06T12:00:00 waiting until 2026-05-11 07:00:00Z');
  });

  it('waits for an event, leaving through "event" or "timeout"', () => {
    const j = journey(
      [
        cartTrigger(),
        node('paid', 'wait', { mode: 'event', event: 'purchase', timeout: 'PT2H' }),
        email('thanks'),
        email('remind'),
      ],
      [edge('start', 'paid'), edge('paid', 'thanks', 'event'), edge('paid', 'remind', 'timeout')],
    );
    const result = run(j, {
      profiles: [profile('buyer'), profile('browser')],
      events: [
        ev('buyer', 'purchase', '2026-05-01T09:00:00Z'), // before entering: does not count
        ev('buyer', 'cart', '2026-05-01T10:00:00Z'),
        ev('browser', 'cart', '2026-05-01T10:00:00Z'),
        ev('buyer', 'purchase', '2026-05-01T11:00:00Z'),
      ],
      end: at('2026-05-02T00:00:00Z'),
    });
    expect(path(result, 'buyer')).toContain('2026-05-01T11:00:00 paid → event → thanks');
    expect(path(result, 'browser')).toContain('2026-05-01T12:00:00 paid → timeout → remind');
    expect(result.report.nodes.paid).toEqual({ entered: 2, ports: { event: 1, timeout: 1 } });
  });
});

describe('condition', () => {
  it('routes by events since entry and attributes as they are now', () => {
    const j = journey(
      [
        cartTrigger(),
        node('w', 'wait', { mode: 'duration', duration: 'PT1H' }),
        node('bought', 'condition', { event: 'purchase', op: 'performed', since: 'entry' }),
        node('vip', 'condition', { attribute: 'tier', op: 'eq', value: 'gold' }),
        email('gold'),
        email('plain'),
      ],
      [
        ...chain('start', 'w', 'bought'),
        edge('bought', 'vip', 'no'),
        edge('vip', 'gold', 'yes'),
        edge('vip', 'plain', 'no'),
      ],
    );
    const result = run(j, {
      profiles: [profile('a', { tier: 'gold' }), profile('b'), profile('c')],
      events: [
        ev('c', 'purchase', '2026-05-01T09:00:00Z'),
        ...['a', 'b', 'c'].map((id) => ev(id, 'cart', '2026-05-01T10:00:00Z')),
        ev('b', 'purchase', '2026-05-01T10:30:00Z'),
      ],
      end: at('2026-05-01T12:00:00Z'),
    });
    expect(result.report.nodes.bought?.ports).toEqual({ yes: 1, no: 2 });
    expect(result.report.nodes.vip?.ports).toEqual({ yes: 1, no: 1 });
    expect(path(result, 'c')).toContain('2026-05-01T11:00:00 bought → no → vip');
  });
});

describe('split', () => {
  const splitJourney = journey(
    [
      cartTrigger(),
      node('ab', 'split', {
        variants: [
          { key: 'A', weight: 70 },
          { key: 'B', weight: 30 },
        ],
      }),
      node('w', 'wait', { mode: 'duration', duration: 'PT1H' }),
    ],
    [edge('start', 'ab'), edge('ab', 'w', 'A')],
    { reentry: 'always' },
  );
  const events = Array.from({ length: 2000 }, (_, i) =>
    ev(`p${i}`, 'cart', '2026-05-01T10:00:00Z'),
  );

  it('splits by weight', () => {
    const { report } = run(splitJourney, { events, trace: new Set() });
    const a = report.nodes.ab?.ports.A ?? 0;
    expect(a + (report.nodes.ab?.ports.B ?? 0)).toBe(2000);
    expect(a / 2000).toBeGreaterThan(0.66);
    expect(a / 2000).toBeLessThan(0.74);
    expect(report.conversions.byVariant.ab?.A?.entered).toBe(a);
  });

  it('is sticky: a profile that enters again lands in the same variant', () => {
    const again = events
      .slice(0, 200)
      .flatMap((e) => [
        e,
        { ...e, time: at('2026-05-02T10:00:00Z') },
        { ...e, time: at('2026-05-03T10:00:00Z') },
      ]);
    const result = run(splitJourney, { events: again });
    for (const [, steps] of result.traces) {
      const variants = new Set(steps.filter((s) => s.type === 'variant').map((s) => s.text));
      expect(variants.size).toBe(1);
    }
  });

  it('a seed moves assignment but not totals; the same seed repeats exactly', () => {
    const one = run(splitJourney, { events, seed: 1, trace: new Set() });
    const again = run(splitJourney, { events, seed: 1, trace: new Set() });
    const other = run(splitJourney, {
      events,
      seed: 2,
      trace: new Set(['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8', 'p9']),
    });
    expect(again.report).toEqual(one.report);
    expect(other.report.nodes.ab?.entered).toBe(one.report.nodes.ab?.entered);
    expect(other.report.enrollments).toBe(one.report.enrollments);
    expect(other.report.nodes.ab?.ports.A).not.toBe(one.report.nodes.ab?.ports.A);
  });
});

describe('message', () => {
  it('sends on every channel, rendered with the profile and the triggering event', () => {
    const j = journey(
      [
        cartTrigger(),
        node('mail', 'message', {
          channel: 'email',
          from: 'Shop <shop@example.com>',
          subject: '{{ profile.first_name }}, your {{ event.brand }} is waiting',
          html: '<p>Hi {{ profile.first_name }}</p><a href="{{ unsubscribe_url }}">Unsubscribe</a>',
        }),
        node('sms', 'message', { channel: 'sms', text: 'Still want {{ event.brand }}?' }),
        node('push', 'message', { channel: 'push', title: 'Cart', body: '{{ journey.name }}' }),
        node('hook', 'message', {
          channel: 'webhook',
          url: 'https://crm.example.com/h?id={{ profile.id }}',
          body: '{"brand": {{ event.brand | json }}}',
        }),
      ],
      chain('start', 'mail', 'sms', 'push', 'hook'),
    );
    const result = run(j, {
      profiles: [
        profile('p', { first_name: 'Ann <3', phone: '+46701234567', push_token: 'tok-1' }),
      ],
      events: [ev('p', 'cart', '2026-05-01T10:00:00Z', { brand: 'Acme & Co' })],
    });
    const contents = result.messages.map((m) => m.content);
    expect(contents).toEqual([
      {
        channel: 'email',
        from: 'Shop <shop@example.com>',
        subject: 'Ann <3, your Acme & Co is waiting',
        html: '<p>Hi Ann &lt;3</p><a href="https://unsubscribe.invalid/test-journey/p">Unsubscribe</a>',
      },
      { channel: 'sms', text: 'Still want Acme & Co?' },
      { channel: 'push', title: 'Cart', body: 'Test journey' },
      {
        channel: 'webhook',
        method: 'POST',
        url: 'https://crm.example.com/h?id=p',
        body: '{"brand": "Acme & Co"}',
      },
    ]);
    expect(result.messages.map((m) => m.to)).toEqual([
      'p@example.com',
      '+46701234567',
      'tok-1',
      'https://crm.example.com/h?id=p',
    ]);
    expect(result.messages[0]?.key).toBe('test-journey:p:1/mail/2');
    expect(result.report.sent).toEqual({ email: 1, sms: 1, push: 1, webhook: 1 });
  });

  it('skips with a reason and carries on', () => {
    const j = journey(
      [
        cartTrigger(),
        email('mail', 'Hi', '<p>{{ profile.code | url_decode }}</p>'),
        node('after', 'update', { set: { reached: true } }),
      ],
      chain('start', 'mail', 'after'),
    );
    const result = run(j, {
      profiles: [
        profile('ok', { code: 'a%20b' }),
        profile('gone', { unsubscribed: true }),
        profile('optout', { email_opt_out: 'yes' }),
        profile('none', { email: '' }),
        profile('bad', { email: 'not-an-address' }),
        // A list: nodemailer would send to attacker@…, past the suppression list.
        profile('list', { email: 'x,attacker@evil.example' }),
        profile('blocked'),
        profile('broken', { code: '%E0%A4%A' }),
      ],
      events: ['ok', 'gone', 'optout', 'none', 'bad', 'list', 'blocked', 'broken'].map((id) =>
        ev(id, 'cart', '2026-05-01T10:00:00Z'),
      ),
      suppressed: ['email:blocked@example.com'],
    });
    expect(result.report.messages.mail).toEqual({
      sent: 1,
      skipped: { unsubscribed: 2, no_address: 3, suppressed: 1, template_error: 1 },
      deferred: 0,
    });
    expect(result.report.nodes.after?.entered).toBe(8);
    expect(path(result, 'broken')).toContain(
      '2026-05-01T10:00:00 message skipped (template_error): the template could not be rendered — Body (HTML): URI malformed, line:1, col:4',
    );
    expect(path(result, 'bad')).toContain(
      '2026-05-01T10:00:00 message skipped (no_address): the profile has no address for this channel — email "not-an-address" is not usable',
    );
  });

  it('skips a message whose loops repeat too often, in plain words, and carries on', () => {
    const loops =
      '{% for a in profile.tags %}{% for b in profile.tags %}{% for c in profile.tags %}{{ c }}{% endfor %}{% endfor %}{% endfor %}';
    const j = journey(
      [
        cartTrigger(),
        email('mail', 'Hi', `<p>${loops}</p>`),
        node('after', 'update', { set: { reached: true } }),
      ],
      chain('start', 'mail', 'after'),
    );
    const tags = Array.from({ length: 300 }, (_, i) => `t${i}`);
    const result = run(j, {
      profiles: [profile('few', { tags: ['a', 'b'] }), profile('many', { tags })],
      events: ['few', 'many'].map((id) => ev(id, 'cart', '2026-05-01T10:00:00Z')),
    });
    expect(result.report.messages.mail).toMatchObject({ sent: 1, skipped: { template_error: 1 } });
    expect(result.report.nodes.after?.entered).toBe(2);
    expect(path(result, 'many')).toContain(
      '2026-05-01T10:00:00 message skipped (template_error): the template could not be rendered — Body (HTML): This message took too long to render: a loop in the body repeats too often',
    );
  });
});

describe('update and exit', () => {
  it('changes the profile for later nodes, and exits explicitly', () => {
    const j = journey(
      [
        cartTrigger(),
        node('score', 'update', {
          increment: { score: 30 },
          set: { stage: 'warm' },
          unset: ['coupon'],
        }),
        node('hot', 'condition', {
          all: [
            { attribute: 'score', op: 'gte', value: 50 },
            { attribute: 'coupon', op: 'not_exists' },
          ],
        }),
        node('out', 'exit'),
        email('offer', 'An offer for {{ profile.stage }} leads'),
      ],
      [...chain('start', 'score', 'hot'), edge('hot', 'offer', 'yes'), edge('hot', 'out', 'no')],
      { reentry: 'always' },
    );
    const result = run(j, {
      profiles: [profile('p', { score: 10, coupon: 'X1' })],
      events: [ev('p', 'cart', '2026-05-01T10:00:00Z'), ev('p', 'cart', '2026-05-02T10:00:00Z')],
    });
    expect(result.report.nodes.hot?.ports).toEqual({ yes: 1, no: 1 });
    expect(result.report.outcomes).toEqual({ completed: 1, exited: 1, converted: 0, active: 0 });
    expect(result.messages[0]?.content).toMatchObject({ subject: 'An offer for warm leads' });
    expect(path(result, 'p')).toContain(
      '2026-05-01T10:00:00 profile updated: stage = "warm", score +30, coupon removed',
    );
  });
});
