import { describe, expect, it } from 'vitest';
import type { Journey, JourneySettings } from '../../../core/model/journey';
import type { SendingPolicy } from '../../../core/policy/sending-policy';
import type { StepRecord } from '../../../core/runtime/ports';
import { simulatePortfolio } from '../../../core/simulator/portfolio';
import { simulate } from '../../../core/simulator/simulate';
import { chain } from '../build';
import { at, email, ev, journey, node, profile } from './helpers';

const EMAIL_16H: SendingPolicy = { email: { max: 1, per: 'PT16H' } };

/** A journey that emails whoever performs `event`, at once (or after `wait`). */
function mailer(
  id: string,
  event: string,
  settings: JourneySettings = {},
  extra: { wait?: Record<string, unknown>; transactional?: boolean } = {},
): Journey {
  const mail = {
    ...email('mail', `${id} news`).config,
    ...(extra.transactional && { transactional: true }),
  };
  const nodes = [
    node('start', 'trigger', { on: 'event', event }),
    ...(extra.wait ? [node('hold', 'wait', extra.wait)] : []),
    node('mail', 'message', mail),
  ];
  const ids = nodes.map((n) => n.id);
  return journey(nodes, chain(...ids), settings, id);
}

/** What each journey did with its message, per profile, in order: `sent` or `policy:<by>`. */
function outcomes(records: StepRecord[]): string[] {
  return records
    .filter((r) => r.type === 'message' || r.type === 'skip')
    .map((r) =>
      r.type === 'message'
        ? `${r.at} ${r.profileId} ${r.journeyId} sent`
        : r.type === 'skip'
          ? `${r.at} ${r.profileId} ${r.journeyId} ${r.reason}:${r.filledBy ?? ''}`
          : '',
    );
}

function run(
  journeys: Journey[],
  events: ReturnType<typeof ev>[],
  policy: SendingPolicy | undefined,
  window = { start: at('2025-03-03T00:00:00Z'), end: at('2025-03-06T00:00:00Z') },
) {
  const records: StepRecord[] = [];
  const ids = [...new Set(events.map((e) => e.profileId))];
  const result = simulatePortfolio({
    journeys,
    profiles: ids.map((id) => profile(id)),
    events,
    ...window,
    policy,
    observers: [{ record: (r) => records.push(r) }],
  });
  return { result, outcomes: outcomes(records) };
}

describe('the sending policy at its edges', () => {
  const alpha = mailer('alpha', 'ping');
  const bravo = mailer('bravo', 'pong');

  it('lets a message go exactly `per` after the last one, and holds it a millisecond before', () => {
    const t0 = at('2025-03-03T08:00:00Z');
    const { outcomes: seen } = run(
      [alpha, bravo],
      [
        ev('on-time', 'ping', '2025-03-03T08:00:00Z'),
        ev('on-time', 'pong', '2025-03-04T00:00:00Z'),
        ev('early', 'ping', '2025-03-03T08:00:00Z'),
        { ...ev('early', 'pong', '2025-03-04T00:00:00Z'), time: t0 + 16 * 3_600_000 - 1 },
      ],
      EMAIL_16H,
    );
    expect(seen).toEqual([
      `${t0} on-time alpha sent`,
      `${t0 + 16 * 3_600_000} on-time bravo sent`,
      `${t0} early alpha sent`,
      `${t0 + 16 * 3_600_000 - 1} early bravo policy:alpha`,
    ]);
  });

  it('counts the same journey’s earlier messages too, and other channels not at all', () => {
    const sms = journey(
      [
        node('start', 'trigger', { on: 'event', event: 'ping' }),
        node('text', 'message', { channel: 'sms', text: 'Hi' }),
      ],
      chain('start', 'text'),
      {},
      'charlie',
    );
    const { result } = run(
      [alpha, sms],
      [ev('p', 'ping', '2025-03-03T08:00:00Z'), ev('p', 'ping', '2025-03-03T12:00:00Z')].map(
        (e) => e,
      ),
      EMAIL_16H,
    );
    const { journeys } = result.report;
    expect(journeys.alpha?.messages.mail).toEqual({
      sent: 1,
      skipped: { policy: 1 },
      deferred: 0,
    });
    // The profile has no phone: the SMS journey is skipped for that, never for the email policy.
    expect(journeys.charlie?.skipped).toEqual({ no_address: 2 });
  });

  it('names the journey whose message filled a window of two', () => {
    const charlie = mailer('charlie', 'pang');
    const { outcomes: seen } = run(
      [alpha, bravo, charlie],
      [
        ev('p', 'pang', '2025-03-03T08:00:00Z'),
        ev('p', 'ping', '2025-03-03T09:00:00Z'),
        ev('p', 'pong', '2025-03-03T10:00:00Z'),
      ],
      { email: { max: 2, per: 'P1D' } },
    );
    expect(seen.map((s) => s.split(' ').slice(2).join(' '))).toEqual([
      'charlie sent',
      'alpha sent',
      'bravo policy:alpha',
    ]);
  });

  it('sends everything without a policy', () => {
    const { outcomes: seen } = run(
      [alpha, bravo],
      [ev('p', 'ping', '2025-03-03T08:00:00Z'), ev('p', 'pong', '2025-03-03T09:00:00Z')],
      undefined,
    );
    expect(seen.map((s) => s.split(' ').slice(2).join(' '))).toEqual(['alpha sent', 'bravo sent']);
  });
});

