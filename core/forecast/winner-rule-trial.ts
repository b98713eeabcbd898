import { pickVariant } from '../nodes/split.node';
import { CONTROL, HOUR, decideWinner, type ArmCounts, type AutoWinnerRule } from './auto-winner';
import { MessageDraws, responseDelay } from './draws';
import { wrongWinnerRate, type RunOfTest, type WinnerRuleCheck } from './planner';
import { nearestRank, probabilityAbove } from './statistics';

const DAY = 86_400_000;

/** A test as an automatic winner rule meets it: traffic, shares and each variant's true rate. */
export interface TestScenario {
  /** Profiles reaching the split per day (arrivals are a Poisson process at this rate). */
  entriesPerDay: number;
  variants: readonly { key: string; weight: number }[];
  /** Each variant's chance of converting within `attributionDays` of its assignment, 0–1. */
  rates: Readonly<Record<string, number>>;
  rule: AutoWinnerRule;
  /** How long the test runs: no decision is made after it. */
  horizonDays: number;
  /** The window after an assignment in which its conversion happens (the goal's window). */
  attributionDays: number;
}

/** Arrivals simulated per test at most; a busier scenario is simulated over fewer days. */
export const MAX_ENTRIES_PER_TEST = 200_000;

/**
 * Room left for the quadrature of `probabilityBest` (within 2e-5 of the closed form): a variant
 * this close to the confidence is handed to the rule itself.
 */
const MARGIN = 1e-3;

/**
 * `decideWinner`, answering the same, faster: a variant's probability of being best is at most its
 * probability of beating each other variant (`probabilityAbove`, a closed form), so where no
 * variant beats every other with the rule's confidence nothing is decided, without the quadrature.
 * Only where one might is the rule itself asked.
 */
export function quickDecideWinner(
  arms: readonly ArmCounts[],
  rule: AutoWinnerRule,
): { variant: string; probability: number } | undefined {
  const contenders = arms.filter((a) => a.key !== CONTROL);
  if (contenders.length < 2 || contenders.some((a) => a.entered < rule.minPerVariant))
    return undefined;
  const needed = rule.confidence - MARGIN;
  // P(j beats i) is 1 − P(i beats j): each pair once.
  const above = new Map<number, number>();
  const beats = (i: number, j: number): number => {
    const pair = i < j ? i * contenders.length + j : j * contenders.length + i;
    let p = above.get(pair);
    if (p === undefined) {
      const [low, high] = i < j ? [i, j] : [j, i];
      p = probabilityAbove(contenders[low] as ArmCounts, contenders[high] as ArmCounts);
      above.set(pair, p);
    }
    return i < j ? p : 1 - p;
  };
  const possible = contenders.some((_, i) =>
    contenders.every((__, j) => i === j || beats(i, j) >= needed),
  );
  return possible ? decideWinner(arms, rule) : undefined;
}

/** The days a scenario is simulated over: its horizon, or fewer for `MAX_ENTRIES_PER_TEST`. */
export function simulatedDays(scenario: TestScenario): number {
  if (!(scenario.entriesPerDay > 0)) return scenario.horizonDays;
  return Math.min(scenario.horizonDays, MAX_ENTRIES_PER_TEST / scenario.entriesPerDay);
}

/** One simulated test: its decision (if any) and its counts per variant until then. */
export interface SimulatedTest extends RunOfTest {
  /** Days from the test's start to the decision. */
  decidedAfterDays?: number;
}

/** One arrival at the split: when, into which variant (its index), and when it converts. */
export type Arrival = (at: number, arm: number, convertsAt: number | undefined) => boolean;

/**
 * Draws one run of a test, arrival by arrival, until `visit` answers true or the simulated days
 * end: people arrive at the split (a Poisson process), are drawn into a variant by weight, and
 * convert at their variant's rate a while after (the forecast's response delay within the
 * attribution window). Draws are keyed by seed and run, as a forecast's are.
 */
export function drawArrivals(
  scenario: TestScenario,
  run: number,
  seed: number,
  visit: Arrival,
): void {
  const draws = new MessageDraws();
  draws.set(seed, 'winner-rule-trial', run);
  const keys = scenario.variants.map((v) => v.key);
  const weights = scenario.variants.filter((v) => v.weight > 0);
  const rates = keys.map((key) => scenario.rates[key] ?? 0);
  const position = new Map(keys.map((key, i) => [key, i]));
  const perMs = scenario.entriesPerDay / DAY;
  const end = simulatedDays(scenario) * DAY;
  const window = scenario.attributionDays * DAY;
  let at = 0;
  for (let i = 0; perMs > 0 && weights.length > 0 && i < MAX_ENTRIES_PER_TEST; i++) {
    at += -Math.log(1 - draws.uniform(4 * i)) / perMs;
    if (at >= end) return;
    const arm = position.get(pickVariant(weights, draws.uniform(4 * i + 1))) ?? 0;
    const converts = draws.uniform(4 * i + 2) < (rates[arm] ?? 0);
    const convertsAt = converts ? at + responseDelay(window, draws.uniform(4 * i + 3)) : undefined;
    if (visit(at, arm, convertsAt)) return;
  }
}

