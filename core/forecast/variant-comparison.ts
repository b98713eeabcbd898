import { CONTROL } from './auto-winner';
import { differenceInterval, fisherExact, wilsonInterval, type Proportion } from './statistics';

/**
 * Below these sizes a test's verdict is "too few to tell", whatever a test statistic says: each
 * of the two arms compared has at least `perArm` assignments, and the test as a whole at least
 * `conversions` conversions (forecast spec §4).
 */
export const ENOUGH_TO_TELL = { perArm: 30, conversions: 5 } as const;

/** Significance level of a whole test: shared among its comparisons (Bonferroni). */
export const TEST_ALPHA = 0.05;

/** One variant of an A/B test, with its conversion rate and, but for the baseline, the comparison. */
export interface VariantComparison {
  key: string;
  entered: number;
  converted: number;
  /** The conversion rate with its 95% (Wilson) interval. */
  conversion: Proportion;
  /** Against the baseline: the difference in conversion rate (absolute), if not the baseline. */
  difference?: number;
  /** The 95% (Newcombe) interval of that difference. */
  differenceInterval?: Proportion;
  /** Two-sided p-value of Fisher's exact test against the baseline, if not the baseline. */
  pValue?: number;
  /** Too few assignments or conversions to tell (see `ENOUGH_TO_TELL`): never significant. */
  tooFew?: boolean;
  /**
   * Whether the difference is significant: enough to tell, and a p-value below the test's 5%
   * shared among its comparisons (Bonferroni), so a test of many variants overstates no more
   * than a test of two.
   */
  significant?: boolean;
}

/** The baseline of a test: the variant called `control` when there is one, else the first. */
export function baselineOf(keys: readonly string[]): string | undefined {
  return keys.includes(CONTROL) ? CONTROL : keys[0];
}

/**
 * Conversion per variant with its interval, each compared with the baseline by Fisher's exact
 * test, which is exact at any size (the normal approximation it replaces called 6 of 35 against
 * 1 of 35 "unlikely to be chance"; Fisher gives p = 0.106).
 *
 * @example
 * compareVariants({ A: { entered: 1000, converted: 150 }, control: { entered: 1000, converted: 100 } });
 * // [{ key: 'A', …, difference: 0.05, pValue: 0.0009…, significant: true }, { key: 'control', … }]
 */
export function compareVariants(
  variants: Readonly<Record<string, { entered: number; converted: number }>>,
): VariantComparison[] {
  const keys = Object.keys(variants);
  const baselineKey = baselineOf(keys);
  const baseline = baselineKey === undefined ? undefined : variants[baselineKey];
  const comparisons = Math.max(1, keys.length - 1);
  let conversions = 0;
  for (const key of keys) conversions += variants[key]?.converted ?? 0;
  return keys.map((key) => {
    const { entered, converted } = variants[key] ?? { entered: 0, converted: 0 };
    const result: VariantComparison = {
      key,
      entered,
      converted,
      conversion: wilsonInterval(converted, entered),
    };
    if (key === baselineKey || !baseline || baseline.entered === 0 || entered === 0) return result;
    const pValue = fisherExact(converted, entered, baseline.converted, baseline.entered);
    const tooFew =
      entered < ENOUGH_TO_TELL.perArm ||
      baseline.entered < ENOUGH_TO_TELL.perArm ||
      conversions < ENOUGH_TO_TELL.conversions;
    return {
      ...result,
      difference: converted / entered - baseline.converted / baseline.entered,
      differenceInterval: differenceInterval(
        converted,
        entered,
        baseline.converted,
        baseline.entered,
      ),
      pValue,
      tooFew,
      significant: !tooFew && pValue < TEST_ALPHA / comparisons,
    };
  });
}
