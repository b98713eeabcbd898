import { CONTROL } from './auto-winner';
import { sampleSizePerArm, wilsonInterval, type Proportion } from './statistics';

/** What an A/B test is planned from: the forecast's traffic and rates, and what to detect. */
export interface TestPlanInput {
  /** The baseline's conversion rate (the control's, or the first variant's), 0–1. */
  baselineRate: number;
  /** The smallest change worth detecting, relative: 0.2 for a 20% lift (10% → 12%). */
  minimumDetectableEffect: number;
  /** Significance level, two-sided; 0.05 by default. */
  alpha?: number;
  /** The chance of detecting the change when it is there; 0.8 by default. */
  power?: number;
  /** Profiles reaching the split per day. */
  entriesPerDay: number;
  /** The split's variants with their weights. */
  variants: readonly { key: string; weight: number }[];
  /** Days after the last assignment before its conversions are all counted (the goal's window). */
  attributionDays?: number;
  /** How many days the test can run: the journey's horizon (the simulation window). */
  horizonDays: number;
}

/** How big and how long an A/B test must be. */
export interface TestPlan {
  /** The rate the test must be able to tell from the baseline's. */
  targetRate: number;
  /** Profiles needed in each variant. */
  perArm: number;
  /** The variant that fills up last: the one with the smallest share. */
  slowest: string;
  /** Whole days until every variant has `perArm` profiles. */
  collectDays: number;
  /** Until the test can conclude: collecting, then the attribution window. */
  days: number;
  /** Whether that fits in the horizon. */
  withinHorizon: boolean;
  /** Said when it does not fit (or can never conclude). */
  warning?: { code: 'test-beyond-horizon'; message: string };
}

const percent = (rate: number) => `${Math.round(rate * 1000) / 10}%`;
const whole = (n: number) => n.toLocaleString('en');

/**
 * Plans an A/B test: people per variant for a minimum detectable effect at a level and power
 * (`sampleSizePerArm`, the two-proportion formula), the days until every variant has them at
 * the split's traffic and weights plus the attribution window, and a warning when that is
 * beyond the horizon.
 *
 * @example
 * planTest({ baselineRate: 0.1, minimumDetectableEffect: 0.2, entriesPerDay: 500,
 *            variants: [{ key: 'A', weight: 45 }, { key: 'B', weight: 45 }, { key: 'control', weight: 10 }],
 *            attributionDays: 7, horizonDays: 30 });
 * // { perArm: 3841, slowest: 'control', collectDays: 77, days: 84, withinHorizon: false, warning: … }
 */
export function planTest(input: TestPlanInput): TestPlan {
  const alpha = input.alpha ?? 0.05;
  const power = input.power ?? 0.8;
  const targetRate = Math.min(1, input.baselineRate * (1 + input.minimumDetectableEffect));
  const perArm = sampleSizePerArm(input.baselineRate, targetRate, alpha, power);
  const total = input.variants.reduce((sum, v) => sum + Math.max(0, v.weight), 0);
  const arms = input.variants.filter((v) => v.weight > 0);
  const slowestArm = arms.reduce<(typeof arms)[number] | undefined>(
    (min, v) => (min === undefined || v.weight < min.weight ? v : min),
    undefined,
  );
  const perDay = slowestArm && total > 0 ? (input.entriesPerDay * slowestArm.weight) / total : 0;
  const collectDays = perDay > 0 ? Math.ceil(perArm / perDay) : Number.POSITIVE_INFINITY;
  const attribution = input.attributionDays ?? 0;
  const days = collectDays + attribution;
  const withinHorizon = days <= input.horizonDays;
  const plan: TestPlan = {
    targetRate,
    perArm,
    slowest: slowestArm?.key ?? '',
    collectDays,
    days,
    withinHorizon,
  };
  if (withinHorizon) return plan;
  const change = `from ${percent(input.baselineRate)} to ${percent(targetRate)}`;
  const message = Number.isFinite(days)
    ? `To tell a change ${change}, the test needs ${whole(perArm)} profiles in each variant. At ${whole(Math.round(input.entriesPerDay))} a day, with ${percent(slowestArm ? slowestArm.weight / total : 0)} to ${slowestArm?.key === CONTROL ? 'the control' : `“${slowestArm?.key ?? ''}”`}, that takes ${whole(collectDays)} days${attribution ? `, and ${whole(attribution)} more for their conversions to count` : ''}: ${whole(days)} days, longer than the ${whole(input.horizonDays)} days the journey runs. Test a larger change, give the smallest variant a larger share, or run longer.`
    : `To tell a change ${change}, the test needs more profiles than reach the split: nobody arrives, or the change is zero.`;
  return { ...plan, warning: { code: 'test-beyond-horizon', message } };
}

/** Profiles reaching a split per day, from a simulation's arrivals and window. */
export function entriesPerDay(entered: number, window: { start: string; end: string }): number {
  const days = (Date.parse(window.end) - Date.parse(window.start)) / 86_400_000;
  return days > 0 ? entered / days : 0;
}

/** One run of a forecast, as the winner rule saw it. */
export interface RunOfTest {
  /** The variant the rule picked in this run, if it picked one. */
  decision?: { variant: string };
  /** This run's assignments and conversions per variant. */
  variants: Readonly<Record<string, { entered: number; converted: number }>>;
}

/** How often a winner rule picks a wrong winner, over the runs of a forecast. */
export interface WinnerRuleCheck {
  runs: number;
  /** Runs in which the rule picked a winner. */
  decided: number;
  /** Runs in which it picked one that is not the best — or, when no variant is best, any. */
  wrong: number;
  /** `wrong` of `runs`, with its 95% interval. */
  wrongRate: Proportion;
  /** The best variant over all runs (pooled rates), or undefined when the best are equal. */
  best: string | undefined;
}

/**
 * Checks a winner rule by simulation (peeking included: each run's decision was made as it
 * went): the best variant is the one with the highest conversion rate over all runs together,
 * among the variants other than the control; a decision for any other is wrong. Where the best
 * rates are equal — or `equalRates` says the assumptions make them so — every decision is wrong.
 * Where the assumptions say which variant is best (`best`), that one is.
 */
export function wrongWinnerRate(
  runs: readonly RunOfTest[],
  options: { equalRates?: boolean; best?: string } = {},
): WinnerRuleCheck {
  const pooled = new Map<string, { entered: number; converted: number }>();
  for (const run of runs) {
    for (const [key, v] of Object.entries(run.variants)) {
      if (key === CONTROL) continue;
      const sum = pooled.get(key) ?? { entered: 0, converted: 0 };
      sum.entered += v.entered;
      sum.converted += v.converted;
      pooled.set(key, sum);
    }
  }
  const rates = [...pooled].map(([key, v]) => ({
    key,
    rate: v.entered > 0 ? v.converted / v.entered : 0,
  }));
  rates.sort((a, b) => b.rate - a.rate);
  const [first, second] = rates;
  const tie =
    options.equalRates === true || !first || (second !== undefined && second.rate === first.rate);
  const best = options.equalRates ? undefined : (options.best ?? (tie ? undefined : first.key));
  let decided = 0;
  let wrong = 0;
  for (const run of runs) {
    if (!run.decision) continue;
    decided++;
    if (run.decision.variant !== best) wrong++;
  }
  return { runs: runs.length, decided, wrong, wrongRate: wilsonInterval(wrong, runs.length), best };
}
