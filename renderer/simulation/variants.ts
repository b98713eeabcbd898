import type { Journey } from '../../core/model/journey';
import type { SimulationReport, VariantCounts } from '../../core/simulator/report';
import {
  baselineOf,
  compareVariants,
  ENOUGH_TO_TELL,
  type VariantComparison,
} from '../../core/forecast/variant-comparison';
import { stepName, variantLabel } from '../nodes/step-name';
import { count, percent, points } from './format';

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
  /** The automatic winner, once decided: which variant, from when, how sure. */
  winner?: { key: string; label: string; at: string; probability: number };
}

/** An automatic winner as reports and live figures give it. */
export interface DecidedWinner {
  at: string;
  variant: string;
  probability: number;
}

function verdict(
  row: Omit<VariantRow, 'verdict' | 'tone'>,
  baseline: string,
  compared: VariantComparison & { baselineEntered: number },
): { tone: VariantTone; verdict: string } {
  if (row.entered === 0) return { tone: 'empty', verdict: 'Nobody was drawn into this variant.' };
  if (row.isBaseline)
    return { tone: 'baseline', verdict: 'The others are compared with this one.' };
  const { difference } = compared;
  if (difference === undefined)
    return { tone: 'unclear', verdict: `Cannot compare: nobody was drawn into ${baseline}.` };
  const gap = `${points(difference)} against ${baseline}`;
  if (compared.significant) {
    return difference > 0
      ? { tone: 'better', verdict: `Converts better: ${gap}, unlikely to be chance.` }
      : { tone: 'worse', verdict: `Converts worse: ${gap}, unlikely to be chance.` };
  }
  if (compared.tooFew) {
    const fewProfiles = Math.min(row.entered, compared.baselineEntered) < ENOUGH_TO_TELL.perArm;
    return {
      tone: 'unclear',
      verdict: `${capitalize(gap)}; too few ${fewProfiles ? 'profiles' : 'conversions'} to tell.`,
    };
  }
  return { tone: 'unclear', verdict: `${capitalize(gap)}, but that could be chance.` };
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Where the figures come from, for the sentence said when nobody was counted. */
export type FiguresSource = 'simulation' | 'live';

/**
 * Conversion per A/B variant of each split, with its 95% interval and a verdict against the
 * control, in words. The statistics are the engine's (`compareVariants`); this only says them.
 */
export function splitResults(report: SimulationReport, journey: Journey): SplitResult[] {
  return variantResults(report.conversions.byVariant, journey, 'simulation', report.winners);
}

/** The same, from conversions by variant wherever they were counted (a simulation, a live run). */
export function variantResults(
  byVariant: Readonly<Record<string, Readonly<Record<string, VariantCounts>>>>,
  journey: Journey,
  source: FiguresSource,
  winners: Readonly<Record<string, DecidedWinner>> = {},
): SplitResult[] {
  const results: SplitResult[] = [];
  for (const [nodeId, variants] of Object.entries(byVariant)) {
    const node = journey.nodes.find((n) => n.id === nodeId);
    const label = (key: string) => variantLabel(node, key);
    const compared = compareVariants(variants);
    const baseline = baselineOf(Object.keys(variants)) ?? '';
    const baselineLabel = label(baseline);
    const baselineEntered = variants[baseline]?.entered ?? 0;
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
      return { ...base, ...verdict(base, baselineLabel, { ...c, baselineEntered }) };
    });
    const winner = winners[nodeId];
    results.push({
      nodeId,
      title: node ? stepName(node) : nodeId,
      baselineLabel,
      rows,
      headline: headline(rows, baselineLabel, source),
      scale: Math.max(0.01, ...rows.map((r) => r.high)),
      ...(winner && {
        winner: {
          key: winner.variant,
          label: label(winner.variant),
          at: winner.at,
          probability: winner.probability,
        },
      }),
    });
  }
  return results;
}

function headline(rows: readonly VariantRow[], baseline: string, source: FiguresSource): string {
  const reached = rows.filter((r) => r.entered > 0);
  if (reached.length === 0)
    return source === 'live'
      ? 'Nobody has reached this split yet.'
      : 'Nobody reached this split in the simulation.';
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
