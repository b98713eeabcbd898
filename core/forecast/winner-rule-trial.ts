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

/**
 * The arrivals of one run of a test, one at a time (`next`): people arrive at the split (a
 * Poisson process), are drawn into a variant by weight, and convert at their variant's rate a
 * while after (the forecast's response delay within the attribution window). The arrival's figures
 * are fields, so none is allocated. Draws are keyed by seed and run, as a forecast's are.
 */
export class ArrivalStream {
  /** The arrival's time (ms from the test's start), variant (its index) and conversion time. */
  at = 0;
  arm = 0;
  convertsAt: number | undefined;
  private readonly draws = new MessageDraws();
  private readonly weights: { key: string; weight: number }[];
  private readonly rates: number[];
  private readonly position: Map<string, number>;
  private readonly perMs: number;
  private readonly end: number;
  private readonly window: number;
  private i = 0;

  constructor(scenario: TestScenario, run: number, seed: number) {
    this.draws.set(seed, 'winner-rule-trial', run);
    const keys = scenario.variants.map((v) => v.key);
    this.weights = scenario.variants.filter((v) => v.weight > 0);
    this.rates = keys.map((key) => scenario.rates[key] ?? 0);
    this.position = new Map(keys.map((key, i) => [key, i]));
    this.perMs = scenario.entriesPerDay / DAY;
    this.end = simulatedDays(scenario) * DAY;
    this.window = scenario.attributionDays * DAY;
  }

  /** Draws the next arrival; false once the simulated days (or MAX_ENTRIES_PER_TEST) are over. */
  next(): boolean {
    const { draws, i } = this;
    if (!(this.perMs > 0) || this.weights.length === 0 || i >= MAX_ENTRIES_PER_TEST) return false;
    const at = this.at - Math.log(1 - draws.uniform(4 * i)) / this.perMs;
    if (at >= this.end) return false;
    this.i++;
    this.at = at;
    this.arm = this.position.get(pickVariant(this.weights, draws.uniform(4 * i + 1))) ?? 0;
    this.convertsAt =
      draws.uniform(4 * i + 2) < (this.rates[this.arm] ?? 0)
        ? at + responseDelay(this.window, draws.uniform(4 * i + 3))
        : undefined;
    return true;
  }
}

/** What looking at the rule once costs, in arrivals: the closed form against a few draws. */
const CHECK_COST = 25;

/**
 * One run of a test (`ArrivalStream`), simulated in steps, with the rule looked at as execution
 * looks at it, and as `firstDecision` replays it: at the first arrival in each whole hour H, on
 * the assignments and conversions before H — so peeking is included. It stops at the decision.
 */
export class TestRun {
  private readonly arrivals: ArrivalStream;
  private readonly keys: string[];
  private readonly entered: number[];
  private readonly converted: number[];
  /** Conversions by the hour they happen in, and what the rule has seen of them. */
  private readonly byHour: Uint32Array;
  private readonly hours: number;
  private readonly seen: number[];
  private counted = 0;
  private checked = -1;
  private ended = false;
  private decision: { variant: string; afterDays: number } | undefined;

  constructor(
    private readonly scenario: TestScenario,
    run: number,
    seed = 0,
  ) {
    this.arrivals = new ArrivalStream(scenario, run, seed);
    this.keys = scenario.variants.map((v) => v.key);
    this.entered = this.keys.map(() => 0);
    this.converted = this.keys.map(() => 0);
    this.seen = this.keys.map(() => 0);
    this.hours = Math.ceil((simulatedDays(scenario) * DAY) / HOUR);
    this.byHour = new Uint32Array(this.hours * this.keys.length);
  }

  /** Whether the test is over: decided, or its days ended. */
  get finished(): boolean {
    return this.ended;
  }

  /**
   * Simulates up to `work` more (an arrival counts 1, a look at the rule CHECK_COST), and answers
   * what is left of it: nothing while the test goes on, the rest once it ended.
   */
  advance(work: number): number {
    const { arrivals, keys, entered, converted, seen, byHour } = this;
    const arms = keys.length;
    let spent = 0;
    while (!this.ended && spent < work) {
      if (!arrivals.next()) {
        this.ended = true;
        break;
      }
      spent++;
      const hour = Math.floor(arrivals.at / HOUR);
      if (hour !== this.checked) {
        this.checked = hour;
        spent += CHECK_COST;
        for (; this.counted < hour; this.counted++)
          for (let a = 0; a < arms; a++)
            seen[a] = (seen[a] ?? 0) + (byHour[this.counted * arms + a] ?? 0);
        // Everyone drawn so far arrived before this hour: this is the hour's first arrival.
        const decided = quickDecideWinner(
          keys.map((key, a) => ({ key, entered: entered[a] ?? 0, converted: seen[a] ?? 0 })),
          this.scenario.rule,
        );
        if (decided) {
          this.decision = { variant: decided.variant, afterDays: (hour * HOUR) / DAY };
          this.ended = true;
          break;
        }
      }
      const arm = arrivals.arm;
      entered[arm] = (entered[arm] ?? 0) + 1;
      if (arrivals.convertsAt !== undefined) {
        converted[arm] = (converted[arm] ?? 0) + 1;
        const when = Math.floor(arrivals.convertsAt / HOUR);
        if (when < this.hours) byHour[when * arms + arm] = (byHour[when * arms + arm] ?? 0) + 1;
      }
    }
    return this.ended ? Math.max(0, work - spent) : 0;
  }

  result(): SimulatedTest {
    const { decision } = this;
    return {
      ...(decision && {
        decision: { variant: decision.variant },
        decidedAfterDays: decision.afterDays,
      }),
      variants: Object.fromEntries(
        this.keys.map((key, i) => [
          key,
          { entered: this.entered[i] ?? 0, converted: this.converted[i] ?? 0 },
        ]),
      ),
    };
  }
}

/** Simulates one run of a test to its end (`TestRun`). */
export function simulateTest(scenario: TestScenario, run: number, seed = 0): SimulatedTest {
  const test = new TestRun(scenario, run, seed);
  while (!test.finished) test.advance(Number.POSITIVE_INFINITY);
  return test.result();
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
 * Checks a winner rule by simulation: `runs` simulated tests of one scenario, simulated in steps
 * of bounded work (`advance`), so a screen can show progress and stay responsive. The best variant is the
 * one the scenario gives the highest rate; where two or more share it, every decision is wrong.
 */
export class WinnerRuleTrial {
  private readonly tests: SimulatedTest[] = [];
  private current: TestRun | undefined;

  constructor(
    readonly scenario: TestScenario,
    readonly runs: number,
    private readonly seed = 0,
  ) {}

  /** Tests simulated so far. */
  get done(): number {
    return this.tests.length;
  }

  /**
   * Simulates up to `work` more (in arrivals, as `TestRun.advance` counts), test after test; true
   * while tests remain. A step of a few thousand takes a few milliseconds whatever the scenario.
   */
  advance(work: number): boolean {
    let left = work;
    while (this.tests.length < this.runs && left > 0) {
      const test = (this.current ??= new TestRun(this.scenario, this.tests.length, this.seed));
      left = test.advance(left);
      if (test.finished) {
        this.tests.push(test.result());
        this.current = undefined;
      }
    }
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
