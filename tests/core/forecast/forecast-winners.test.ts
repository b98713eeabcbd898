import { describe, expect, it } from 'vitest';
import { edge, node } from '../build';
import { cohort, forecast, mail, signupJourney, START } from './helpers';

// Variant A's email sells a little better than B's; the split stops testing once it is sure.
const j = signupJourney(
  [
    node('ab', 'split', {
      variants: [
        { key: 'A', weight: 50 },
        { key: 'B', weight: 50 },
      ],
      autoWinner: { metric: 'conversion', minPerVariant: 30, confidence: 0.9 },
    }),
    mail('a', { open: 0.5, convert: 0.3, within: 'PT6H' }),
    mail('b', { open: 0.5, convert: 0.15, within: 'PT6H' }),
  ],
  [edge('start', 'ab'), edge('ab', 'a', 'A'), edge('ab', 'b', 'B')],
  { goal: { event: 'purchase', exit: true, within: 'P1D' } },
);
const data = cohort(600);

describe('a forecast of a split that picks its winner automatically', () => {
  it('decides each run’s winner from that run’s own responses', () => {
    const result = forecast(j, data, 12);
    const runs = result.runs ?? [];
    expect(runs).toHaveLength(12);
    const winners = runs.map((r) => r.report.winners.ab);
    // Every run is sure of a winner in the end, but not at the same hour: each run's people
    // respond in their own way, so the evidence piles up at its own pace.
    for (const w of winners) expect(w).toBeDefined();
    expect(new Set(winners.map((w) => w?.at)).size).toBeGreaterThan(1);
    // Run 0 is the forecast's first run alone, decisions and all.
    const alone = forecast(j, data, 1);
    expect(runs[0]?.report.winners).toEqual(alone.report.winners);
    expect(runs[0]?.report.nodes).toEqual(alone.runs?.[0]?.report.nodes);
  });

  it('sends everyone who arrives after a run’s decision to that run’s winner', () => {
    const result = forecast(j, data, 6);
    for (const run of result.runs ?? []) {
      const decided = run.report.winners.ab;
      if (!decided) throw new Error('every run decides');
      const loser = decided.variant === 'A' ? 'B' : 'A';
      const ports = run.report.nodes.ab?.ports ?? {};
      // One signup a minute from START: those before the decision's hour were split by weight.
      const before = (Date.parse(decided.at) - START) / 60_000;
      expect(ports[loser]).toBeGreaterThan(0);
      expect(ports[loser]).toBeLessThanOrEqual(before);
      expect(ports[decided.variant]).toBeGreaterThanOrEqual(600 - before);
      expect((ports.A ?? 0) + (ports.B ?? 0)).toBe(600);
    }
  });
});
