import { resolveAssumptions, type Assumption } from '../forecast/assumptions';
import type { DataEstimates } from '../forecast/data-estimates';
import { MAX_RUNS } from '../forecast/forecast-runs';
import type { Journey } from '../model/journey';

/** `--runs` and `--assume`, checked: the forecast's options, or what is wrong with them. */
export function readForecastOptions(values: {
  runs?: string;
  assume?: string;
}): { runs: number; assume: string | undefined } | string {
  const runs = values.runs === undefined ? 1 : Number(values.runs);
  if (!(Number.isInteger(runs) && runs >= 1 && runs <= MAX_RUNS))
    return `--runs must be a whole number from 1 to ${MAX_RUNS.toLocaleString('en')}, not "${values.runs}"`;
  if (values.assume !== undefined && values.assume !== 'defaults')
    return `--assume takes "defaults" (estimates from the data, then the library's published rates), not "${values.assume}"`;
  return { runs, assume: values.assume };
}

/**
 * The assumptions of a forecast of the journey over data that says `estimates`, or undefined for
 * a plain replay (one run, no `--assume`, no `expect` anywhere): that gives the report as it
 * always was, byte for byte.
 */
export function assumptionsFor(
  journey: Journey,
  estimates: DataEstimates | undefined,
  runs: number,
  assume: string | undefined,
): Assumption[] | undefined {
  const assumptions = resolveAssumptions(journey, {
    defaults: assume === 'defaults',
    data: estimates,
  });
  return runs > 1 || assume !== undefined || assumptions.length > 0 ? assumptions : undefined;
}

/**
 * Each journey's assumptions when several are simulated together, or undefined for a plain replay
 * of them all: a forecast when one of them would be forecast on its own (then the others are too,
 * with what they assume). `estimates`: what the data says, by journey id.
 */
export function portfolioAssumptions(
  journeys: readonly Journey[],
  estimates: Readonly<Record<string, DataEstimates>> | undefined,
  runs: number,
  assume: string | undefined,
): Record<string, Assumption[]> | undefined {
  const each = journeys.map(
    (j) => [j.id, assumptionsFor(j, estimates?.[j.id], runs, assume)] as const,
  );
  if (each.every(([, list]) => list === undefined)) return undefined;
  return Object.fromEntries(each.map(([id, list]) => [id, list ?? []]));
}
