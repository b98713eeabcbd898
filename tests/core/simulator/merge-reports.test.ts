import { describe, expect, it } from 'vitest';
import { mergeReports } from '../../../core/simulator/merge-reports';
import { simulate } from '../../../core/simulator/simulate';
import { edge } from '../build';
import { at, cartTrigger, email, ev, journey, node, profile } from './helpers';

describe('merging reports of disjoint cohorts', () => {
  it('adds up to the report of the whole cohort', () => {
    const j = journey(
      [
        cartTrigger(),
        node('ab', 'split', {
          variants: [
            { key: 'A', weight: 50 },
            { key: 'B', weight: 50 },
          ],
        }),
        email('a'),
        node('w', 'wait', { mode: 'duration', duration: 'P2D' }),
      ],
      [edge('start', 'ab'), edge('ab', 'a', 'A'), edge('ab', 'w', 'B')],
      { goal: { event: 'purchase', within: 'P7D' }, quietHours: { start: '21:00', end: '08:00' } },
    );
    const ids = Array.from({ length: 60 }, (_, i) => `p${i}`);
    const events = ids.flatMap((id, i) => [
      ev(id, 'cart', `2026-05-0${1 + (i % 3)}T${i % 2 ? '22' : '10'}:00:00Z`),
      ...(i % 4 === 0 ? [ev(id, 'purchase', '2026-05-05T12:00:00Z')] : []),
    ]);
    const profiles = ids.map((id) => profile(id, i(id) % 7 === 0 ? { unsubscribed: true } : {}));
    function i(id: string) {
      return Number(id.slice(1));
    }
    const window = { start: at('2026-05-01T00:00:00Z'), end: at('2026-05-10T00:00:00Z') };
    const whole = simulate({ journey: j, profiles, events, ...window }).report;
    const part = (keep: (id: string) => boolean) =>
      simulate({
        journey: j,
        profiles: profiles.filter((p) => keep(p.id)),
        events: events.filter((e) => keep(e.profileId)),
        ...window,
      }).report;
    const merged = mergeReports([
      part((id) => i(id) % 3 === 0),
      part((id) => i(id) % 3 === 1),
      part((id) => i(id) % 3 === 2),
    ]);
    const { samples: _a, ...mergedRest } = merged;
    const { samples: _b, ...wholeRest } = whole;
    expect(mergedRest).toEqual(wholeRest);
    expect(whole.deferred).toBeGreaterThan(0);
    expect(whole.skipped.unsubscribed).toBeGreaterThan(0);
  });
});
