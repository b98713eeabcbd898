import { describe, expect, it } from 'vitest';
import {
  decideWinner,
  firstDecision,
  type ArmCounts,
  type AutoWinnerRule,
} from '../../../core/forecast/auto-winner';
import { probabilityAbove, probabilityBest } from '../../../core/forecast/statistics';
import {
  ArrivalStream,
  quickDecideWinner,
  simulateTest,
  simulatedDays,
  TestRun,
  WinnerRuleTrial,
  type TestScenario,
} from '../../../core/forecast/winner-rule-trial';

const RULE: AutoWinnerRule = { metric: 'conversion', minPerVariant: 200, confidence: 0.95 };
const VARIANTS = [
  { key: 'A', weight: 45 },
  { key: 'B', weight: 45 },
  { key: 'control', weight: 10 },
];
const scenario = (rates: Record<string, number>, more: Partial<TestScenario> = {}) => ({
  entriesPerDay: 120,
  variants: VARIANTS,
  rates,
  rule: RULE,
  horizonDays: 30,
  attributionDays: 7,
  ...more,
});

describe('the probability that one variant converts better than another', () => {
  it('is Evan Miller’s closed form', () => {
    // The same figures the quadrature is checked against (statistics.test.ts).
    expect(
      probabilityAbove({ converted: 130, entered: 1000 }, { converted: 100, entered: 1000 }),
    ).toBeCloseTo(0.9821651, 6);
    expect(
      probabilityAbove({ converted: 7, entered: 20 }, { converted: 3, entered: 20 }),
    ).toBeCloseTo(0.9205416, 6);
  });

  it('agrees with the probability of being best for two arms, and the two ways add up to 1', () => {
    for (let s = 1; s < 120; s++) {
      const a = { entered: 20 + ((s * 37) % 4000), converted: 0 };
      a.converted = (s * 13) % Math.max(1, Math.floor(a.entered / 3));
      const b = { entered: 20 + ((s * 91) % 4000), converted: 0 };
      b.converted = Math.floor(b.entered * (a.converted / a.entered) * (0.8 + (s % 9) / 20));
      const [, best] = probabilityBest([a, b]);
      expect(probabilityAbove(b, a)).toBeCloseTo(best ?? 0, 4);
      expect(probabilityAbove(b, a) + probabilityAbove(a, b)).toBeCloseTo(1, 9);
    }
  });
});

describe('the winner rule, asked faster', () => {
  it('decides exactly as the rule itself, near the confidence and far from it', () => {
    let decided = 0;
    for (let conv = 15; conv <= 60; conv++) {
      for (const rule of [RULE, { ...RULE, confidence: 0.8 }, { ...RULE, minPerVariant: 150 }]) {
        const arms: ArmCounts[] = [
          { key: 'A', entered: 200, converted: 30 },
          { key: 'B', entered: 210, converted: conv },
          { key: 'C', entered: 190, converted: 28 + (conv % 5) },
          { key: 'control', entered: 50, converted: 40 },
        ];
        const quick = quickDecideWinner(arms, rule);
        expect(quick).toEqual(decideWinner(arms, rule));
        if (quick) decided++;
        expect(quickDecideWinner(arms.slice(0, 2), rule)).toEqual(
          decideWinner(arms.slice(0, 2), rule),
        );
      }
    }
    // Both sides of the line were asked.
    expect(decided).toBeGreaterThan(10);
    expect(decided).toBeLessThan(130);
  });
});

