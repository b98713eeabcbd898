import { describe, expect, it } from 'vitest';
import { entriesPerDay, planTest, wrongWinnerRate } from '../../../core/forecast/planner';

const VARIANTS = [
  { key: 'A', weight: 45 },
  { key: 'B', weight: 45 },
  { key: 'control', weight: 10 },
];

describe('the A/B planner', () => {
  it('sizes a test by hand: 10% → 12% at α 5% and power 80% needs 3,841 a variant', () => {
    // z(0.975) = 1.959964, z(0.8) = 0.841621; p̄ = 0.11:
    // (1.959964·√(2·0.11·0.89) + 0.841621·√(0.1·0.9 + 0.12·0.88))² / 0.02² = 3840.9 → 3841.
    const plan = planTest({
      baselineRate: 0.1,
      minimumDetectableEffect: 0.2,
      entriesPerDay: 500,
      variants: VARIANTS,
      attributionDays: 7,
      horizonDays: 120,
    });
    expect(plan.targetRate).toBeCloseTo(0.12, 12);
    expect(plan.perArm).toBe(3841);
    // The control gets 10% of 500 a day: 3841 / 50 = 76.8 → 77 days, then 7 for conversions.
    expect(plan).toMatchObject({
      slowest: 'control',
      collectDays: 77,
      days: 84,
      withinHorizon: true,
    });
    expect(plan.warning).toBeUndefined();
  });

  it('warns when the test cannot conclude within the journey’s horizon', () => {
    const plan = planTest({
      baselineRate: 0.1,
      minimumDetectableEffect: 0.2,
      entriesPerDay: 500,
      variants: VARIANTS,
      attributionDays: 7,
      horizonDays: 30,
    });
    expect(plan.withinHorizon).toBe(false);
    expect(plan.warning).toEqual({
      code: 'test-beyond-horizon',
      message:
        'To tell a change from 10% to 12%, the test needs 3,841 profiles in each variant. At 500 a day, with 10% to the control, that takes 77 days, and 7 more for their conversions to count: 84 days, longer than the 30 days the journey runs. Test a larger change, give the smallest variant a larger share, or run longer.',
    });
  });

  it('follows the level and power asked for, and says when nothing can conclude', () => {
    // Power 90%: z(0.9) = 1.281552 → (0.867270 + 1.281552·0.442267)² / 0.0004 = 5142.
    const stricter = planTest({
      baselineRate: 0.1,
      minimumDetectableEffect: 0.2,
      power: 0.9,
      entriesPerDay: 1000,
      variants: [
        { key: 'A', weight: 50 },
        { key: 'B', weight: 50 },
      ],
      horizonDays: 30,
    });
    expect(stricter.perArm).toBe(5142);
    // 500 a day each: 10.3 → 11 days.
    expect(stricter).toMatchObject({
      slowest: 'A',
      collectDays: 11,
      days: 11,
      withinHorizon: true,
    });
    const nobody = planTest({
      baselineRate: 0.1,
      minimumDetectableEffect: 0.2,
      entriesPerDay: 0,
      variants: VARIANTS,
      horizonDays: 30,
    });
    expect(nobody.days).toBe(Number.POSITIVE_INFINITY);
    expect(nobody.warning?.message).toMatch(/more profiles than reach the split/);
  });

  it('reads entries per day from a simulation', () => {
    expect(
      entriesPerDay(1400, { start: '2026-05-01T00:00:00.000Z', end: '2026-05-08T00:00:00.000Z' }),
    ).toBe(200);
  });
});

describe('how often a winner rule picks a wrong winner', () => {
  // Ten runs: A converts 12% and B 10% over all of them; the rule picked A three times, B twice.
  const runs = Array.from({ length: 10 }, (_, i) => ({
    ...(i < 3 && { decision: { variant: 'A' } }),
    ...(i >= 3 && i < 5 && { decision: { variant: 'B' } }),
    variants: {
      A: { entered: 100, converted: 12 },
      B: { entered: 100, converted: i % 2 ? 11 : 9 },
      control: { entered: 50, converted: 40 },
    },
  }));

  it('counts the runs whose decision is not the best variant over all runs', () => {
    const check = wrongWinnerRate(runs);
    // Pooled: A 120/1000, B 100/1000 (the control is no contender): B's two decisions are wrong.
    expect(check).toMatchObject({ runs: 10, decided: 5, wrong: 2, best: 'A' });
    expect(check.wrongRate.rate).toBe(0.2);
    expect(check.wrongRate.low).toBeGreaterThan(0);
  });

  it('counts every decision as wrong when the variants are equal', () => {
    const check = wrongWinnerRate(runs, { equalRates: true });
    expect(check).toMatchObject({ decided: 5, wrong: 5, best: undefined });
    const even = wrongWinnerRate([
      {
        decision: { variant: 'A' },
        variants: { A: { entered: 10, converted: 1 }, B: { entered: 10, converted: 1 } },
      },
      { variants: { A: { entered: 10, converted: 1 }, B: { entered: 10, converted: 1 } } },
    ]);
    expect(even).toMatchObject({ decided: 1, wrong: 1, best: undefined });
  });
});
