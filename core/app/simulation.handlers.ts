import { ApiError, type ApiHandlers } from '../api/contract';
import type { SimulationParams, SimulationRun } from '../api/simulation-contract';
import { resolveAssumptions, type Assumption } from '../forecast/assumptions';
import { EngagementCounter, engagementBasis } from '../forecast/data-estimates';
import type { JourneyEvent } from '../model/event';
import type { Journey } from '../model/journey';
import { makeProfile, type Profile } from '../model/profile';
import { JourneyNotRunnableError } from '../runtime/compiled-journey';
import { decisionsOf } from '../simulator/report';
import { limitsAnything, type SendingPolicy } from '../policy/sending-policy';
import { simulatePortfolio } from '../simulator/portfolio';
import { SimulationInputError, simulate, startSimulation } from '../simulator/simulate';
import type { SteppedSimulation } from '../simulator/winner-passes';
import { defaultWindowEnd } from '../simulator/window';
import type { Timers } from '../executor/ports';
import { journeyFromRequest } from './journey-from-request';
import type { EventHub } from './event-hub';
import { otherLiveJourneys, withLiveJourneys, type LiveJourneySource } from './portfolio-run';
import type { DatasetStore, JourneyLibrary, SimulationRunStore } from './ports';

export type SimulationHandlers = Pick<
  ApiHandlers,
  'simulate' | 'listSimulationRuns' | 'getSimulationRun' | 'traceProfile' | 'cancelSimulation'
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
  /** The library's sending policy, as saved: simulations in the app run under it. */
  sendingPolicy: () => SendingPolicy;
  /** The journeys running live, for simulating a journey with them. */
  live: LiveJourneySource;
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

/**
 * What a forecast assumes over this data: the journey's own `expect`, and with `defaults`
 * estimates from the data's engagement events, then the library's published rates.
 */
function forecastAssumptions(
  journey: Journey,
  data: { profiles: readonly Profile[]; events: readonly JourneyEvent[] },
  defaults: boolean,
): Assumption[] {
  const counter = new EngagementCounter(engagementBasis(journey));
  for (const profile of data.profiles) counter.addProfile(profile);
  for (const event of data.events) counter.add(event);
  return resolveAssumptions(journey, { defaults, data: counter.estimates() });
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
  sendingPolicy,
  live,
}: SimulationContext): SimulationHandlers {
  // Resolves on the next turn of the event loop, once the I/O already waiting is served.
  const pause = () => new Promise<void>((resolve) => timers.soon(resolve));
  /** Simulations under way, by run id: whether each has been asked to stop. */
  const running = new Map<string, { cancelled: boolean }>();
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
      if (running.has(runId))
        throw new ApiError('conflict', `A simulation is already running as "${runId}".`, 'runId');
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
      const forecast = params.forecast;
      if (forecast && params.withLive)
        throw new ApiError(
          'invalid-request',
          'A forecast of several journeys together is not available yet: forecast this journey on its own, or simulate it with the live journeys without a forecast.',
          'withLive',
        );
      const policy = sendingPolicy();
      const under = limitsAnything(policy) ? policy : undefined;
      let simulation: SteppedSimulation;
      try {
        const input = {
          profiles: data.profiles,
          events: data.events,
          start,
          end,
          seed: params.seed,
        };
        simulation = params.withLive
          ? withLiveJourneys(
              { ...input, policy },
              journey,
              otherLiveJourneys(live, params.journeyId),
            )
          : startSimulation({
              journey,
              ...input,
              policy: under,
              ...(forecast && {
                runs: forecast.runs,
                assumptions: forecastAssumptions(journey, data, forecast.defaults),
              }),
            });
      } catch (error) {
        return refuseSimulation(error);
      }
      const state = { cancelled: false };
      running.set(runId, state);
      try {
        // In slices, so the engine keeps answering (and the server keeps serving) meanwhile; a
        // forecast runs each profile in every run, so its slices hold fewer profiles.
        const perCheck = Math.max(1, Math.floor(PROFILES_PER_CHECK / (forecast?.runs ?? 1)));
        const progress = () => {
          const { done, total } = simulation.progress;
          const spent = now() - started;
          events.emit('simulationProgress', {
            runId,
            done,
            total,
            ...(forecast && { runs: forecast.runs }),
            ...(done > 0 && { etaMs: Math.round((spent / done) * (total - done)) }),
          });
        };
        let sliceStart = now();
        while (simulation.advance(perCheck)) {
          if (now() - sliceStart < SLICE_MS) continue;
          progress();
          await pause();
          if (state.cancelled)
            throw new ApiError('cancelled', 'The simulation was stopped before it finished.');
          sliceStart = now();
        }
        progress();
      } finally {
        running.delete(runId);
      }
      const result = simulation.result().report;
      const report = under && !result.policy ? { ...result, policy: under } : result;
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

    cancelSimulation({ runId }) {
      const state = running.get(runId);
      if (state) state.cancelled = true;
      return Promise.resolve({ cancelled: state !== undefined });
    },

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
      // Nothing connects profiles, so this one alone, over the run's window, walks the same path:
      // in a forecast, its run 0, with the responses drawn from the run's own assumptions; with
      // the live journeys, through them all, as they were simulated.
      const window = {
        start: Date.parse(run.report.window.start),
        end: Date.parse(run.report.window.end),
      };
      const members = run.report.portfolio?.journeys;
      const result = members
        ? simulatePortfolio({
            journeys: [
              run.journey,
              ...members.flatMap((m) => {
                const frozen = m.version === undefined ? undefined : live.version(m.id, m.version);
                return frozen ? [frozen] : [];
              }),
            ],
            profiles: [profile],
            events: own,
            ...window,
            seed: run.params.seed,
            policy: run.report.policy,
            trace: new Set([profileId]),
          })
        : simulate({
            journey: run.journey,
            profiles: [profile],
            events: own,
            ...window,
            seed: run.params.seed,
            // The run's automatic winners, as decided over the whole cohort.
            winners: decisionsOf(run.report),
            trace: new Set([profileId]),
            policy: run.report.policy,
            ...(run.report.assumptions && { assumptions: run.report.assumptions }),
          });
      return Promise.resolve({
        profileId,
        found: true,
        attributes: { ...profile.attributes },
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