describe('messages due at the same instant', () => {
  it('go by priority: the higher one takes the window, whatever the ids', () => {
    const low = mailer('alpha', 'cart', { priority: 40 });
    const high = mailer('bravo', 'cart', { priority: 80 });
    const { outcomes: seen, result } = run(
      [low, high],
      [ev('p', 'cart', '2025-03-03T08:00:00Z')],
      EMAIL_16H,
    );
    expect(seen.map((s) => s.split(' ').slice(2).join(' '))).toEqual([
      'bravo sent',
      'alpha policy:bravo',
    ]);
    expect(result.report.portfolio.policy).toEqual({
      held: 1,
      lost: [{ journey: 'alpha', to: 'bravo', messages: 1, profiles: 1 }],
    });
  });

  it('go by journey id when priorities are equal, in whatever order the journeys were given', () => {
    for (const given of [
      [mailer('bravo', 'cart'), mailer('alpha', 'cart')],
      [mailer('alpha', 'cart'), mailer('bravo', 'cart')],
    ]) {
      const { outcomes: seen } = run(given, [ev('p', 'cart', '2025-03-03T08:00:00Z')], EMAIL_16H);
      expect(seen.map((s) => s.split(' ').slice(2).join(' '))).toEqual([
        'alpha sent',
        'bravo policy:alpha',
      ]);
    }
  });

  it('go by priority when they wake at the same instant, too', () => {
    // Both wait until 09:00; alpha's wake-up is scheduled first, but bravo matters more.
    const until = { mode: 'until', time: '09:00' };
    const alpha = mailer('alpha', 'cart', { priority: 50 }, { wait: until });
    const bravo = mailer('bravo', 'view', { priority: 90 }, { wait: until });
    const { outcomes: seen } = run(
      [alpha, bravo],
      [ev('p', 'cart', '2025-03-03T06:00:00Z'), ev('p', 'view', '2025-03-03T07:00:00Z')],
      EMAIL_16H,
    );
    expect(seen).toEqual([
      `${at('2025-03-03T09:00:00Z')} p bravo sent`,
      `${at('2025-03-03T09:00:00Z')} p alpha policy:bravo`,
    ]);
  });
});

describe('transactional messages', () => {
  it('are never held back, and do not count', () => {
    const receipt = mailer('receipt', 'purchase', { priority: 10 }, { transactional: true });
    const promo = mailer('promo', 'purchase');
    const later = mailer('zebra', 'view');
    const { outcomes: seen } = run(
      [receipt, promo, later],
      [ev('p', 'purchase', '2025-03-03T08:00:00Z'), ev('p', 'view', '2025-03-03T10:00:00Z')],
      EMAIL_16H,
    );
    // promo (priority 50) goes first and fills the window; the receipt goes all the same, and
    // the later view's mail is held by promo's, not by the receipt.
    expect(seen.map((s) => s.split(' ').slice(2).join(' '))).toEqual([
      'promo sent',
      'receipt sent',
      'zebra policy:promo',
    ]);
  });
});

describe('quiet hours and the policy together', () => {
  it('check the policy when the held message is released', () => {
    const quiet = { quietHours: { start: '21:00', end: '08:00' } };
    const night = mailer('alpha', 'cart', quiet);
    const morning = mailer('bravo', 'view');
    const { outcomes: seen, result } = run(
      [night, morning],
      [ev('p', 'cart', '2025-03-03T22:00:00Z'), ev('p', 'view', '2025-03-04T07:00:00Z')],
      EMAIL_16H,
    );
    expect(seen).toEqual([
      `${at('2025-03-04T07:00:00Z')} p bravo sent`,
      `${at('2025-03-04T08:00:00Z')} p alpha policy:bravo`,
    ]);
    expect(result.report.journeys.alpha?.messages.mail).toEqual({
      sent: 0,
      skipped: { policy: 1 },
      deferred: 1,
    });
  });

  it('release two held messages at the end of quiet hours by priority', () => {
    const quiet = { quietHours: { start: '21:00', end: '08:00' } };
    const alpha = mailer('alpha', 'cart', { ...quiet, priority: 50 });
    const bravo = mailer('bravo', 'view', { ...quiet, priority: 60 });
    const { outcomes: seen } = run(
      [alpha, bravo],
      [ev('p', 'cart', '2025-03-03T22:00:00Z'), ev('p', 'view', '2025-03-03T23:00:00Z')],
      EMAIL_16H,
    );
    expect(seen).toEqual([
      `${at('2025-03-04T08:00:00Z')} p bravo sent`,
      `${at('2025-03-04T08:00:00Z')} p alpha policy:bravo`,
    ]);
  });
});

describe('a single journey under the policy', () => {
  it('is held back by its own earlier messages', () => {
    const result = simulate({
      journey: mailer('alpha', 'ping'),
      profiles: [profile('p')],
      events: [ev('p', 'ping', '2025-03-03T08:00:00Z'), ev('p', 'ping', '2025-03-03T20:00:00Z')],
      policy: EMAIL_16H,
      trace: 'all',
    });
    expect(result.report.messages.mail).toEqual({ sent: 1, skipped: { policy: 1 }, deferred: 0 });
    expect(result.traces.get('p')?.find((s) => s.type === 'skip')?.text).toBe(
      'message skipped (policy): the library’s sending policy holds it back — the library sends at most 1 email message per 16 hours to a person, across all journeys; "alpha" sent the one that filled the window',
    );
    // The same as facts, for the app to say in its language.
    expect(result.traces.get('p')?.find((s) => s.type === 'skip')?.values?.facts).toEqual({
      code: 'policy',
      channel: 'email',
      sent: 1,
      max: 1,
      per: 'PT16H',
      filledBy: 'alpha',
    });
  });
});
