import { ApiError, type ApiHandlers } from '../api/contract';
import { eventsNamedBy } from '../cases/case-from-trace';
import { MAX_EVENTS_PER_CASE } from '../cases/cases-schema';
import type { SimulationRun } from '../api/simulation-contract';
import {
  conversionsOf,
  sensitivityInputs,
  sensitivitySwings,
  sensitivityVariations,
} from '../forecast/sensitivity';
import type { Journey } from '../model/journey';
import { makeProfile } from '../model/profile';
import { decisionsOf } from '../simulator/report';
import { limitsAnything, type SendingPolicy } from '../policy/sending-policy';
import { simulatePortfolio } from '../simulator/portfolio';
import { simulate, startSimulation } from '../simulator/simulate';
import type { SteppedSimulation } from '../simulator/winner-passes';
import { defaultWindowEnd } from '../simulator/window';
import type { Timers } from '../executor/ports';
import { journeyNotFound, runNotFound } from './api-errors';
import { journeyFromRequest } from './journey-from-request';
import type { EventHub } from './event-hub';
import { otherLiveJourneys, withLiveJourneys, type LiveJourneySource } from './portfolio-run';
import type { DatasetStore, JourneyLibrary, SimulationRunStore } from './ports';
import {
  dataFor,
  firstEventOf,
  forecastAssumptions,
  lastEventOf,
  refuseSimulation,
  windowOf,
} from './simulation-inputs';

export type SimulationHandlers = Pick<
  ApiHandlers,
  | 'simulate'
  | 'listSimulationRuns'
  | 'getSimulationRun'
  | 'traceProfile'
  | 'forecastSensitivity'
  | 'cancelSimulation'
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
  /** Simulations under way, by call id: whether each has been asked to stop. */
  const running = new Map<string, { cancelled: boolean }>();

  /**
   * Runs simulations one after the other in slices, so the engine keeps answering (and the
   * server keeps serving) meanwhile, under a call id that `cancelSimulation` can stop. Progress
   * counts profiles over all of them (each simulates the same profiles); a forecast runs each
   * profile in every run, so its slices hold fewer profiles.
   */
  const inSlices = async (
    callId: string,
    simulations: readonly (() => SteppedSimulation)[],
    forecastRuns: number | undefined,
    stopped: { message: string; purpose: 'simulation' | 'analysis' },
  ): Promise<SteppedSimulation[]> => {
    if (running.has(callId))
      throw new ApiError('conflict', `A simulation is already running as "${callId}".`, 'runId', {
        reason: 'simulation-running',
        values: { runId: callId },
      });
    const state = { cancelled: false };
    running.set(callId, state);
    const started = now();
    const perCheck = Math.max(1, Math.floor(PROFILES_PER_CHECK / (forecastRuns ?? 1)));
    const finished: SteppedSimulation[] = [];
    try {
      for (const start of simulations) {
        const simulation = start();
        const progress = () => {
          const one = simulation.progress;
          const done = finished.length * one.total + one.done;
          const total = simulations.length * one.total;
          const spent = now() - started;
          events.emit('simulationProgress', {
            runId: callId,
            done,
            total,
            ...(forecastRuns !== undefined && { runs: forecastRuns }),
            ...(done > 0 && { etaMs: Math.round((spent / done) * (total - done)) }),
          });
        };
        let sliceStart = now();
        while (simulation.advance(perCheck)) {
          if (now() - sliceStart < SLICE_MS) continue;
          progress();
          await pause();
          if (state.cancelled)
            throw new ApiError('cancelled', stopped.message, undefined, {
              reason: 'simulation-stopped',
              values: { purpose: stopped.purpose },
            });
          sliceStart = now();
        }
        progress();
        finished.push(simulation);
      }
    } finally {
      running.delete(callId);
    }
    return finished;
  };

  return {
    async simulate(input) {
      const { journey: document, runId: requested, ...params } = input;
      const stored = journeys.get(params.journeyId);
      if (!stored) throw journeyNotFound(params.journeyId);
      const journey: Journey =
        document === undefined
          ? stored.journey
          : { ...journeyFromRequest(document), id: params.journeyId };
      const runId = requested ?? newId();
      const data = dataFor(datasets, params);
      let { start, end } = windowOf(params);
      if (params.days !== undefined && start === undefined) {
        // Days counted from the first event, as the command line does.
        start = firstEventOf(data.events);
        if (start !== undefined) end = start + params.days * DAY;
      }
      // Without a length, long enough for the last to enter to go through the journey and the
      // goal's attribution window (the command line keeps the events' own range).
      if (end === undefined && params.days === undefined)
        end = defaultWindowEnd(journey, lastEventOf(data.events));
      const started = now();
      const forecast = params.forecast;
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
        const others = params.withLive ? otherLiveJourneys(live, params.journeyId) : [];
        simulation = params.withLive
          ? withLiveJourneys(
              {
                ...input,
                policy,
                // A forecast of them all: each journey responds with its own assumptions.
                ...(forecast && {
                  runs: forecast.runs,
                  assumptions: Object.fromEntries(
                    [journey, ...others.map((o) => o.journey)].map((j) => [
                      j.id,
                      forecastAssumptions(j, data, forecast.defaults),
                    ]),
                  ),
                }),
              },
              journey,
              others,
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
      await inSlices(runId, [() => simulation], forecast?.runs, {
        message: 'The simulation was stopped before it finished.',
        purpose: 'simulation',
      });
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

    async forecastSensitivity({ runId, callId, runs: perVariation, change }) {
      const run = runs.get(runId);
      if (!run) throw runNotFound(runId, 'runId');
      const assumptions = run.report.assumptions;
      if (!assumptions)
        throw new ApiError(
          'invalid-request',
          'This run is a replay: only a forecast has assumptions to vary. Forecast the journey first.',
          'runId',
          { reason: 'run-is-replay' },
        );
      const variations = sensitivityVariations(assumptions, change);
      // The forecast as it was made: its journey, data, window and seed.
      const inputs = sensitivityInputs(
        {
          journey: run.journey,
          ...dataFor(datasets, run.params),
          start: Date.parse(run.report.window.start),
          end: Date.parse(run.report.window.end),
          seed: run.params.seed,
        },
        variations,
        assumptions,
        perVariation,
      );
      const done = await inSlices(
        callId ?? newId(),
        inputs.map((one) => () => {
          try {
            return startSimulation(one);
          } catch (error) {
            return refuseSimulation(error);
          }
        }),
        perVariation,
        { message: 'The analysis was stopped before it finished.', purpose: 'analysis' },
      );
      return sensitivitySwings(
        variations,
        done.map((simulation) => conversionsOf(simulation.result().report)),
        perVariation,
        change,
      );
    },

    listSimulationRuns: ({ journeyId }) => Promise.resolve(runs.list(journeyId)),

    cancelSimulation({ runId }) {
      const state = running.get(runId);
      if (state) state.cancelled = true;
      return Promise.resolve({ cancelled: state !== undefined });
    },

    getSimulationRun({ id }) {
      const run = runs.get(id);
      if (!run) throw runNotFound(id, 'id');
      return Promise.resolve(run);
    },

    traceProfile({ runId, profileId }) {
      const run = runs.get(runId);
      if (!run) throw runNotFound(runId, 'runId');
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
            // A forecast's run 0, each journey responding as it was assumed to.
            ...(run.report.assumptions && {
              assumptions: Object.fromEntries(members.map((m) => [m.id, m.assumptions ?? []])),
            }),
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
