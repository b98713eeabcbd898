import type { Dataset } from '../../core/api/data-contract';
import type { SimulationParams } from '../../core/api/simulation-contract';
import { MAX_APP_RUNS } from '../../core/forecast/forecast-runs';
import { words, type Words } from '../i18n/words';

/** How long the simulation runs: to the end of the events, for a number of days, or to a time. */
export type WindowLength = 'data' | 'days' | 'end';

/** Replay what happened, or forecast what the journey will achieve (DESIGN §7). */
export type SimulationMode = 'replay' | 'forecast';

/** Runs a forecast offers first: enough for P10–P90 and a 95% interval of incremental orders. */
export const DEFAULT_FORECAST_RUNS = 100;

/** The simulation form as typed: text fields stay text until a run reads them. */
export interface SimulationSetup {
  profilesDatasetId: string;
  eventsDatasetId: string;
  /** `YYYY-MM-DDTHH:mm` in UTC (a datetime-local input's value); empty: the first event. */
  start: string;
  length: WindowLength;
  days: string;
  /** `YYYY-MM-DDTHH:mm` in UTC. */
  end: string;
  seed: string;
  mode: SimulationMode;
  /** A forecast's runs, as typed. */
  runs: string;
  /** A forecast fills what the journey leaves open with the data's and the library's rates. */
  defaults: boolean;
  /** Simulate with the other live journeys, under the library's sending policy (DESIGN §8). */
  withLive: boolean;
}

export const EMPTY_SETUP: SimulationSetup = {
  profilesDatasetId: '',
  eventsDatasetId: '',
  start: '',
  length: 'data',
  days: '7',
  end: '',
  seed: '0',
  mode: 'replay',
  runs: String(DEFAULT_FORECAST_RUNS),
  defaults: true,
  withLive: false,
};

export interface WindowParams {
  profilesDatasetId?: string;
  eventsDatasetId?: string;
  start?: string;
  end?: string;
  days?: number;
  seed: number;
  forecast?: NonNullable<SimulationParams['forecast']>;
  withLive?: boolean;
}

/**
 * What is wrong with the form, worded when shown; `field` says which of the forecast's fields it
 * concerns (shown beside them rather than above the run button).
 */
export type SetupCheck =
  { ok: true; params: WindowParams } | { ok: false; problem: Words; field?: 'runs' };

/** The longest simulation window in days: ten years. */
const MAX_DAYS = 3660;

/** A datetime-local value read as UTC: `2019-10-01T00:00` → `2019-10-01T00:00:00.000Z`. */
export function utcFromInput(value: string): string | undefined {
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?$/.test(value)) return undefined;
  const time = Date.parse(`${value.length === 16 ? `${value}:00` : value}Z`);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** The value a datetime-local input shows for an instant, in UTC. */
export function inputFromUtc(iso: string): string {
  return new Date(iso).toISOString().slice(0, 16);
}

/** Reads the form into the API's simulation parameters, or says what is missing. */
export function readSetup(setup: SimulationSetup, datasets: readonly Dataset[]): SetupCheck {
  const profiles = setup.profilesDatasetId || undefined;
  const events = setup.eventsDatasetId || undefined;
  if (!profiles && !events) return { ok: false, problem: words('sim.setupProblem.noData') };
  const known = new Set(datasets.map((d) => d.id));
  if ((profiles && !known.has(profiles)) || (events && !known.has(events)))
    return { ok: false, problem: words('sim.setupProblem.datasetGone') };
  const seed = Number(setup.seed.trim() || '0');
  if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 31 - 1)
    return { ok: false, problem: words('sim.setupProblem.seed') };
  let start: string | undefined;
  if (setup.start) {
    start = utcFromInput(setup.start);
    if (!start) return { ok: false, problem: words('sim.setupProblem.start') };
  }
  const params: WindowParams = {
    ...(profiles && { profilesDatasetId: profiles }),
    ...(events && { eventsDatasetId: events }),
    ...(start && { start }),
    seed,
    ...(setup.withLive && { withLive: true }),
  };
  if (setup.length === 'days') {
    const days = Number(setup.days);
    if (!(days > 0) || days > MAX_DAYS)
      return { ok: false, problem: words('sim.setupProblem.days', { max: MAX_DAYS }) };
    params.days = days;
  } else if (setup.length === 'end') {
    const end = utcFromInput(setup.end);
    if (!end) return { ok: false, problem: words('sim.setupProblem.end') };
    if (start && end < start)
      return { ok: false, problem: words('sim.setupProblem.endBeforeStart') };
    params.end = end;
  }
  if (!events && (!start || setup.length === 'data'))
    return { ok: false, problem: words('sim.setupProblem.noRange') };
  if (setup.mode === 'forecast') {
    const runs = Number(setup.runs.trim());
    if (!Number.isInteger(runs) || runs < 1 || runs > MAX_APP_RUNS)
      return {
        ok: false,
        problem: words('forecast.setup.runsInvalid', { max: MAX_APP_RUNS }),
        field: 'runs',
      };
    params.forecast = { runs, defaults: setup.defaults };
  }
  return { ok: true, params };
}
