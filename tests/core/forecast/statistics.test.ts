import { describe, expect, it } from 'vitest';
import {
  differenceInterval,
  fisherExact,
  nearestRank,
  probabilityBest,
  sampleSizePerArm,
  spreadOf,
  wilsonInterval,
  zFor,
} from '../../../core/forecast/statistics';

// Expected values were computed independently: R's fisher.test and scipy.stats.fisher_exact for
// Fisher's test, Evan Miller's closed form (a sum over log-beta terms) for P(B beats A), and the
// two-proportion formula evaluated with Python's statistics.NormalDist for sample sizes.

describe('spreads over runs', () => {
  it('takes percentiles by the nearest-rank method', () => {
    const values = [15, 20, 35, 40, 50];
    expect(nearestRank(values, 30)).toBe(20);
    expect(nearestRank(values, 40)).toBe(20);
    expect(nearestRank(values, 50)).toBe(35);
    expect(nearestRank(values, 100)).toBe(50);
    expect(spreadOf([5, 1, 4, 2, 3, 6, 7, 8, 9, 10])).toEqual({
      mean: 5.5,
      p10: 1,
      p50: 5,
      p90: 9,
    });
  });

  it('gives zeros for no runs', () => {
    expect(spreadOf([])).toEqual({ mean: 0, p10: 0, p50: 0, p90: 0 });
  });
});

describe('intervals', () => {
  it('uses the exact normal quantile', () => {
    expect(zFor(0.95)).toBeCloseTo(1.959964, 6);
  });

  it('keeps the Wilson interval inside [0, 1] for small counts', () => {
    const { rate, low, high } = wilsonInterval(81, 263);
    expect(rate).toBeCloseTo(0.308, 3);
    expect(low).toBeCloseTo(0.2553, 3);
    expect(high).toBeCloseTo(0.3662, 3);
    expect(wilsonInterval(0, 10)).toMatchObject({ rate: 0, low: 0 });
  });

  it('brackets the difference of two rates (Newcombe)', () => {
    // Newcombe (1998), table II example (56/70 vs 48/80): difference 0.2, interval 0.0524–0.3339.
    const d = differenceInterval(56, 70, 48, 80);
    expect(d.rate).toBeCloseTo(0.2, 6);
    expect(d.low).toBeCloseTo(0.0524, 3);
    expect(d.high).toBeCloseTo(0.3339, 3);
  });
});

describe("Fisher's exact test", () => {
  it('matches R and scipy on the textbook table', () => {
    // 8 of 9 vs 2 of 7.
    expect(fisherExact(8, 9, 2, 7)).toBeCloseTo(0.034965, 6);
  });

  it('calls a five-person difference on tiny groups chance', () => {
    expect(fisherExact(5, 10, 0, 8)).toBeGreaterThan(0.03);
    expect(fisherExact(0, 10, 0, 10)).toBe(1);
  });
});

describe('probability of being best', () => {
  it('agrees with the closed form for two arms', () => {
    const [a, b] = probabilityBest([
      { converted: 100, entered: 1000 },
      { converted: 130, entered: 1000 },
    ]);
    expect(b).toBeCloseTo(0.9821651, 5);
    expect((a ?? 0) + (b ?? 0)).toBeCloseTo(1, 6);
  });

  it('agrees on small counts', () => {
    const [, b] = probabilityBest([
      { converted: 3, entered: 20 },
      { converted: 7, entered: 20 },
    ]);
    expect(b).toBeCloseTo(0.9205416, 4);
  });

  it('splits evenly between identical arms, and sums to 1 over three', () => {
    const even = probabilityBest([
      { converted: 10, entered: 100 },
      { converted: 10, entered: 100 },
      { converted: 10, entered: 100 },
    ]);
    for (const p of even) expect(p).toBeCloseTo(1 / 3, 4);
    expect(probabilityBest([{ converted: 0, entered: 0 }])).toEqual([1]);
  });
});

describe('sample size', () => {
  it('matches the two-proportion formula', () => {
    expect(sampleSizePerArm(0.1, 0.12)).toBe(3841);
    expect(sampleSizePerArm(0.03, 0.036)).toBe(13914);
    expect(sampleSizePerArm(0.05, 0.05)).toBe(Number.POSITIVE_INFINITY);
  });
});
