import type { Journey } from '../../core/model/journey';
import type { SimulationReport } from '../../core/simulator/report';
import { compareVariants } from '../../core/simulator/stats';
import { stepName, variantLabel } from '../nodes/step-name';
import { count, percent, points } from './format';

/** Below this many profiles in a variant, a rate says little whatever the test says. */
export const FEW_PROFILES = 30;

export type VariantTone = 'baseline' | 'better' | 'worse' | 'unclear' | 'empty';

export interface VariantRow {
  key: string;
  label: string;
  entered: number;
  converted: number;
  /** 0–1, with the 95% interval. */
  rate: number;
  low: number;
  high: number;
  /** `14.2%` and `9.8–19.9%`. */
  rateText: string;
  intervalText: string;
  isBaseline: boolean;
  tone: VariantTone;
  /** Against the baseline, in a sentence. */
  verdict: string;
}

export interface SplitResult {
  nodeId: string;
  title: string;
  baselineLabel: string;
  rows: VariantRow[];
  /** The one sentence to read if nothing else: which variant leads, and whether to trust it. */
  headline: string;
  /** The largest upper bound, so every variant's bar is drawn on one scale. */
  scale: number;
}

function verdict(
  row: Omit<VariantRow, 'verdict' | 'tone'>,
  baseline: string,
  difference: number | undefined,
  significant: boolean | undefined,
): { tone: VariantTone; verdict: string } {
  if (row.entered === 0) return { tone: 'empty', verdict: 'Nobody was drawn into this variant.' };
  if (row.isBaseline)
    return { tone: 'baseline', verdict: 'The others are compared with this one.' };
  if (difference === undefined)
    return { tone: 'unclear', verdict: `Cannot compare: nobody was drawn into ${baseline}.` };
  const gap = `${points(difference)} against ${baseline}`;
  if (significant) {
    return difference > 0
      ? { tone: 'better', verdict: `Converts better: ${gap}, unlikely to be chance.` }
      : { tone: 'worse', verdict: `Converts worse: ${gap}, unlikely to be chance.` };
  }
  return {
    tone: 'unclear',
    verdict:
      row.entered < FEW_PROFILES
        ? `${capitalize(gap)}; too few profiles to tell.`
        : `${capitalize(gap)}, but that could be chance.`,
  };
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Conversion per A/B variant of each split, with its 95% interval and a verdict against the
 * control, in words. The statistics are the engine's (`compareVariants`); this only says them.
 */
export function splitResults(report: SimulationReport, journey: Journey): SplitResult[] {
  const results: SplitResult[] = [];
  for (const [nodeId, variants] of Object.entries(report.conversions.byVariant)) {
    const node = journey.nodes.find((n) => n.id === nodeId);
    const label = (key: string) => variantLabel(node, key);
    const compared = compareVariants(variants);
    // The same baseline compareVariants picks: the variant called control, else the first.
    const keys = Object.keys(variants);
    const baseline = keys.includes('control') ? 'control' : (keys[0] ?? '');
    const baselineLabel = label(baseline);
    const rows = compared.map((c): VariantRow => {
      const base = {
        key: c.key,
        label: label(c.key),
        entered: c.entered,
        converted: c.converted,
        rate: c.conversion.rate,
        low: c.conversion.low,
        high: c.conversion.high,
        rateText: c.entered ? percent(c.conversion.rate) : '–',
        intervalText: c.entered ? `${percent(c.conversion.low)}–${percent(c.conversion.high)}` : '',
        isBaseline: c.key === baseline,
      };
      return { ...base, ...verdict(base, baselineLabel, c.difference, c.significant) };
    });
    results.push({
      nodeId,
      title: node ? stepName(node) : nodeId,
      baselineLabel,
      rows,
      headline: headline(rows, baselineLabel),
      scale: Math.max(0.01, ...rows.map((r) => r.high)),
    });
  }
  return results;
}

function headline(rows: readonly VariantRow[], baseline: string): string {
  const reached = rows.filter((r) => r.entered > 0);
  if (reached.length === 0) return 'Nobody reached this split in the simulation.';
  const total = reached.reduce((n, r) => n + r.entered, 0);
  const best = [...reached].sort((a, b) => b.rate - a.rate)[0];
  if (!best) return '';
  const winners = rows.filter((r) => r.tone === 'better');
  if (winners.length > 0) {
    const top = [...winners].sort((a, b) => b.rate - a.rate)[0] ?? best;
    return `${top.label} converts best: ${top.rateText} against ${rows.find((r) => r.isBaseline)?.rateText ?? '–'} for ${baseline}, a difference unlikely to be chance (${count(total)} profiles).`;
  }
  if (rows.some((r) => r.tone === 'worse'))
    return `No variant beats ${baseline}; at least one does worse (${count(total)} profiles).`;
  return `No variant is clearly better than ${baseline} yet: the differences could be chance (${count(total)} profiles). A longer window or more profiles would tell.`;
}
