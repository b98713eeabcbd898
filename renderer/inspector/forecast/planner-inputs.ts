import type { SimulationRun } from '../../../core/api/simulation-contract';
import type { AutoWinnerRule } from '../../../core/forecast/auto-winner';
import { CONTROL } from '../../../core/forecast/auto-winner';
import { entriesPerDay } from '../../../core/forecast/planner';
import type { TestScenario } from '../../../core/forecast/winner-rule-trial';
import { elapsedMillis } from '../../../core/model/duration';
import type { Journey, JourneyNode } from '../../../core/model/journey';
import {
  DEFAULT_ATTRIBUTION_WINDOW,
  wellFormedSettings,
} from '../../../core/model/journey-settings';
import { isNodeKind, nodeDefinition } from '../../../core/nodes/registry';

const DAY = 86_400_000;

/** A split's variants and its automatic winner rule, as its config says once parsed. */
export interface SplitSetup {
  variants: { key: string; label?: string; weight: number }[];
  rule?: AutoWinnerRule;
}

/** The variants and rule of a split step; undefined while its config does not parse. */
export function splitSetup(node: JourneyNode): SplitSetup | undefined {
  if (!isNodeKind(node.kind)) return undefined;
  const { branches, schema } = nodeDefinition(node.kind);
  const parsed = branches && schema.safeParse(node.config);
  if (!branches || !parsed?.success) return undefined;
  const rule = branches.autoWinner?.(parsed.data);
  return {
    variants: branches.variants(parsed.data).map((v) => ({ ...v })),
    ...(rule && { rule }),
  };
}

/** What the last simulation of the journey says about a split. */
export interface RunFigures {
  /** A forecast (its means over the runs) or a single simulation. */
  kind: 'forecast' | 'simulation';
  createdAt: string;
  entriesPerDay: number;
  /** The simulation's window in days: how long the journey ran. */
  windowDays: number;
  /** Each variant's conversion rate, where someone was drawn into it. */
  rates: Record<string, number>;
}

/**
 * The split's traffic and its variants' conversion rates in the run shown for this journey: from
 * a forecast, the means over its runs (the responses it assumed included); from a plain
 * simulation, its one run. Undefined without a run of this journey that reached the split.
 */
export function runFigures(
  run: SimulationRun | null,
  journeyId: string | undefined,
  nodeId: string,
): RunFigures | undefined {
  if (!run || run.journeyId !== journeyId) return undefined;
  const { report } = run;
  const forecast = report.forecast;
  const entered = forecast
    ? (forecast.nodes[nodeId]?.entered.mean ?? 0)
    : (report.nodes[nodeId]?.entered ?? 0);
  if (!(entered > 0)) return undefined;
  const rates: Record<string, number> = {};
  const variants = forecast
    ? Object.entries(forecast.variants[nodeId] ?? {}).map(([key, v]) => ({
        key,
        entered: v.entered.mean,
        converted: v.converted.mean,
      }))
    : Object.entries(report.conversions.byVariant[nodeId] ?? {}).map(([key, v]) => ({
        key,
        ...v,
      }));
  for (const v of variants) if (v.entered > 0) rates[v.key] = v.converted / v.entered;
  return {
    kind: forecast ? 'forecast' : 'simulation',
    createdAt: run.createdAt,
    entriesPerDay: entriesPerDay(entered, report.window),
    windowDays: (Date.parse(report.window.end) - Date.parse(report.window.start)) / DAY,
    rates,
  };
}

/** The variant a test compares the others with: the control, else the first. */
export function baselineKey(variants: readonly { key: string }[]): string | undefined {
  return variants.find((v) => v.key === CONTROL)?.key ?? variants[0]?.key;
}

/** Days after an assignment in which its conversion counts: the goal's window (7 days unless set). */
export function attributionDays(journey: Journey): number {
  const within = wellFormedSettings(journey.settings).goal?.within ?? DEFAULT_ATTRIBUTION_WINDOW;
  return elapsedMillis(within) / DAY;
}

/** What the planner works from, as typed or taken from the last run. */
export interface PlannerValues {
  entriesPerDay: number;
  baselineRate: number;
  /** Relative: 0.2 for a 20% lift. */
  minimumDetectableEffect: number;
  alpha: number;
  power: number;
  horizonDays: number;
}

/** Starting values: the run's where it has them, else common choices. */
export function initialValues(
  figures: RunFigures | undefined,
  variants: readonly { key: string }[],
): PlannerValues {
  const baseline = baselineKey(variants);
  const rate = baseline === undefined ? undefined : figures?.rates[baseline];
  return {
    entriesPerDay: figures ? Math.round(figures.entriesPerDay * 10) / 10 : 100,
    baselineRate: rate !== undefined && rate > 0 ? Math.round(rate * 10_000) / 10_000 : 0.05,
    minimumDetectableEffect: 0.2,
    alpha: 0.05,
    power: 0.8,
    horizonDays: figures ? Math.max(1, Math.round(figures.windowDays)) : 30,
  };
}

/**
 * The two tests a winner rule is checked on: every variant converting at the baseline rate (a
 * pick is then always wrong), and the last variant besides the control converting better by the
 * minimum detectable effect (a pick of another is wrong).
 */
export function ruleScenarios(
  values: PlannerValues,
  setup: SplitSetup & { rule: AutoWinnerRule },
  attribution: number,
): { alike: TestScenario; better: TestScenario; betterKey: string } | undefined {
  const contenders = setup.variants.filter((v) => v.key !== CONTROL);
  const betterKey = contenders.at(-1)?.key;
  if (contenders.length < 2 || betterKey === undefined) return undefined;
  const base = {
    entriesPerDay: values.entriesPerDay,
    variants: setup.variants.map(({ key, weight }) => ({ key, weight })),
    rule: setup.rule,
    horizonDays: values.horizonDays,
    attributionDays: attribution,
  };
  const alike = Object.fromEntries(setup.variants.map((v) => [v.key, values.baselineRate]));
  const lifted = Math.min(1, values.baselineRate * (1 + values.minimumDetectableEffect));
  return {
    alike: { ...base, rates: alike },
    better: { ...base, rates: { ...alike, [betterKey]: lifted } },
    betterKey,
  };
}
