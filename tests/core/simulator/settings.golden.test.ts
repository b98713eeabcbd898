import { describe, expect, it } from 'vitest';
import type { JourneySettings } from '../../../core/model/journey';
import { chain, edge } from '../build';
import { at, cartTrigger, email, ev, journey, node, path, profile, run } from './helpers';

const waitThenMail = (settings: JourneySettings, wait = 'PT1H') =>
  journey(
    [cartTrigger(), node('w', 'wait', { mode: 'duration', duration: wait }), email('mail')],
    chain('start', 'w', 'mail'),
    settings,
  );

const carts = (id: string, ...times: string[]) => times.map((t) => ev(id, 'cart', t));

describe('re-entry', () => {
  const events = carts('p', '2026-05-01T10:00:00Z', '2026-05-01T10:30:00Z', '2026-05-01T12:00:00Z');

  it('never: one entry per profile, ever', () => {
    const result = run(waitThenMail({ reentry: 'never' }), { events });
    expect(result.report.enrollments).toBe(1);
    expect(result.report.entriesRefused).toEqual({ reentry_never: 2 });
    expect(path(result, 'p')).toContain(
      '2026-05-01T12:00:00 not entered: this journey admits a profile once',
    );
  });

  it('after_exit: again once the first enrollment has left', () => {
    const result = run(waitThenMail({ reentry: 'after_exit' }), { events });
    expect(result.report.enrollments).toBe(2);
    expect(result.report.entriesRefused).toEqual({ already_active: 1 });
  });

  it('always: concurrent enrollments', () => {
    const result = run(waitThenMail({ reentry: 'always' }), {
      events,
      end: at('2026-05-02T00:00:00Z'),
    });
    expect(result.report.enrollments).toBe(3);
    expect(result.report.messages.mail?.sent).toBe(3);
    expect(result.messages.map((m) => m.key)).toEqual([
      'test-journey:p:1/mail/3',
      'test-journey:p:2/mail/3',
      'test-journey:p:3/mail/3',
    ]);
  });

  it('defaults to after_exit', () => {
    expect(run(waitThenMail({}), { events }).report.enrollments).toBe(2);
  });
});

describe('goal', () => {
  it('counts a conversion and exits at once', () => {
    const result = run(waitThenMail({ goal: { event: 'purchase' } }), {
      events: [...carts('p', '2026-05-01T10:00:00Z'), ev('p', 'purchase', '2026-05-01T10:20:00Z')],
      end: at('2026-05-02T00:00:00Z'),
    });
    expect(result.report.conversions.total).toBe(1);
    expect(result.report.messages.mail?.sent).toBe(0);
    expect(result.report.outcomes).toMatchObject({ converted: 1, active: 0 });
    expect(path(result, 'p').slice(-2)).toEqual([
      '2026-05-01T10:20:00 converted: performed purchase',
      '2026-05-01T10:20:00 left the journey: goal reached',
    ]);
  });

  it('with exit false, counts and lets the journey go on', () => {
    const result = run(waitThenMail({ goal: { event: 'purchase', exit: false } }), {
      events: [
        ...carts('p', '2026-05-01T10:00:00Z'),
        ev('p', 'purchase', '2026-05-01T10:20:00Z'),
        ev('p', 'purchase', '2026-05-01T10:40:00Z'),
      ],
      end: at('2026-05-02T00:00:00Z'),
    });
    expect(result.report.conversions.total).toBe(1);
    expect(result.report.messages.mail?.sent).toBe(1);
  });

  it('filters goal events and ignores the triggering event', () => {
    const j = journey(
      [
        node('start', 'trigger', { on: 'event', event: 'purchase' }),
        node('w', 'wait', { mode: 'duration', duration: 'P1D' }),
      ],
      chain('start', 'w'),
      {
        goal: { event: 'purchase', where: [{ property: 'price', op: 'gte', value: 100 }] },
      },
    );
    const result = run(j, {
      events: [
        ev('p', 'purchase', '2026-05-01T10:00:00Z', { price: 500 }),
        ev('p', 'purchase', '2026-05-01T11:00:00Z', { price: 5 }),
        ev('p', 'purchase', '2026-05-01T12:00:00Z', { price: 150 }),
      ],
    });
    expect(path(result, 'p').filter((s) => s.includes('converted'))).toEqual([
      '2026-05-01T12:00:00 converted: performed purchase',
    ]);
  });

  it('counts conversions per variant, control group included, within the conversion window', () => {
    const j = journey(
      [
        cartTrigger(),
        node('ab', 'split', {
          variants: [
            { key: 'A', weight: 50 },
            { key: 'control', weight: 50 },
          ],
        }),
        email('offer'),
      ],
      [edge('start', 'ab'), edge('ab', 'offer', 'A')],
      { goal: { event: 'purchase', within: 'P3D' } },
    );
    const ids = Array.from({ length: 400 }, (_, i) => `p${i}`);
    const result = run(j, {
      events: [
        ...ids.map((id) => ev(id, 'cart', '2026-05-01T10:00:00Z')),
        // Every third profile buys two days later (inside the window), every seventh after five days (outside).
        ...ids
          .filter((_, i) => i % 3 === 0)
          .map((id) => ev(id, 'purchase', '2026-05-03T10:00:00Z')),
        ...ids
          .filter((_, i) => i % 7 === 0)
          .map((id) => ev(id, 'purchase', '2026-05-06T10:00:00Z')),
      ],
      trace: new Set(),
    });
    const { byVariant, total } = result.report.conversions;
    const a = byVariant.ab?.A;
    const control = byVariant.ab?.control;
    expect((a?.entered ?? 0) + (control?.entered ?? 0)).toBe(400);
    expect(total).toBe(134);
    expect((a?.converted ?? 0) + (control?.converted ?? 0)).toBe(134);
    expect(control?.converted).toBeGreaterThan(0);
  });
});

