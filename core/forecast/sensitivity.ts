import type { SimulationReport } from '../simulator/report';
import { simulate, type SimulationInput } from '../simulator/simulate';
import { isRateAssumption, type Assumption, type RateAssumption } from './assumptions';

/**
 * Which assumption moves a forecast's conversions most (the tornado chart): each response rate in
 * turn is lowered and raised by a share (±50% by default) with everything else kept, and the
 * journey is forecast again over the same data, seed and runs. Every variation draws the same
 * random numbers (draws are keyed by seed, run, profile and message, never by the rates), so a
 * difference between two of them comes from the changed rate alone, not from chance: a rate on a
 * message nobody reaches moves nothing at all, and few runs per variation are enough.
 */

/** The share each rate is varied by when none is given: ±50%. */
export const DEFAULT_CHANGE = 0.5;
/** Runs per variation when none is given: the draws are shared, so few are enough. */
export const DEFAULT_SENSITIVITY_RUNS = 20;
/** Most runs per variation. */
export const MAX_SENSITIVITY_RUNS = 100;

/** One rate, lowered and raised, with the assumption lists that forecast each. */
export interface SensitivityVariation {
  /** The varied assumption's place in the list. */
  index: number;
  assumption: RateAssumption;
  low: { rate: number; assumptions: Assumption[] };
  high: { rate: number; assumptions: Assumption[] };
}

/** How far one rate moves conversions. */
export interface Swing {
  node: string;
  outcome: RateAssumption['outcome'];
  /** The assumed rate, and where it came from. */
  rate: number;
  source: RateAssumption['source'];
  /** Mean conversions over the runs with the rate lowered, and the rate used. */
  low: { rate: number; conversions: number };
  high: { rate: number; conversions: number };
  /** |high − low|: how far the conversions move between the two. */
  swing: number;
}

/** What varying each rate does to conversions, largest swing first. */
export interface SensitivityResult {
  /** The share each rate was varied by (0.5: ±50%). */
  change: number;
  /** Runs each variation (and the base) was forecast over. */
  runs: number;
  /** Mean conversions over the runs with every assumption as it is. */
  base: number;
  swings: Swing[];
}

/** A rate times a factor, kept a probability; rounded so 0.0405 × 1.5 prints as 0.06075. */
function scaled(rate: number, factor: number): number {
  return Math.min(1, Math.round(rate * factor * 1e12) / 1e12);
}

/**
 * Each response rate of the list with a rate above 0 (a rate of 0 stays 0 either way), lowered
 * and raised by `change`, capped at 1. Everything else in the list stays as it is; the response
 * model keeps a raised click rate within the open rate, as it does for any rate.
 */
export function sensitivityVariations(
  assumptions: readonly Assumption[],
  change = DEFAULT_CHANGE,
): SensitivityVariation[] {
  if (!(change > 0 && change < 1))
    throw new RangeError(`change must be between 0 and 1 (exclusive), not ${change}`);
  const out: SensitivityVariation[] = [];
  assumptions.forEach((assumption, index) => {
    if (!isRateAssumption(assumption) || assumption.rate <= 0) return;
    const withRate = (rate: number) => ({
      rate,
      assumptions: assumptions.map((a, i) => (i === index ? { ...assumption, rate } : a)),
    });
    out.push({
      index,
      assumption,
      low: withRate(scaled(assumption.rate, 1 - change)),
      high: withRate(scaled(assumption.rate, 1 + change)),
    });
  });
  return out;
}

/** The figure a variation is judged by: mean conversions over the forecast's runs. */
export function conversionsOf(report: SimulationReport): number {
  return report.forecast?.conversions.total.mean ?? report.conversions.total;
}

/**
 * The forecasts to run, base first, then each variation's low and high: the same input (data,
 * window, seed, runs) with its own assumptions. No messages are kept for preview.
 */
export function sensitivityInputs(
  input: Omit<SimulationInput, 'assumptions' | 'runs'>,
  variations: readonly SensitivityVariation[],
  base: readonly Assumption[],
  runs = DEFAULT_SENSITIVITY_RUNS,
): SimulationInput[] {
  const one = (assumptions: readonly Assumption[]): SimulationInput => ({
    ...input,
    runs,
    assumptions,
    keepMessages: 0,
    trace: undefined,
  });
  return [
    one(base),
    ...variations.flatMap((v) => [one(v.low.assumptions), one(v.high.assumptions)]),
  ];
}

/**
 * The swings from the forecasts' conversions, in the order of `sensitivityInputs` (base, then
 * low and high of each variation), largest swing first; equal swings keep the list's order.
 */
export function sensitivitySwings(
  variations: readonly SensitivityVariation[],
  conversions: readonly number[],
  runs: number,
  change = DEFAULT_CHANGE,
): SensitivityResult {
  if (conversions.length !== 1 + 2 * variations.length)
    throw new RangeError(
      `expected ${1 + 2 * variations.length} forecasts' conversions, got ${conversions.length}`,
    );
  const swings = variations.map((v, i): Swing => {
    const low = conversions[1 + 2 * i] as number;
    const high = conversions[2 + 2 * i] as number;
    return {
      node: v.assumption.node,
      outcome: v.assumption.outcome,
      rate: v.assumption.rate,
      source: v.assumption.source,
      low: { rate: v.low.rate, conversions: low },
      high: { rate: v.high.rate, conversions: high },
      swing: Math.abs(high - low),
    };
  });
  return {
    change,
    runs,
    base: conversions[0] as number,
    swings: swings
      .map((s, i) => ({ s, i }))
      .sort((a, b) => b.s.swing - a.s.swing || a.i - b.i)
      .map(({ s }) => s),
  };
}

/**
 * The whole analysis in one go (the app runs the same forecasts in slices): forecasts the journey
 * with each rate of `assumptions` lowered and raised by `change`, over `runs` runs each.
 */
export function forecastSensitivity(
  input: Omit<SimulationInput, 'assumptions' | 'runs'>,
  assumptions: readonly Assumption[],
  { runs = DEFAULT_SENSITIVITY_RUNS, change = DEFAULT_CHANGE } = {},
): SensitivityResult {
  const variations = sensitivityVariations(assumptions, change);
  const reports = sensitivityInputs(input, variations, assumptions, runs).map(
    (one) => simulate(one).report,
  );
  return sensitivitySwings(variations, reports.map(conversionsOf), runs, change);
}
