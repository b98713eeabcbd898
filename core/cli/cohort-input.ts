import { fileSource } from '../adapters/import/file-source';
import { resolveAssumptions, type Assumption } from '../forecast/assumptions';
import { EngagementCounter, engagementBasis } from '../forecast/data-estimates';
import { MAX_RUNS } from '../forecast/forecast-runs';
import { importEvents, importProfiles } from '../import/importer';
import { parseEventTime, type JourneyEvent } from '../model/event';
import type { Journey } from '../model/journey';
import type { Profile } from '../model/profile';
import { describeImport } from './import-report';
import { sheetChoice } from './sheet-option';
import type { Output } from './output';

/** The options of commands that simulate a cohort: `report` and `diff`. */
export const COHORT_OPTIONS = {
  profiles: { type: 'string' },
  events: { type: 'string' },
  map: { type: 'string' },
  'profile-map': { type: 'string' },
  sheet: { type: 'string' },
  start: { type: 'string' },
  end: { type: 'string' },
  seed: { type: 'string' },
  runs: { type: 'string' },
} as const;

export interface CohortOptions {
  profiles?: string;
  events?: string;
  map?: string;
  'profile-map'?: string;
  sheet?: string;
  start?: string;
  end?: string;
  seed?: string;
  runs?: string;
}

export interface Cohort {
  profiles: Profile[];
  events: JourneyEvent[];
  start?: number;
  end?: number;
  seed: number;
  runs: number;
  /** The journey's own `expect`, then estimates from the data, then the library's rates. */
  assumptions: (journey: Journey) => Assumption[];
}

/** Checks the numbers and times of the cohort options; a message for the user when one is wrong. */
export function cohortSettings(
  values: CohortOptions,
  defaultRuns: number,
):
  | { ok: true; start?: number; end?: number; seed: number; runs: number }
  | { ok: false; message: string } {
  const time = (value: string | undefined, option: string) => {
    if (value === undefined) return undefined;
    const at = parseEventTime(value);
    return at === undefined
      ? new Error(`--${option} "${value}" is not a time; use ISO 8601 (2025-03-03T00:00:00Z)`)
      : at;
  };
  const start = time(values.start, 'start');
  const end = time(values.end, 'end');
  if (start instanceof Error) return { ok: false, message: start.message };
  if (end instanceof Error) return { ok: false, message: end.message };
  const seed = values.seed === undefined ? 0 : Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0)
    return { ok: false, message: `--seed must be a whole number ≥ 0, not "${values.seed}"` };
  const runs = values.runs === undefined ? defaultRuns : Number(values.runs);
  if (!(Number.isInteger(runs) && runs >= 1 && runs <= MAX_RUNS))
    return {
      ok: false,
      message: `--runs must be a whole number from 1 to ${MAX_RUNS.toLocaleString('en')}, not "${values.runs}"`,
    };
  return { ok: true, start, end, seed, runs };
}

/**
 * Reads the cohort's profiles and events (bad rows are reported and left out, as `simulate`
 * does) and counts the engagement the forecast's estimates come from.
 */
export async function readCohort(
  values: CohortOptions,
  settings: { start?: number; end?: number; seed: number; runs: number },
  journeys: readonly Journey[],
  out: Output,
): Promise<Cohort> {
  const profiles: Profile[] = [];
  const events: JourneyEvent[] = [];
  const counters = journeys.map((j) => new EngagementCounter(engagementBasis(j)));
  if (values.profiles) {
    const summary = await importProfiles(fileSource(values.profiles), {
      mapping: values['profile-map'],
      ...sheetChoice(values.sheet),
      onRow: (p) => {
        for (const c of counters) c.addProfile(p);
        profiles.push(p);
      },
    });
    describeImport(values.profiles, summary, out);
  }
  if (values.events) {
    const summary = await importEvents(fileSource(values.events), {
      mapping: values.map,
      ...sheetChoice(values.sheet),
      onRow: (e) => {
        for (const c of counters) c.add(e);
        events.push(e);
      },
    });
    describeImport(values.events, summary, out);
  }
  const estimates = new Map(journeys.map((j, i) => [j, counters[i]?.estimates()]));
  return {
    profiles,
    events,
    ...settings,
    assumptions: (journey) =>
      resolveAssumptions(journey, { defaults: true, data: estimates.get(journey) }),
  };
}
