import type { Journey } from '../../core/model/journey';
import type { SimulationReport, VariantCounts } from '../../core/simulator/report';
import {
  baselineOf,
  compareVariants,
  ENOUGH_TO_TELL,
  type VariantComparison,
} from '../../core/forecast/variant-comparison';
import { stepName, variantLabel } from '../nodes/step-name';
import { pointsText, type Words } from './sim-words';

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
  words: Words,
  row: Omit<VariantRow, 'verdict' | 'tone'>,
  baseline: string,
  compared: VariantComparison & { baselineEntered: number },
): { tone: VariantTone; verdict: string } {
  const { t } = words;
  if (row.entered === 0) return { tone: 'empty', verdict: t('sim.variant.empty') };
  if (row.isBaseline) return { tone: 'baseline', verdict: t('sim.variant.baseline') };
  const { difference } = compared;
  if (difference === undefined)
    return { tone: 'unclear', verdict: t('sim.variant.noBaseline', { baseline }) };
  const gap = { gap: pointsText(words, difference), baseline };
  if (compared.significant) {
    return difference > 0
      ? { tone: 'better', verdict: t('sim.variant.better', gap) }
      : { tone: 'worse', verdict: t('sim.variant.worse', gap) };
  }
  if (compared.tooFew) {
    const fewProfiles = Math.min(row.entered, compared.baselineEntered) < ENOUGH_TO_TELL.perArm;
    return {
      tone: 'unclear',
      verdict: t(fewProfiles ? 'sim.variant.tooFewProfiles' : 'sim.variant.tooFewConversions', gap),
    };
  }
  return { tone: 'unclear', verdict: t('sim.variant.chance', gap) };
}

/** Where the figures come from, for the sentence said when nobody was counted. */
export type FiguresSource = 'simulation' | 'live';

/**
 * Conversion per A/B variant of each split, with its 95% interval and a verdict against the
 * control, in words. The statistics are the engine's (`compareVariants`); this only says them.
 */
export function splitResults(
  words: Words,
  report: SimulationReport,
  journey: Journey,
): SplitResult[] {
  return variantResults(words, report.conversions.byVariant, journey, 'simulation', report.winners);
}

/** The same, from conversions by variant wherever they were counted (a simulation, a live run). */
export function variantResults(
  words: Words,
  byVariant: Readonly<Record<string, Readonly<Record<string, VariantCounts>>>>,
  journey: Journey,
  source: FiguresSource,
  winners: Readonly<Record<string, DecidedWinner>> = {},
): SplitResult[] {
  const { f } = words;
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
        rateText: c.entered ? f.percent(c.conversion.rate) : '–',
        intervalText: c.entered
          ? `${f.percent(c.conversion.low)}–${f.percent(c.conversion.high)}`
          : '',
        isBaseline: c.key === baseline,
      };
      return { ...base, ...verdict(words, base, baselineLabel, { ...c, baselineEntered }) };
    });
    const winner = winners[nodeId];
    results.push({
      nodeId,
      title: node ? stepName(node) : nodeId,
      baselineLabel,
      rows,
      headline: headline(words, rows, baselineLabel, source),
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

function headline(
  { t }: Words,
  rows: readonly VariantRow[],
  baseline: string,
  source: FiguresSource,
): string {
  const reached = rows.filter((r) => r.entered > 0);
  if (reached.length === 0)
    return t(source === 'live' ? 'sim.variant.noneLive' : 'sim.variant.noneSimulated');
  const n = reached.reduce((sum, r) => sum + r.entered, 0);
  const best = [...reached].sort((a, b) => b.rate - a.rate)[0];
  if (!best) return '';
  const winners = rows.filter((r) => r.tone === 'better');
  if (winners.length > 0) {
    const top = [...winners].sort((a, b) => b.rate - a.rate)[0] ?? best;
    return t('sim.variant.headlineBest', {
      variant: top.label,
      rate: top.rateText,
      baselineRate: rows.find((r) => r.isBaseline)?.rateText ?? '–',
      baseline,
      n,
    });
  }
  if (rows.some((r) => r.tone === 'worse')) return t('sim.variant.headlineWorse', { baseline, n });
  return t('sim.variant.headlineUnclear', { baseline, n });
}
