import { ApiError, type ApiHandlers } from '../api/contract';
import { eventsNamedBy } from '../cases/case-from-trace';
import { MAX_EVENTS_PER_CASE } from '../cases/cases-schema';
import type { SimulationParams, SimulationRun } from '../api/simulation-contract';
import type { JourneyEvent } from '../model/event';
import type { Journey } from '../model/journey';
import { makeProfile, type Profile } from '../model/profile';
import { JourneyNotRunnableError } from '../runtime/compiled-journey';
import { decisionsOf } from '../simulator/report';
import { SimulationInputError, simulate, startSimulation } from '../simulator/simulate';
import type { SteppedSimulation } from '../simulator/winner-passes';
import { defaultWindowEnd } from '../simulator/window';
import type { Timers } from '../executor/ports';
import { journeyFromRequest } from './journey-from-request';
import type { EventHub } from './event-hub';
import type { DatasetStore, JourneyLibrary, SimulationRunStore } from './ports';

export type SimulationHandlers = Pick<
  ApiHandlers,
  'simulate' | 'listSimulationRuns' | 'getSimulationRun' | 'traceProfile'
>;

export interface SimulationContext {
  journeys: JourneyLibrary;
  datasets: DatasetStore;
  runs: SimulationRunStore;
  events: EventHub;
  now: () => number;
  /** A new unique id (a UUID). */
  newId: () => string;
  timers: Timers;
}

const DAY = 86_400_000;
/** Profiles simulated between checks of the clock; a slice lasts about SLICE_MS. */
const PROFILES_PER_CHECK = 250;
const SLICE_MS = 30;

function dataFor(
  datasets: DatasetStore,
  params: SimulationParams,
): { profiles: Profile[]; events: JourneyEvent[] } {
  if (!params.profilesDatasetId && !params.eventsDatasetId) {
    throw new ApiError(
      'invalid-request',
      'Choose sample data to simulate with: profiles, events, or both.',
      'eventsDatasetId',
    );
  }
  const expect = (id: string | undefined, kind: 'profiles' | 'events', field: string) => {
    if (id === undefined) return;
    const dataset = datasets.get(id);
    if (!dataset) throw new ApiError('not-found', `There is no data set "${id}".`, field);
    if (dataset.kind !== kind)
      throw new ApiError(
        'invalid-request',
        `"${dataset.name}" holds ${dataset.kind}, not ${kind}.`,
        field,
      );
  };
  expect(params.profilesDatasetId, 'profiles', 'profilesDatasetId');
  expect(params.eventsDatasetId, 'events', 'eventsDatasetId');
  return {
    profiles: params.profilesDatasetId ? datasets.profiles(params.profilesDatasetId) : [],
    events: params.eventsDatasetId ? datasets.events(params.eventsDatasetId) : [],
  };
}

