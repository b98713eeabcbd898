import { resolveAssumptions, type Assumption } from '../forecast/assumptions';
import { EngagementCounter, engagementBasis, type DataEstimates } from '../forecast/data-estimates';
import { MAX_RUNS } from '../forecast/forecast-runs';
import type { Journey } from '../model/journey';
import type { JourneyEvent } from '../model/event';
import type { Profile } from '../model/profile';

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
 * What the data says of message engagement, counted for each of several journeys (each against its
 * own goal and response window) as the rows are read.
 */
export class PortfolioEngagement {
  private readonly counters: Map<string, EngagementCounter>;

  constructor(journeys: readonly Journey[]) {
    this.counters = new Map(journeys.map((j) => [j.id, new EngagementCounter(engagementBasis(j))]));
  }

  readonly seen = {
    profile: (profile: Profile) => {
      for (const counter of this.counters.values()) counter.addProfile(profile);
    },
    event: (event: JourneyEvent) => {
      for (const counter of this.counters.values()) counter.add(event);
    },
  };

  /**
   * Each journey's assumptions, or undefined for a plain replay of them all: a forecast when one
   * of them would be forecast on its own (then the others are too, with what they assume).
   */
  assumptions(
    journeys: readonly Journey[],
    runs: number,
    assume: string | undefined,
  ): Record<string, Assumption[]> | undefined {
    const each = journeys.map(
      (j) => [j.id, assumptionsFor(j, this.counters.get(j.id)?.estimates(), runs, assume)] as const,
    );
    if (each.every(([, list]) => list === undefined)) return undefined;
    return Object.fromEntries(each.map(([id, list]) => [id, list ?? []]));
  }
}