describe('a simulated test', () => {
  it('decides when execution would: the hourly replay of its own arrivals agrees', () => {
    // The replay asks the rule's quadrature every hour: a short, busy test keeps that quick.
    const rule = { ...RULE, minPerVariant: 300 };
    const outcomes = new Set<string>();
    for (const [rates, confidence] of [
      [{ A: 0.1, B: 0.1, control: 0.1 }, 0.99],
      [{ A: 0.1, B: 0.1, control: 0.1 }, 0.95],
      [{ A: 0.1, B: 0.14, control: 0.1 }, 0.95],
    ] as const) {
      const s = scenario(rates, {
        entriesPerDay: 200,
        horizonDays: 10,
        rule: { ...rule, confidence },
      });
      for (let run = 0; run < 3; run++) {
        const assigned: { at: number; key: string }[] = [];
        const converted: { at: number; key: string }[] = [];
        const arrivals = new ArrivalStream(s, run, 0);
        while (arrivals.next()) {
          const key = VARIANTS[arrivals.arm]?.key ?? '';
          assigned.push({ at: arrivals.at, key });
          if (arrivals.convertsAt !== undefined) converted.push({ at: arrivals.convertsAt, key });
        }
        const replayed = firstDecision(
          { assigned, converted },
          VARIANTS.map((v) => v.key),
          s.rule,
        );
        const test = simulateTest(s, run);
        // The same, simulated in small steps.
        const stepped = new TestRun(s, run);
        while (!stepped.finished) stepped.advance(97);
        expect(stepped.result()).toEqual(test);
        expect(test.decision?.variant).toBe(replayed?.variant);
        expect(test.decidedAfterDays).toBe(replayed ? replayed.at / 86_400_000 : undefined);
        outcomes.add(replayed?.variant ?? 'none');
      }
    }
    // Runs that decided for either variant, and runs that did not.
    expect([...outcomes].sort()).toEqual(['A', 'B', 'none']);
  });

  it('brings about the traffic and rates it is given', () => {
    const s = scenario({ A: 0.1, B: 0.3, control: 0.2 }, { rule: { ...RULE, confidence: 0.999 } });
    let entered = 0;
    const byArm = [0, 0, 0];
    const conversions = [0, 0, 0];
    const arrivals = new ArrivalStream({ ...s, horizonDays: 100 }, 0, 0);
    while (arrivals.next()) {
      entered++;
      byArm[arrivals.arm] = (byArm[arrivals.arm] ?? 0) + 1;
      if (arrivals.convertsAt !== undefined)
        conversions[arrivals.arm] = (conversions[arrivals.arm] ?? 0) + 1;
    }
    // 12,000 expected: within four standard deviations of a Poisson count.
    expect(Math.abs(entered - 12_000)).toBeLessThan(4 * Math.sqrt(12_000));
    expect((byArm[2] ?? 0) / entered).toBeCloseTo(0.1, 1);
    expect((conversions[1] ?? 0) / (byArm[1] ?? 1)).toBeCloseTo(0.3, 1);
  });

  it('simulates a busy split over fewer days, to keep within its bound', () => {
    expect(simulatedDays(scenario({}, { entriesPerDay: 10_000 }))).toBe(20);
    expect(simulatedDays(scenario({}))).toBe(30);
  });
});

describe('how often a winner rule picks a wrong winner, by simulation', () => {
  it('calls every decision wrong when the variants convert alike, and peeking makes them common', () => {
    const trial = new WinnerRuleTrial(scenario({ A: 0.1, B: 0.1, control: 0.1 }), 100);
    // Work is counted in arrivals (and looks at the rule): a step ends inside some test.
    expect(trial.advance(60_000)).toBe(true);
    expect(trial.done).toBeGreaterThan(0);
    expect(trial.done).toBeLessThan(100);
    while (trial.advance(5_000));
    expect(trial.done).toBe(100);
    const { check, medianDaysToDecision, days } = trial.result();
    expect(check.best).toBeUndefined();
    expect(check.wrong).toBe(check.decided);
    // Looked at every hour at 95%, the rule picks a winner between equal variants far more often
    // than the 5% a single look would.
    expect(check.wrongRate.low).toBeGreaterThan(0.2);
    expect(medianDaysToDecision).toBeGreaterThan(3);
    expect(days).toBe(30);
  });

  it('rarely picks the worse variant when one converts clearly better', () => {
    const trial = new WinnerRuleTrial(scenario({ A: 0.1, B: 0.2, control: 0.1 }), 100);
    while (trial.advance(10_000));
    const { check } = trial.result();
    expect(check.best).toBe('B');
    expect(check.decided).toBe(100);
    expect(check.wrongRate.rate).toBeLessThan(0.05);
  });

  it('gives the same answer for the same seed, and another for another', () => {
    const s = scenario({ A: 0.1, B: 0.1, control: 0.1 });
    const once = new WinnerRuleTrial(s, 30);
    once.advance(Number.POSITIVE_INFINITY);
    const inSlices = new WinnerRuleTrial(s, 30);
    while (inSlices.advance(333));
    expect(inSlices.result()).toEqual(once.result());
    const other = new WinnerRuleTrial(s, 30, 1);
    other.advance(Number.POSITIVE_INFINITY);
    expect(other.result()).not.toEqual(once.result());
  });
});
