import betaCdf from '@stdlib/stats-base-dists-beta-cdf';
import betaPdf from '@stdlib/stats-base-dists-beta-pdf';
import hypergeometricPmf from '@stdlib/stats-base-dists-hypergeometric-pmf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';

/**
 * The statistics behind every figure a forecast or a test verdict shows. Distributions come from
 * @stdlib (see docs/decisions/statistics-library.md); what is here is how the product uses them.
 */

/** A figure over the runs of a forecast: mean and nearest-rank percentiles. */
export interface Spread {
  mean: number;
  p10: number;
  p50: number;
  p90: number;
}

/**
 * The `q`-th percentile (0 < q ≤ 100) of values sorted ascending, by the nearest-rank method:
 * the smallest value with at least q% of the values at or below it. Always one of the values.
 */
export function nearestRank(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.max(1, Math.ceil((q / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] as number;
}

/** Mean, P10, P50 and P90 of one figure over the runs. */
export function spreadOf(values: readonly number[]): Spread {
  if (values.length === 0) return { mean: 0, p10: 0, p50: 0, p90: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    mean: sum / sorted.length,
    p10: nearestRank(sorted, 10),
    p50: nearestRank(sorted, 50),
    p90: nearestRank(sorted, 90),
  };
}

/** A share with its 95% (or other) interval. */
export interface Proportion {
  rate: number;
  low: number;
  high: number;
}

/** The two-sided standard-normal quantile for a confidence level (1.959964 for 0.95). */
export function zFor(confidence: number): number {
  return normalQuantile(1 - (1 - confidence) / 2, 0, 1);
}

/**
 * The Wilson score interval: unlike the textbook normal approximation it stays inside [0, 1] and
 * behaves for small counts and rates near 0 or 1 — which is what tests on a sample cohort have.
 */
export function wilsonInterval(successes: number, trials: number, confidence = 0.95): Proportion {
  if (trials <= 0) return { rate: 0, low: 0, high: 0 };
  const z = zFor(confidence);
  const p = successes / trials;
  const z2 = z * z;
  const centre = (p + z2 / (2 * trials)) / (1 + z2 / trials);
  const margin =
    (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / (1 + z2 / trials);
  // At 0 or all successes a bound is exactly 0 or 1; rounding must not move it off.
  return {
    rate: p,
    low: successes <= 0 ? 0 : Math.max(0, centre - margin),
    high: successes >= trials ? 1 : Math.min(1, centre + margin),
  };
}

/**
 * Newcombe's hybrid score interval (method 10) for the difference of two proportions p1 − p2:
 * built from the two Wilson intervals, so it too behaves for small counts.
 */
export function differenceInterval(
  successes1: number,
  trials1: number,
  successes2: number,
  trials2: number,
  confidence = 0.95,
): Proportion {
  const a = wilsonInterval(successes1, trials1, confidence);
  const b = wilsonInterval(successes2, trials2, confidence);
  const d = a.rate - b.rate;
  return {
    rate: d,
    low: d - Math.sqrt((a.rate - a.low) ** 2 + (b.high - b.rate) ** 2),
    high: d + Math.sqrt((a.high - a.rate) ** 2 + (b.rate - b.low) ** 2),
  };
}

/**
 * Fisher's exact test of a 2×2 table — converted and not converted in two groups — two-sided, as
 * R's `fisher.test` computes it: the probability, with the margins fixed, of a table no more likely
 * than the one observed. Exact at any size, which is why verdicts on small groups use it.
 */
export function fisherExact(
  converted1: number,
  trials1: number,
  converted2: number,
  trials2: number,
): number {
  const total = trials1 + trials2;
  const successes = converted1 + converted2;
  if (trials1 <= 0 || trials2 <= 0 || successes === 0 || successes === total) return 1;
  // Hypergeometric law of the first group's conversions: population `total`, `successes` of them
  // converted, `trials1` drawn.
  const low = Math.max(0, trials1 - (total - successes));
  const high = Math.min(trials1, successes);
  const observed = hypergeometricPmf(converted1, total, successes, trials1);
  // Tables as likely as the observed one count; the tolerance absorbs rounding, as R's does.
  const limit = observed * (1 + 1e-7);
  let p = 0;
  for (let k = low; k <= high; k++) {
    const pk = hypergeometricPmf(k, total, successes, trials1);
    if (pk <= limit) p += pk;
  }
  return Math.min(1, p);
}

/** Conversions in one arm of a test. */
export interface Arm {
  converted: number;
  entered: number;
}

/** Points of the quadrature over the region holding the posteriors' mass. */
const QUADRATURE_POINTS = 400;
/** Standard deviations either side of the posterior means the quadrature covers. */
const SPAN = 9;

/**
 * Each arm's probability of having the highest conversion rate, under a Beta(1 + converted,
 * 1 + not converted) posterior per arm (a uniform prior): P(arm i best) = ∫ f_i(x) Π_{j≠i} F_j(x) dx,
 * integrated by Simpson's rule over the interval that holds all the posteriors' mass. The
 * probabilities add up to 1 (within 1e-6). Deterministic: no sampling.
 */
export function probabilityBest(arms: readonly Arm[]): number[] {
  if (arms.length === 0) return [];
  if (arms.length === 1) return [1];
  const params = arms.map((arm) => {
    const a = 1 + Math.max(0, arm.converted);
    const b = 1 + Math.max(0, arm.entered - arm.converted);
    const mean = a / (a + b);
    const sd = Math.sqrt((a * b) / ((a + b) ** 2 * (a + b + 1)));
    return { a, b, mean, sd };
  });
  let lo = 1;
  let hi = 0;
  for (const p of params) {
    lo = Math.min(lo, p.mean - SPAN * p.sd);
    hi = Math.max(hi, p.mean + SPAN * p.sd);
  }
  lo = Math.max(0, lo);
  hi = Math.min(1, hi);
  const n = QUADRATURE_POINTS;
  const h = (hi - lo) / n;
  const out = params.map(() => 0);
  const cdfs = new Array<number>(params.length);
  for (let k = 0; k <= n; k++) {
    const x = lo + k * h;
    const weight = k === 0 || k === n ? 1 : k % 2 === 1 ? 4 : 2;
    for (let j = 0; j < params.length; j++) {
      const p = params[j] as (typeof params)[number];
      cdfs[j] = betaCdf(x, p.a, p.b);
    }
    for (let i = 0; i < params.length; i++) {
      const p = params[i] as (typeof params)[number];
      let term = betaPdf(x, p.a, p.b);
      if (!Number.isFinite(term) || term === 0) continue;
      for (let j = 0; j < params.length; j++) if (j !== i) term *= cdfs[j] as number;
      out[i] = (out[i] as number) + weight * term;
    }
  }
  const sums = out.map((v) => (v * h) / 3);
  const total = sums.reduce((s, v) => s + v, 0);
  return total > 0 ? sums.map((v) => v / total) : params.map(() => 1 / params.length);
}

/**
 * People needed in each of two arms to detect a change of the conversion rate from `baseline`
 * to `target` with a two-sided test at level `alpha` and the given `power` (the standard
 * two-proportion formula, e.g. Fleiss, Statistical Methods for Rates and Proportions, 3rd ed.,
 * §4.2, without continuity correction). Infinity when the rates are equal.
 */
export function sampleSizePerArm(
  baseline: number,
  target: number,
  alpha = 0.05,
  power = 0.8,
): number {
  const delta = Math.abs(target - baseline);
  if (!(delta > 0)) return Number.POSITIVE_INFINITY;
  const zAlpha = normalQuantile(1 - alpha / 2, 0, 1);
  const zBeta = normalQuantile(power, 0, 1);
  const pooled = (baseline + target) / 2;
  const root =
    zAlpha * Math.sqrt(2 * pooled * (1 - pooled)) +
    zBeta * Math.sqrt(baseline * (1 - baseline) + target * (1 - target));
  return Math.ceil((root * root) / (delta * delta));
}

const RESCALE = 1e200;
const LOG_RESCALE = Math.log(RESCALE);

/** ln B(a, b) for a, b ≥ 1, from the Beta density at its mean (never under- or overflowing there). */
function logBeta(a: number, b: number): number {
  const m = a / (a + b);
  return (a - 1) * Math.log(m) + (b - 1) * Math.log1p(-m) - Math.log(betaPdf(m, a, b));
}

/**
 * The probability that arm `b` converts better than arm `a`, under the same Beta(1 + converted,
 * 1 + not converted) posteriors as `probabilityBest`: Evan Miller's closed form, a sum of as many
 * terms as the smaller arm has conversions, each term from the one before by a ratio. Exact,
 * and about a thousand times faster than the quadrature — which is why a check run many times
 * over (a winner rule, hour by hour, in hundreds of simulated tests) asks it first.
 */
export function probabilityAbove(b: Arm, a: Arm): number {
  const alphaA = 1 + Math.max(0, a.converted);
  const betaA = 1 + Math.max(0, a.entered - a.converted);
  const alphaB = 1 + Math.max(0, b.converted);
  const betaB = 1 + Math.max(0, b.entered - b.converted);
  // The sum runs over b's successes; the other way round, over a's, gives the complement.
  if (alphaB > alphaA) return 1 - probabilityAbove(a, b);
  // Terms relative to the first, rescaled before they overflow; the first is exp(first).
  const first = logBeta(alphaA, betaA + betaB) - logBeta(alphaA, betaA);
  let scale = 0;
  let term = 1;
  let sum = 1;
  for (let i = 1; i < alphaB; i++) {
    const ratio = ((alphaA + i - 1) * (betaB + i - 1)) / ((alphaA + betaA + betaB + i - 1) * i);
    term *= ratio;
    sum += term;
    // Once the ratio is below 1 it stays so (the terms only shrink): the rest is below this
    // term times the terms left, and once that is lost in rounding the sum is done.
    if (ratio < 1 && term * (alphaB - i) < sum * 1e-17) break;
    if (sum > RESCALE) {
      sum /= RESCALE;
      term /= RESCALE;
      scale += LOG_RESCALE;
    }
  }
  return Math.min(1, Math.max(0, Math.exp(first + scale + Math.log(sum))));
}
