import { ApiError } from '../api/contract';
import type { SimulationParams } from '../api/simulation-contract';
import { resolveAssumptions, type Assumption } from '../forecast/assumptions';
import { EngagementCounter, engagementBasis } from '../forecast/data-estimates';
import type { JourneyEvent } from '../model/event';
import type { Journey } from '../model/journey';
import type { Profile } from '../model/profile';
import { JourneyNotRunnableError } from '../runtime/compiled-journey';
import { SimulationInputError } from '../simulator/simulate';
import { datasetNotFound } from './api-errors';
import type { DatasetStore } from './ports';

/** What a simulation from the app reads: its data sets, window and assumptions, checked. */

const DAY = 86_400_000;

export interface SimulationData {
  profiles: Profile[];
  events: JourneyEvent[];
}

/** The profiles and events of the chosen data sets, each checked to be there and of its kind. */
export function dataFor(
  datasets: DatasetStore,
  params: Pick<SimulationParams, 'profilesDatasetId' | 'eventsDatasetId'>,
): SimulationData {
  if (!params.profilesDatasetId && !params.eventsDatasetId) {
    throw new ApiError(
      'invalid-request',
      'Choose sample data to simulate with: profiles, events, or both.',
      'eventsDatasetId',
      { reason: 'data-not-chosen' },
    );
  }
  const expect = (id: string | undefined, kind: 'profiles' | 'events', field: string) => {
    if (id === undefined) return;
    const dataset = datasets.get(id);
    if (!dataset) throw datasetNotFound(id, field);
    if (dataset.kind !== kind)
      throw new ApiError(
        'invalid-request',
        `"${dataset.name}" holds ${dataset.kind}, not ${kind}.`,
        field,
        {
          reason: 'dataset-wrong-kind',
          values: { name: dataset.name, holds: dataset.kind, wanted: kind },
        },
      );
  };
  expect(params.profilesDatasetId, 'profiles', 'profilesDatasetId');
  expect(params.eventsDatasetId, 'events', 'eventsDatasetId');
  return {
    profiles: params.profilesDatasetId ? datasets.profiles(params.profilesDatasetId) : [],
    events: params.eventsDatasetId ? datasets.events(params.eventsDatasetId) : [],
  };
}

/** The window the parameters give: start and end, either possibly left to the data. */
export function windowOf(params: SimulationParams): { start?: number; end?: number } {
  if (params.end !== undefined && params.days !== undefined) {
    throw new ApiError('invalid-request', 'Give an end or a number of days, not both.', 'days', {
      reason: 'end-and-days',
    });
  }
  const start = params.start === undefined ? undefined : Date.parse(params.start);
  const end =
    params.end !== undefined
      ? Date.parse(params.end)
      : params.days !== undefined && start !== undefined
        ? start + params.days * DAY
        : undefined;
  return { start, end };
}

export function firstEventOf(events: readonly JourneyEvent[]): number | undefined {
  return events.reduce<number | undefined>(
    (min, e) => (min === undefined || e.time < min ? e.time : min),
    undefined,
  );
}

export function lastEventOf(events: readonly JourneyEvent[]): number | undefined {
  return events.reduce<number | undefined>(
    (max, e) => (max === undefined || e.time > max ? e.time : max),
    undefined,
  );
}

/**
 * What a forecast assumes over this data: the journey's own `expect`, and with `defaults`
 * estimates from the data's engagement events, then the library's published rates.
 */
export function forecastAssumptions(
  journey: Journey,
  data: SimulationData,
  defaults: boolean,
): Assumption[] {
  const counter = new EngagementCounter(engagementBasis(journey));
  for (const profile of data.profiles) counter.addProfile(profile);
  for (const event of data.events) counter.add(event);
  return resolveAssumptions(journey, { defaults, data: counter.estimates() });
}

/** A journey that cannot be simulated, or a window that does not fit it, as the API's error. */
export function refuseSimulation(error: unknown): never {
  if (error instanceof JourneyNotRunnableError) {
    throw new ApiError(
      'invalid-request',
      `The journey has problems to fix before it can be simulated: ${error.problems.join(' ')}`,
      'journey',
      {
        reason: 'journey-has-problems',
        values: { count: error.problems.length, purpose: 'simulate' },
      },
    );
  }
  if (error instanceof SimulationInputError)
    throw new ApiError('invalid-request', error.message, 'start', {
      reason: 'simulation-input',
      values: error.values,
    });
  throw error;
}
