import { describe, expect, it } from 'vitest';
import type { StepRecord } from '../../../core/runtime/ports';
import { simulatePortfolio } from '../../../core/simulator/portfolio';
import { generateEvents, generateProfiles } from '../../../core/simulator/sample-data';
import { STARTERS } from '../../../core/templates/starters';

const START = Date.parse('2025-03-03T00:00:00Z');
const H = 3_600_000;

describe('the seven starters together on generated personas', () => {
  const profiles = generateProfiles({ count: 100, seed: 4, asOf: START });
  const events = generateEvents(profiles, { seed: 4, start: START, days: 30 });
  const journeys = STARTERS.map((s) => s.journey);

  function run(policy?: { email: { max: number; per: string } }) {
    const sent = new Map<string, { at: number; journey: string }[]>();
    const record = (r: StepRecord) => {
      if (r.type !== 'message') return;
      const list = sent.get(r.profileId) ?? [];
      list.push({ at: r.at, journey: r.journeyId });
      sent.set(r.profileId, list);
    };
    const { report } = simulatePortfolio({
      journeys,
      profiles,
      events,
      start: START,
      end: START + 30 * 24 * H,
      policy,
      observers: [{ record }],
    });
    return { report, sent };
  }

  it(
    'never sends one person two emails less than 16 hours apart under a 16-hour policy',
    {
      timeout: 60_000,
    },
    () => {
      const before = run();
      const gaps = (sent: typeof before.sent) =>
        [...sent.values()].flatMap((list) => list.slice(1).map((m, i) => m.at - list[i]!.at));
      // Without a policy, the journeys do send some people two emails within hours.
      expect(gaps(before.sent).some((gap) => gap < 16 * H)).toBe(true);
      const after = run({ email: { max: 1, per: 'PT16H' } });
      expect(Math.min(...gaps(after.sent))).toBeGreaterThanOrEqual(16 * H);
      expect(after.report.portfolio.policy.held).toBeGreaterThan(0);
    },
  );
});
