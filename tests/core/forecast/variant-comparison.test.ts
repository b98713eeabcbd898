import { describe, expect, it } from 'vitest';
import { compareVariants, ENOUGH_TO_TELL } from '../../../core/forecast/variant-comparison';

/** C(n, k) as a float, by the product formula. */
function choose(n: number, k: number): number {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return c;
}

/**
 * Fisher's two-sided p-value by hand: every table with the same margins, summed where it is no
 * more likely than the observed one. A check of the library's hypergeometric route.
 */
function fisherByHand(a: number, n1: number, b: number, n2: number): number {
  const k = a + b;
  const total = choose(n1 + n2, k);
  const p = (x: number) => (choose(n1, x) * choose(n2, k - x)) / total;
  const observed = p(a);
  let sum = 0;
  for (let x = Math.max(0, k - n2); x <= Math.min(k, n1); x++)
    if (p(x) <= observed * (1 + 1e-7)) sum += p(x);
  return sum;
}

/** The two-proportion z-test the verdicts used before, for contrast. */
function zTestP(a: number, n1: number, b: number, n2: number): number {
  const pooled = (a + b) / (n1 + n2);
  const z = Math.abs(a / n1 - b / n2) / Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  // erfc by Abramowitz–Stegun 7.1.26, enough for a contrast.
  const t = 1 / (1 + 0.3275911 * (z / Math.SQRT2));
  const poly =
    t * (0.2548296 + t * (-0.2844967 + t * (1.4214137 + t * (-1.453152 + t * 1.0614054))));
  return poly * Math.exp(-(z * z) / 2);
}

describe('A/B verdicts (Fisher’s exact test)', () => {
  it('does not call a 5-person difference on small groups unlikely to be chance', () => {
    // 6 of 35 against 1 of 35: the z-test said p < 0.05; the exact p is 0.106.
    expect(zTestP(6, 35, 1, 35)).toBeLessThan(0.05);
    const [a, control] = compareVariants({
      A: { entered: 35, converted: 6 },
      control: { entered: 35, converted: 1 },
    });
    expect(control?.pValue).toBeUndefined();
    expect(a?.pValue).toBeCloseTo(fisherByHand(6, 35, 1, 35), 10);
    expect(a?.pValue).toBeCloseTo(0.106, 4);
    expect(a).toMatchObject({ tooFew: false, significant: false });
    expect(a?.difference).toBeCloseTo(5 / 35, 12);
  });

  it('says too few to tell below 30 per variant or 5 conversions in the test', () => {
    const [small] = compareVariants({
      A: { entered: 20, converted: 5 },
      control: { entered: 20, converted: 0 },
    });
    // Exact p is 0.047 here, yet 20 profiles a side are too few to say so.
    expect(small?.pValue).toBeCloseTo(fisherByHand(5, 20, 0, 20), 10);
    expect(small?.pValue).toBeLessThan(0.05);
    expect(small).toMatchObject({ tooFew: true, significant: false });
    const [rare] = compareVariants({
      A: { entered: 500, converted: 4 },
      control: { entered: 500, converted: 0 },
    });
    expect(4).toBeLessThan(ENOUGH_TO_TELL.conversions);
    expect(rare).toMatchObject({ tooFew: true, significant: false });
  });

  it('shares the 5% among the comparisons of a test with several variants', () => {
    // 45/300 against 28/300: p ≈ 0.043 — under 5%, but not under 5% ÷ 2 comparisons.
    const p = fisherByHand(45, 300, 28, 300);
    expect(p).toBeGreaterThan(0.025);
    expect(p).toBeLessThan(0.05);
    const two = compareVariants({
      A: { entered: 300, converted: 45 },
      control: { entered: 300, converted: 28 },
    });
    expect(two[0]).toMatchObject({ significant: true });
    expect(two[0]?.pValue).toBeCloseTo(p, 10);
    const three = compareVariants({
      A: { entered: 300, converted: 45 },
      B: { entered: 300, converted: 30 },
      control: { entered: 300, converted: 28 },
    });
    expect(three[0]).toMatchObject({ significant: false, tooFew: false });
  });

  it('compares with the first variant when there is no control, and gives the interval of the difference', () => {
    const [a, b] = compareVariants({
      A: { entered: 1000, converted: 100 },
      B: { entered: 1000, converted: 150 },
    });
    expect(a?.difference).toBeUndefined();
    expect(b?.difference).toBeCloseTo(0.05, 12);
    expect(b?.significant).toBe(true);
    expect(b?.differenceInterval?.low).toBeGreaterThan(0);
    expect(b?.differenceInterval?.high).toBeLessThan(0.1);
  });
});
