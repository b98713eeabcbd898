/** A share with its 95% confidence interval. */
export interface Proportion {
  rate: number;
  low: number;
  high: number;
}

const Z95 = 1.959964;

/**
 * The Wilson score interval: unlike the textbook normal approximation, it stays inside [0, 1]
 * and behaves for small counts and rates near 0 or 1 — which is what A/B tests on a sample
 * cohort have.
 */
export function wilsonInterval(successes: number, trials: number, z = Z95): Proportion {
  if (trials <= 0) return { rate: 0, low: 0, high: 0 };
  const p = successes / trials;
  const z2 = z * z;
  const centre = (p + z2 / (2 * trials)) / (1 + z2 / trials);
  const margin =
    (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / (1 + z2 / trials);
  return { rate: p, low: Math.max(0, centre - margin), high: Math.min(1, centre + margin) };
}

export interface VariantComparison {
  key: string;
  entered: number;
  converted: number;
  conversion: Proportion;
  /** Against the baseline variant: difference in conversion rate (absolute), if not the baseline. */
  difference?: number;
  /** Two-sided p-value of the difference (two-proportion z-test), if not the baseline. */
  pValue?: number;
  /** Whether the difference is significant at the 5% level. */
  significant?: boolean;
}

/** Standard normal cumulative distribution (Abramowitz–Stegun 26.2.17, error < 7.5e-8). */
function normalCdf(x: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(x));
  const d = 0.3989423 * Math.exp((-x * x) / 2);
  const tail =
    d * t * (0.3193815 + t * (-0.3565638 + t * (1.781478 + t * (-1.821256 + t * 1.330274))));
  return x > 0 ? 1 - tail : tail;
}

/**
 * Conversion per variant with its interval, each compared with the baseline: the variant called
 * `control` when there is one, else the first.
 */
export function compareVariants(
  variants: Readonly<Record<string, { entered: number; converted: number }>>,
): VariantComparison[] {
  const keys = Object.keys(variants);
  const baselineKey = keys.includes('control') ? 'control' : keys[0];
  const baseline = baselineKey === undefined ? undefined : variants[baselineKey];
  return keys.map((key) => {
    const { entered, converted } = variants[key] ?? { entered: 0, converted: 0 };
    const result: VariantComparison = {
      key,
      entered,
      converted,
      conversion: wilsonInterval(converted, entered),
    };
    if (key === baselineKey || !baseline || baseline.entered === 0 || entered === 0) return result;
    const p1 = converted / entered;
    const p0 = baseline.converted / baseline.entered;
    const pooled = (converted + baseline.converted) / (entered + baseline.entered);
    const se = Math.sqrt(pooled * (1 - pooled) * (1 / entered + 1 / baseline.entered));
    const pValue = se === 0 ? 1 : 2 * (1 - normalCdf(Math.abs(p1 - p0) / se));
    return { ...result, difference: p1 - p0, pValue, significant: pValue < 0.05 };
  });
}