describe('quiet hours', () => {
  const quiet = { quietHours: { start: '21:00', end: '08:00' }, timezone: 'Europe/Stockholm' };

  it('hold a message due at night until the morning, on the night clocks go forward', () => {
    // Saturday 28 March 2026, 22:30 CET; clocks go from 02:00 to 03:00 that night.
    const result = run(waitThenMail(quiet, 'PT30M'), {
      events: carts('p', '2026-03-28T21:00:00Z'),
      end: at('2026-03-30T00:00:00Z'),
    });
    expect(path(result, 'p')).toEqual(
      expect.arrayContaining([
        '2026-03-28T21:30:00 held for quiet hours until 2026-03-29 06:00:00Z',
        '2026-03-29T06:00:00 email sent to p@example.com',
      ]),
    );
    expect(result.report.messages.mail).toEqual({ sent: 1, skipped: {}, deferred: 1 });
  });

  it('hold a message due at night until the morning, on the night clocks go back', () => {
    // Saturday 24 October 2026, 23:30 CEST; clocks go from 03:00 back to 02:00 that night.
    const result = run(waitThenMail(quiet, 'PT30M'), {
      events: carts('p', '2026-10-24T21:00:00Z'),
      end: at('2026-10-26T00:00:00Z'),
    });
    // 08:00 CET on Sunday 25 October is 07:00 UTC.
    expect(path(result, 'p')).toContain('2026-10-25T07:00:00 email sent to p@example.com');
  });

  it('use the profile’s own time zone', () => {
    const result = run(waitThenMail(quiet, 'PT30M'), {
      profiles: [profile('ny', { timezone: 'America/New_York' })],
      events: carts('ny', '2026-05-01T21:00:00Z'), // 17:30 in New York: not quiet there
      end: at('2026-05-02T12:00:00Z'),
    });
    expect(path(result, 'ny')).toContain('2026-05-01T21:30:00 email sent to ny@example.com');
  });

  it('leave daytime messages alone', () => {
    const result = run(waitThenMail(quiet, 'PT30M'), {
      events: carts('p', '2026-05-01T10:00:00Z'),
      end: at('2026-05-01T12:00:00Z'),
    });
    expect(result.report.messages.mail).toEqual({ sent: 1, skipped: {}, deferred: 0 });
  });
});

