import { describe, expect, it } from 'vitest';
import { resolveAssumptions, type Assumption } from '../../../core/forecast/assumptions';
import {
  forecastSensitivity,
  sensitivitySwings,
  sensitivityVariations,
} from '../../../core/forecast/sensitivity';
import { chain, edge, node } from '../build';
import { cohort, DAY, mail, meanTolerance, signupJourney, START } from './helpers';

// Each rate is lowered and raised by half with the draws kept: conversions at a rate r are the
// people whose draw is below r, so the answers follow from the binomial law.

describe('the assumption sets of a sensitivity analysis', () => {
  const assumptions: Assumption[] = [
    { node: 'm1', outcome: 'open', rate: 0.8, within: 'P3D', source: 'node' },
    { node: 'm1', outcome: 'convert', rate: 0, within: 'P3D', source: 'node' },
    { node: 'm1', outcome: 'click', rate: 0.04, within: 'P3D', source: 'journey' },
    { outcome: 'fatigue', per: 'P7D', decay: 0.1, source: 'journey' },
  ];

  it('lowers and raises each rate above 0 by the change, capped at 1, and leaves the rest', () => {
    const variations = sensitivityVariations(assumptions, 0.5);
    expect(variations.map((v) => [v.index, v.low.rate, v.high.rate])).toEqual([
      [0, 0.4, 1],
      [2, 0.02, 0.06],
    ]);
    const raisedClick = variations[1]?.high.assumptions;
    expect(raisedClick?.[2]).toEqual({ ...assumptions[2], rate: 0.06 });
    expect(raisedClick?.filter((_, i) => i !== 2)).toEqual(assumptions.filter((_, i) => i !== 2));
    expect(sensitivityVariations(assumptions, 0.25)[0]?.low.rate).toBe(0.6);
  });

  it('refuses a change that is not a share between 0 and 1', () => {
    expect(() => sensitivityVariations(assumptions, 1)).toThrow(/between 0 and 1/);
    expect(() => sensitivityVariations(assumptions, 0)).toThrow(/between 0 and 1/);
  });

  it('sorts the swings largest first, equal swings in the list’s order', () => {
    const variations = sensitivityVariations(assumptions);
    const result = sensitivitySwings(variations, [10, 10, 10, 8, 14], 20);
    expect(result.base).toBe(10);
    expect(result.swings.map((s) => [s.node, s.outcome, s.swing])).toEqual([
      ['m1', 'click', 6],
      ['m1', 'open', 0],
    ]);
    expect(result.swings[0]).toMatchObject({
      low: { rate: 0.02, conversions: 8 },
      high: { rate: 0.06, conversions: 14 },
      source: 'journey',
    });
    expect(() => sensitivitySwings(variations, [10, 10], 20)).toThrow(/expected 5/);
  });
});

describe('what moves conversions', () => {
  const n = 1_000;
  const p = 0.2;
  const runs = 20;
  // m1 reaches everyone; m2 only those who asked for a refund, which nobody in the data did.
  const j = signupJourney(
    [
      mail('m1', { open: 0.5, convert: p, within: 'P1D' }),
      node('wait', 'wait', { mode: 'duration', duration: 'P2D' }),
      node('refunded', 'condition', { event: 'refund', op: 'performed' }),
      mail('m2', { open: 0.5, convert: 0.3, unsubscribe: 0.01, within: 'P1D' }),
    ],
    [...chain('start', 'm1', 'wait', 'refunded'), edge('refunded', 'm2', 'yes')],
  );
  const result = forecastSensitivity(
    { journey: j, ...cohort(n), start: START, end: START + 10 * DAY, seed: 3 },
    resolveAssumptions(j),
    { runs },
  );
  const swing = (nodeId: string, outcome: string) =>
    result.swings.find((s) => s.node === nodeId && s.outcome === outcome);

  it('scales conversions with the one reached message’s conversion rate', () => {
    expect(result.runs).toBe(runs);
    expect(Math.abs(result.base - n * p)).toBeLessThan(meanTolerance(n, p, runs));
    const convert = swing('m1', 'convert');
    expect(convert?.low.rate).toBeCloseTo(p / 2, 12);
    expect(convert?.high.rate).toBeCloseTo(p * 1.5, 12);
    expect(Math.abs((convert?.low.conversions ?? 0) - n * p * 0.5)).toBeLessThan(
      meanTolerance(n, p * 0.5, runs),
    );
    expect(Math.abs((convert?.high.conversions ?? 0) - n * p * 1.5)).toBeLessThan(
      meanTolerance(n, p * 1.5, runs),
    );
    // The same draws: those who convert at the lower rate are among those at the higher one, so
    // the swing is the people whose draw falls between the two, n·p on average.
    expect(Math.abs((convert?.swing ?? 0) - n * p)).toBeLessThan(meanTolerance(n, p, runs));
    expect(result.swings[0]).toBe(convert);
  });

  it('moves nothing with a rate no conversion depends on, or on a message nobody reaches', () => {
    expect(swing('m1', 'open')?.swing).toBe(0);
    for (const outcome of ['open', 'convert', 'unsubscribe'])
      expect(swing('m2', outcome)).toMatchObject({ swing: 0, low: { conversions: result.base } });
    expect(result.swings.map((s) => `${s.node} ${s.outcome}`)).toEqual([
      'm1 convert',
      'm1 open',
      'm2 open',
      'm2 convert',
      'm2 unsubscribe',
    ]);
  });
});