/**
 * Simulates one run of a test (`drawArrivals`) with the rule looked at as execution looks at it,
 * and as `firstDecision` replays it: at the first arrival in each whole hour H, on the
 * assignments and conversions before H — so peeking is included. It stops at the decision.
 */
export function simulateTest(scenario: TestScenario, run: number, seed = 0): SimulatedTest {
  const keys = scenario.variants.map((v) => v.key);
  const arms = keys.length;
  const entered = new Array<number>(arms).fill(0);
  const converted = new Array<number>(arms).fill(0);
  // Conversions by the hour they happen in, and how many of those hours the rule has seen.
  const hours = Math.ceil((simulatedDays(scenario) * DAY) / HOUR);
  const byHour = new Uint32Array(hours * arms);
  const seen = new Array<number>(arms).fill(0);
  let counted = 0;
  let checked = -1;
  let decision: SimulatedTest['decision'];
  let decidedAfterDays: number | undefined;
  drawArrivals(scenario, run, seed, (at, arm, convertsAt) => {
    const hour = Math.floor(at / HOUR);
    if (hour !== checked) {
      checked = hour;
      for (; counted < hour; counted++)
        for (let a = 0; a < arms; a++) seen[a] = (seen[a] ?? 0) + (byHour[counted * arms + a] ?? 0);
      // Everyone drawn so far arrived before this hour: this is the hour's first arrival.
      const decided = quickDecideWinner(
        keys.map((key, a) => ({ key, entered: entered[a] ?? 0, converted: seen[a] ?? 0 })),
        scenario.rule,
      );
      if (decided) {
        decision = { variant: decided.variant };
        decidedAfterDays = (hour * HOUR) / DAY;
        return true;
      }
    }
    entered[arm] = (entered[arm] ?? 0) + 1;
    if (convertsAt !== undefined) {
      converted[arm] = (converted[arm] ?? 0) + 1;
      const when = Math.floor(convertsAt / HOUR);
      if (when < hours) byHour[when * arms + arm] = (byHour[when * arms + arm] ?? 0) + 1;
    }
    return false;
  });
  return {
    ...(decision && { decision, decidedAfterDays }),
    variants: Object.fromEntries(
      keys.map((key, i) => [key, { entered: entered[i] ?? 0, converted: converted[i] ?? 0 }]),
    ),
  };
}

/** What a trial of a winner rule found. */
export interface WinnerRuleFindings {
  check: WinnerRuleCheck;
  /** The median of the days to a decision, over the tests that decided. */
  medianDaysToDecision?: number;
  /** The days simulated (the horizon, unless the traffic was too large to simulate it all). */
  days: number;
}

/**
 * Checks a winner rule by simulation: `runs` simulated tests of one scenario, simulated a few at
 * a time (`advance`), so a screen can show progress and stay responsive. The best variant is the
 * one the scenario gives the highest rate; where two or more share it, every decision is wrong.
 */
export class WinnerRuleTrial {
  private readonly tests: SimulatedTest[] = [];

  constructor(
    readonly scenario: TestScenario,
    readonly runs: number,
    private readonly seed = 0,
  ) {}

  /** Tests simulated so far. */
  get done(): number {
    return this.tests.length;
  }

  /** Simulates up to `count` more tests; true while some remain. */
  advance(count: number): boolean {
    const until = Math.min(this.runs, this.tests.length + Math.max(0, count));
    while (this.tests.length < until)
      this.tests.push(simulateTest(this.scenario, this.tests.length, this.seed));
    return this.tests.length < this.runs;
  }

  result(): WinnerRuleFindings {
    const rates = this.scenario.variants
      .filter((v) => v.key !== CONTROL)
      .map((v) => ({ key: v.key, rate: this.scenario.rates[v.key] ?? 0 }))
      .sort((a, b) => b.rate - a.rate);
    const [first, second] = rates;
    const equalRates = !first || (second !== undefined && second.rate === first.rate);
    const days = this.tests
      .flatMap((t) => (t.decidedAfterDays === undefined ? [] : [t.decidedAfterDays]))
      .sort((a, b) => a - b);
    return {
      check: wrongWinnerRate(this.tests, { equalRates, best: first?.key }),
      ...(days.length > 0 && { medianDaysToDecision: nearestRank(days, 50) }),
      days: simulatedDays(this.scenario),
    };
  }
}