function windowOf(params: SimulationParams): { start?: number; end?: number } {
  if (params.end !== undefined && params.days !== undefined) {
    throw new ApiError('invalid-request', 'Give an end or a number of days, not both.', 'days');
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

function lastEventOf(events: readonly JourneyEvent[]): number | undefined {
  return events.reduce<number | undefined>(
    (max, e) => (max === undefined || e.time > max ? e.time : max),
    undefined,
  );
}

function refuseSimulation(error: unknown): never {
  if (error instanceof JourneyNotRunnableError) {
    throw new ApiError(
      'invalid-request',
      `The journey has problems to fix before it can be simulated: ${error.problems.join(' ')}`,
      'journey',
    );
  }
  if (error instanceof SimulationInputError)
    throw new ApiError('invalid-request', error.message, 'start');
  throw error;
}

export function simulationHandlers({
  journeys,
  datasets,
  runs,
  events,
  now,
  newId,
  timers,
}: SimulationContext): SimulationHandlers {
  // Resolves on the next turn of the event loop, once the I/O already waiting is served.
  const pause = () => new Promise<void>((resolve) => timers.soon(resolve));
  return {
    async simulate(input) {
      const { journey: document, runId: requested, ...params } = input;
      const stored = journeys.get(params.journeyId);
      if (!stored)
        throw new ApiError('not-found', `There is no journey "${params.journeyId}".`, 'journeyId');
      const journey: Journey =
        document === undefined
          ? stored.journey
          : { ...journeyFromRequest(document), id: params.journeyId };
      const runId = requested ?? newId();
      const data = dataFor(datasets, params);
      let { start, end } = windowOf(params);
      if (params.days !== undefined && start === undefined) {
        // Days counted from the first event, as the command line does.
        start = data.events.reduce<number | undefined>(
          (min, e) => (min === undefined || e.time < min ? e.time : min),
          undefined,
        );
        if (start !== undefined) end = start + params.days * DAY;
      }
      // Without a length, long enough for the last to enter to go through the journey and the
      // goal's attribution window (the command line keeps the events' own range).
      if (end === undefined && params.days === undefined)
        end = defaultWindowEnd(journey, lastEventOf(data.events));
      const started = now();
      let simulation: SteppedSimulation;
      try {
        simulation = startSimulation({
          journey,
          profiles: data.profiles,
          events: data.events,
          start,
          end,
          seed: params.seed,
        });
      } catch (error) {
        return refuseSimulation(error);
      }
      // In slices, so the engine keeps answering (and the server keeps serving) meanwhile.
      let sliceStart = now();
      while (simulation.advance(PROFILES_PER_CHECK)) {
        if (now() - sliceStart < SLICE_MS) continue;
        events.emit('simulationProgress', { runId, ...simulation.progress });
        await pause();
        sliceStart = now();
      }
      events.emit('simulationProgress', { runId, ...simulation.progress });
      const { report } = simulation.result();
      const run: SimulationRun = {
        id: runId,
        journeyId: params.journeyId,
        journeyName: journey.name,
        createdAt: new Date(now()).toISOString(),
        params,
        durationMs: now() - started,
        profiles: report.profiles,
        enrollments: report.enrollments,
        conversions: report.conversions.total,
        sent: Object.values(report.sent).reduce((sum, n) => sum + (n ?? 0), 0),
        active: report.active,
        journey,
        report,
      };
      runs.add(run);
      return run;
    },

    listSimulationRuns: ({ journeyId }) => Promise.resolve(runs.list(journeyId)),

    getSimulationRun({ id }) {
      const run = runs.get(id);
      if (!run) throw new ApiError('not-found', `There is no simulation run "${id}".`, 'id');
      return Promise.resolve(run);
    },

    traceProfile({ runId, profileId }) {
      const run = runs.get(runId);
      if (!run) throw new ApiError('not-found', `There is no simulation run "${runId}".`, 'runId');
      const { profilesDatasetId, eventsDatasetId } = run.params;
      const known = profilesDatasetId ? datasets.profile(profilesDatasetId, profileId) : undefined;
      const own = eventsDatasetId ? datasets.events(eventsDatasetId, profileId) : [];
      if (!known && own.length === 0)
        return Promise.resolve({ profileId, found: false, steps: [], messages: [] });
      const profile = known ?? makeProfile(profileId);
      // Nothing connects profiles, so this one alone, over the run's window, walks the same path.
      const result = simulate({
        journey: run.journey,
        profiles: [profile],
        events: own,
        start: Date.parse(run.report.window.start),
        end: Date.parse(run.report.window.end),
        seed: run.params.seed,
        // The run's automatic winners, as decided over the whole cohort.
        winners: decisionsOf(run.report),
        trace: new Set([profileId]),
      });
      const named = eventsNamedBy(run.journey);
      const reacted = own
        .filter((e) => named.has(e.name))
        .sort((a, b) => a.time - b.time)
        .slice(0, MAX_EVENTS_PER_CASE + 1);
      return Promise.resolve({
        profileId,
        found: true,
        attributes: { ...profile.attributes },
        events: reacted.map((e) => ({
          name: e.name,
          time: new Date(e.time).toISOString(),
          properties: { ...e.properties },
        })),
        steps: result.traces.get(profileId) ?? [],
        messages: result.messages.map((m) => ({
          nodeId: m.nodeId,
          channel: m.channel,
          to: m.to,
          at: new Date(m.at).toISOString(),
          content: { ...m.content },
        })),
      });
    },
  };
}
