import { describe, expect, it } from 'vitest';
import type { Journey } from '../../../core/model/journey';
import { simulatePortfolio } from '../../../core/simulator/portfolio';
import { SimulationInputError, simulate } from '../../../core/simulator/simulate';
import { chain } from '../build';
import { at, email, ev, journey, node, profile } from './helpers';

function mailer(id: string, event: string): Journey {
  return journey(
    [node('start', 'trigger', { on: 'event', event }), email('mail', `${id} news`)],
    chain('start', 'mail'),
    { reentry: 'always' },
    id,
  );
}

const alpha = mailer('alpha', 'ping');
const bravo = mailer('bravo', 'pong');
const charlie = mailer('charlie', 'pang');
// Three whole UTC days: 3, 4 and 5 March (the end instant is the 5th's last millisecond).
const WINDOW = { start: at('2025-03-03T00:00:00Z'), end: at('2025-03-06T00:00:00Z') - 1 };

describe('a portfolio of journeys on one cohort', () => {
  const events = [
    // ann: alpha and bravo on the 3rd (a collision), alpha twice on the 4th.
    ev('ann', 'ping', '2025-03-03T09:00:00Z'),
    ev('ann', 'pong', '2025-03-03T10:00:00Z'),
    ev('ann', 'ping', '2025-03-04T09:00:00Z'),
    ev('ann', 'ping', '2025-03-04T11:00:00Z'),
    // bob, in New York: 02:00 UTC on the 4th is still the 3rd there, with charlie's at 23:00 UTC.
    ev('bob', 'pong', '2025-03-04T02:00:00Z'),
    ev('bob', 'pang', '2025-03-03T23:00:00Z'),
    // cat: alpha, bravo and charlie on the 5th.
    ev('cat', 'ping', '2025-03-05T08:00:00Z'),
    ev('cat', 'pong', '2025-03-05T09:00:00Z'),
    ev('cat', 'pang', '2025-03-05T10:00:00Z'),
  ];
  const profiles = [
    profile('ann'),
    profile('bob', { timezone: 'America/New_York' }),
    profile('cat'),
    profile('dan'),
  ];
  const { report } = simulatePortfolio({
    journeys: [charlie, alpha, bravo],
    profiles,
    events,
    ...WINDOW,
  });

  it('has every journey’s own report, as the journey alone would give it without a policy', () => {
    expect(Object.keys(report.journeys)).toEqual(['alpha', 'bravo', 'charlie']);
    for (const j of [alpha, bravo, charlie]) {
      const alone = simulate({ journey: j, profiles, events, ...WINDOW }).report;
      expect(report.journeys[j.id]).toEqual(alone);
    }
    expect(report.profiles).toBe(4);
    expect(report.policy).toEqual({});
  });

  it('counts messages per person per local day, every day of the window included', () => {
    // The window touches 3 local days in UTC and 4 in New York (from 19:00 on the 2nd to 18:59
    // on the 5th): 3 + 4 + 3 + 3 = 13 person-days. ann: 2, 2, 0; bob: 0, 2 on the 3rd, 0, 0;
    // cat: 0, 0, 3; dan: nothing.
    expect(report.portfolio.messagesPerProfilePerDay).toEqual({ '0': 9, '1': 0, '2+': 4 });
    expect(report.portfolio.byCount).toEqual({ '0': 9, '2': 3, '3': 1 });
    expect(report.portfolio.profileDays).toBe(13);
    expect(report.portfolio.most).toBe(3);
    expect(report.portfolio.mean).toBe(Math.round((9 / 13) * 1e4) / 1e4);
  });

  it('counts collisions: people two journeys reached on the same local day', () => {
    expect(report.portfolio.collisions).toEqual([
      { journeys: ['alpha', 'bravo'], profiles: 2 },
      { journeys: ['bravo', 'charlie'], profiles: 2 },
      { journeys: ['alpha', 'charlie'], profiles: 1 },
    ]);
  });

  it('says who lost to the policy, and to whom', () => {
    const under = simulatePortfolio({
      journeys: [charlie, alpha, bravo],
      profiles,
      events,
      ...WINDOW,
      policy: { email: { max: 1, per: 'P1D' } },
    }).report;
    // ann: bravo loses to alpha on the 3rd, alpha to alpha on the 4th; bob: bravo to charlie;
    // cat: bravo and charlie to alpha.
    expect(under.portfolio.policy).toEqual({
      held: 5,
      lost: [
        { journey: 'bravo', to: 'alpha', messages: 2, profiles: 2 },
        { journey: 'alpha', to: 'alpha', messages: 1, profiles: 1 },
        { journey: 'bravo', to: 'charlie', messages: 1, profiles: 1 },
        { journey: 'charlie', to: 'alpha', messages: 1, profiles: 1 },
      ],
    });
    expect(under.portfolio.messagesPerProfilePerDay).toEqual({ '0': 9, '1': 4, '2+': 0 });
    expect(under.portfolio.collisions).toEqual([]);
    expect(under.journeys.bravo?.skipped).toEqual({ policy: 3 });
  });
});

describe('a portfolio it cannot simulate', () => {
  it('is refused in plain words', () => {
    expect(() => simulatePortfolio({ journeys: [alpha, alpha], ...WINDOW })).toThrow(
      new SimulationInputError(
        'Two of the journeys have the id "alpha"; give each journey its own id.',
        { problem: 'duplicate-journey-id', journeyId: 'alpha' },
      ),
    );
    const tested = journey(
      [
        node('start', 'trigger', { on: 'event', event: 'ping' }),
        node('ab', 'split', {
          variants: [
            { key: 'a', weight: 50 },
            { key: 'b', weight: 50 },
          ],
          autoWinner: { metric: 'conversion', minPerVariant: 10 },
        }),
      ],
      chain('start', 'ab'),
      { goal: { event: 'purchase' } },
      'tested',
    );
    expect(() => simulatePortfolio({ journeys: [alpha, tested], ...WINDOW })).toThrow(
      /picks the winner of an A\/B split automatically \(ab\)/,
    );
  });
});