describe('frequency cap', () => {
  it('skips messages over the cap in any window of the given length', () => {
    const j = waitThenMail({ reentry: 'always', frequencyCap: { max: 2, per: 'P1D' } }, 'PT1M');
    const result = run(j, {
      events: carts(
        'p',
        '2026-05-01T08:00:00Z',
        '2026-05-01T12:00:00Z',
        '2026-05-01T20:00:00Z',
        '2026-05-02T08:00:00Z',
        '2026-05-02T09:00:00Z',
      ),
      end: at('2026-05-03T00:00:00Z'),
    });
    const outcomes = path(result, 'p').filter(
      (s) => s.includes('email sent') || s.includes('skipped'),
    );
    expect(outcomes).toEqual([
      '2026-05-01T08:01:00 email sent to p@example.com',
      '2026-05-01T12:01:00 email sent to p@example.com',
      '2026-05-01T20:01:00 message skipped (capped): the frequency cap is reached — 2 messages already sent in the cap window (max 2)',
      // Exactly 24 hours after the first: the first has left the window.
      '2026-05-02T08:01:00 email sent to p@example.com',
      '2026-05-02T09:01:00 message skipped (capped): the frequency cap is reached — 2 messages already sent in the cap window (max 2)',
    ]);
    expect(result.report.skipped).toEqual({ capped: 2 });
    // The cap's facts, for the app to say them in its language.
    expect(result.traces.get('p')?.find((s) => s.type === 'skip')?.values?.facts).toEqual({
      code: 'capped',
      sent: 2,
      max: 2,
      per: 'P1D',
    });
  });
});

describe('ordering at one instant', () => {
  it('applies events before wake-ups: a purchase at the wake-up instant converts first', () => {
    const result = run(waitThenMail({ goal: { event: 'purchase' } }), {
      events: [...carts('p', '2026-05-01T10:00:00Z'), ev('p', 'purchase', '2026-05-01T11:00:00Z')],
      end: at('2026-05-02T00:00:00Z'),
    });
    expect(result.report.messages.mail?.sent).toBe(0);
    expect(result.report.conversions.total).toBe(1);
  });

  it('applies events before wake-ups: an awaited event at the timeout instant wins', () => {
    const j = journey(
      [cartTrigger(), node('paid', 'wait', { mode: 'event', event: 'purchase', timeout: 'PT1H' })],
      chain('start', 'paid'),
    );
    const result = run(j, {
      events: [...carts('p', '2026-05-01T10:00:00Z'), ev('p', 'purchase', '2026-05-01T11:00:00Z')],
    });
    expect(result.report.nodes.paid?.ports).toEqual({ event: 1, timeout: 0 });
  });

  it('completes steps that need no time at the same instant', () => {
    const j = journey(
      [cartTrigger(), node('c', 'condition', { attribute: 'email', op: 'exists' }), email('mail')],
      [edge('start', 'c'), edge('c', 'mail', 'yes')],
    );
    const result = run(j, { events: carts('p', '2026-05-01T10:00:00Z') });
    expect(new Set(path(result, 'p').map((s) => s.slice(0, 19)))).toEqual(
      new Set(['2026-05-01T10:00:00']),
    );
  });

  it('processes wake-ups due at the same instant in the order they were scheduled', () => {
    const j = waitThenMail({ reentry: 'always' });
    const result = run(j, {
      events: [...carts('b', '2026-05-01T10:00:00Z'), ...carts('a', '2026-05-01T10:00:00Z')],
      end: at('2026-05-01T12:00:00Z'),
    });
    expect(result.messages.map((m) => m.profileId)).toEqual(['b', 'a']);
  });
});

describe('the window', () => {
  it('keeps enrollments due after the end active, and counts where they wait', () => {
    const result = run(waitThenMail({}, 'P2D'), {
      events: carts('p', '2026-05-01T10:00:00Z'),
      end: at('2026-05-02T00:00:00Z'),
    });
    expect(result.report.active).toBe(1);
    expect(result.report.waiting).toEqual({ w: 1 });
  });

  it('treats events before the start as history: visible, never triggering', () => {
    const j = journey(
      [
        cartTrigger(),
        node('c', 'condition', { event: 'purchase', op: 'performed', within: 'P30D' }),
        email('mail'),
      ],
      [edge('start', 'c'), edge('c', 'mail', 'yes')],
    );
    const result = run(j, {
      events: [
        ev('p', 'cart', '2026-04-20T10:00:00Z'),
        ev('p', 'purchase', '2026-04-21T10:00:00Z'),
        ev('p', 'cart', '2026-05-01T10:00:00Z'),
      ],
      start: at('2026-05-01T00:00:00Z'),
    });
    expect(result.report.enrollments).toBe(1);
    expect(result.report.messages.mail?.sent).toBe(1);
    expect(result.report.window).toEqual({
      start: '2026-05-01T00:00:00.000Z',
      end: '2026-05-01T10:00:00.000Z',
    });
  });
});
