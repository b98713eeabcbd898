import type { Assumption } from '../forecast/assumptions';
import { winnerKey, type WinnerDecision } from '../forecast/auto-winner';
import { forecastReport } from '../forecast/forecast-report';
import {
  ForecastRuns,
  journeyCounting,
  journeyRunCounts,
  MAX_RUNS,
} from '../forecast/forecast-runs';
import { planOf } from '../forecast/plan';
import type { RunAccumulator, RunCounts } from '../forecast/run-counts';
import type { JourneyEvent } from '../model/event';
import type { Journey } from '../model/journey';
import type { Profile } from '../model/profile';
import type { SendingPolicy } from '../policy/sending-policy';
import { compileJourney, type CompiledJourney } from '../runtime/compiled-journey';
import { Interpreter, fixedCatalog } from '../runtime/interpreter';
import { RepublishError, RepublishStep, type Republish } from './republish-step';
import type { OutboxMessage, StepObserver } from '../runtime/ports';
import { cohort } from './cohort';
import { MemoryStore } from './memory-store';
import { ProfileReplay } from './profile-replay';
import type { SimulationReport } from './report';
import { TraceRecorder, type TraceStep } from './trace';
import { windowWarning } from './window';
import { autoWinnerSplits, WinnerPasses, type SteppedSimulation } from './winner-passes';

export interface SimulationInput {
  journey: Journey;
  /** Sample profiles; profiles that appear only in events are added as they are met. */
  profiles?: Iterable<Profile>;
  /** Events in any order; those before `start` are history, those in [start, end] are replayed. */
  events?: readonly JourneyEvent[];
  /** Window start; the first event's time by default. */
  start?: number;
  /** Window end (included); the last event's time by default. */
  end?: number;
  /** Moves split assignment; 0 (as in execution) by default. */
  seed?: number;
  /** Profiles whose path to record step by step, or `'all'`. */
  trace?: ReadonlySet<string> | 'all';
  /** How many full rendered messages to keep for preview (traced profiles' messages are always kept). */
  keepMessages?: number;
  /** Suppressed addresses as `channel:address`. */
  suppressed?: Iterable<string>;
  /** The library's sending policy (DESIGN §8); none by default. */
  policy?: SendingPolicy;
  /**
   * Further observers of every step (progress, live views). In a forecast they see run 0 whole,
   * and each later run from where it parts from run 0 (`run` says which run is under way; see
   * `shareFirstSteps`).
   */
  observers?: readonly StepObserver[];
  /** Called every so often with the number of profiles simulated so far, and in all. */
  onProgress?: (done: number, total: number) => void;
  /**
   * A forecast's runs (DESIGN §7): every profile is simulated in runs 0…runs−1, each drawing
   * its own responses. 1 by default.
   */
  runs?: number;
  /**
   * What simulated people respond with (forecast/assumptions.ts). Given (even empty), or with
   * more than one run, the report adds `forecast` and `assumptions`; left out with one run, the
   * simulation is a replay and nobody responds.
   */
  assumptions?: readonly Assumption[];
  /**
   * Whether a forecast's runs share the steps up to each profile's first draw, and the path of
   * runs that draw no response there (true by default); false simulates every run from the start,
   * for checking that the result is the same.
   */
  shareFirstSteps?: boolean;
  /** Called with each simulated response as it is applied, and the run it belongs to. */
  onResponse?: (event: JourneyEvent, run: number) => void;
  /**
   * Automatic winners, by split node id, decided beforehand (by `WinnerPasses`, or a run's
   * report): given, nothing else is decided. Absent, `startSimulation` decides them itself.
   * A list holds each forecast run's own (run 0 first): a winner is decided from what happened
   * in its run, so runs may differ in which variant wins and when.
   */
  winners?:
    Readonly<Record<string, WinnerDecision>> | readonly Readonly<Record<string, WinnerDecision>>[];
  /**
   * A new version of the journey published part-way through the window, as execution does it:
   * at `at`, once everything due by then has happened, `journey` becomes version 2 and takes
   * new entries, and the people inside are carried over as `migration` chooses for their group
   * (migration/); those without a choice finish on version 1. The report counts the steps of
   * version 1. One run only: not in a forecast.
   */
  republish?: Republish;
}

export interface SimulationResult {
  /** The report (run 0's), with `forecast` and `assumptions` when forecasting. */
  report: SimulationReport;
  traces: ReadonlyMap<string, TraceStep[]>;
  messages: readonly OutboxMessage[];
  /** Node arrivals processed (profile-steps) in run 0. */
  steps: number;
  /** Each run's counts when forecasting, to merge with other threads' (run 0 first). */
  runs?: RunCounts[];
}

/**
 * Why a simulation's input cannot be simulated, by a stable code with the facts its sentence
 * names, for an app that words it in its own language.
 */
export type SimulationInputValues =
  | { problem: 'duplicate-journey-id'; journeyId: string }
  | { problem: 'auto-winner-together'; name: string }
  | { problem: 'runs-out-of-range'; runs: number; max: number }
  | { problem: 'no-window' | 'window-reversed' | 'no-journeys' | 'republish' };

/** A simulation asked of what cannot be simulated, in plain words and as `values`. */
export class SimulationInputError extends Error {
  constructor(
    message: string,
    readonly values: SimulationInputValues,
  ) {
    super(message);
  }
}

/** The window of a simulation: as given, else the events' own time range. */
export function windowOf(
  input: Pick<SimulationInput, 'start' | 'end'>,
  events: readonly JourneyEvent[],
): { start: number; end: number } {
  let first: number | undefined;
  let last: number | undefined;
  for (const event of events) {
    if (first === undefined || event.time < first) first = event.time;
    if (last === undefined || event.time > last) last = event.time;
  }
  const start = input.start ?? first;
  const end = input.end ?? last;
  if (start === undefined || end === undefined) {
    throw new SimulationInputError(
      'A simulation needs a window: give a start and an end, or events to take it from.',
      { problem: 'no-window' },
    );
  }
  if (end < start)
    throw new SimulationInputError('The simulation window ends before it starts.', {
      problem: 'window-reversed',
    });
  return { start, end };
}

const NO_EVENTS: readonly JourneyEvent[] = [];

/**
 * Runs a journey for a whole cohort on a virtual clock: weeks in seconds, through the same
 * interpreter as execution, with the same rule that at one instant events are applied before
 * wake-ups.
 *
 * Nothing in a journey connects one profile to another (caps, consent, goals and re-entry are
 * all per profile), so the simulator runs each profile's whole window before the next: the
 * result is the same as one global timeline, while the working set stays one profile small —
 * which is what lets a million profiles run in seconds and in little memory.
 */
export function simulate(input: SimulationInput): SimulationResult {
  const run = startSimulation(input);
  while (run.advance(Number.POSITIVE_INFINITY));
  return run.result();
}

/**
 * A simulation to run in slices: a `Simulation`, or, for a journey whose splits pick a winner
 * automatically and no decisions given, passes of it that decide them (`WinnerPasses`).
 */
export function startSimulation(input: SimulationInput): SteppedSimulation {
  const automatic = autoWinnerSplits(input.journey).size > 0;
  if (input.republish && input.winners === undefined && automatic)
    throw new SimulationInputError(
      'A simulation that publishes a new version part-way cannot pick automatic winners.',
      { problem: 'republish' },
    );
  if (input.winners === undefined && automatic)
    return new WinnerPasses(input, (pass) => new Simulation(pass));
  return new Simulation(input);
}

function republishStep(
  first: CompiledJourney,
  republish: Republish | undefined,
  window: { start: number; end: number },
): RepublishStep | undefined {
  if (!republish) return undefined;
  try {
    return new RepublishStep(first, republish, window);
  } catch (error) {
    if (error instanceof RepublishError)
      throw new SimulationInputError(error.message, { problem: 'republish' });
    throw error;
  }
}

type Decisions = Readonly<Record<string, WinnerDecision>>;

/** Whether winners are given per forecast run. */
function perRun(winners: SimulationInput['winners']): winners is readonly Decisions[] {
  return Array.isArray(winners);
}

function winnerMap(
  journeyId: string,
  decisions: Readonly<Record<string, WinnerDecision>>,
): Map<string, WinnerDecision> {
  return new Map(Object.entries(decisions).map(([nodeId, d]) => [winnerKey(journeyId, nodeId), d]));
}

/**
 * A simulation a host can run in slices (`advance` a few thousand profiles at a time, pausing
 * between them) to stay responsive: the pure core has no timers, the host decides when to pause.
 * A forecast runs each profile in every run before the next profile (forecast/forecast-runs.ts).
 */
export class Simulation {
  private readonly window: { start: number; end: number };
  private readonly profiles: Profile[];
  private readonly events: JourneyEvent[];
  /** Where each profile's events start in `events` (see `cohort`). */
  private readonly eventsFrom: Int32Array;
  private readonly traces: TraceRecorder;
  private readonly store: MemoryStore;
  private readonly forecast: ForecastRuns<RunAccumulator>;
  private readonly replay: ProfileReplay<RunAccumulator>;
  private readonly seed: number;
  private next = 0;

  constructor(private readonly input: SimulationInput) {
    const journey = compileJourney(input.journey);
    const runs = input.runs ?? 1;
    if (!(Number.isInteger(runs) && runs >= 1 && runs <= MAX_RUNS))
      throw new SimulationInputError(`A forecast takes 1 to ${MAX_RUNS} runs, not ${runs}.`, {
        problem: 'runs-out-of-range',
        runs,
        max: MAX_RUNS,
      });
    this.window = windowOf(input, input.events ?? NO_EVENTS);
    ({
      profiles: this.profiles,
      events: this.events,
      from: this.eventsFrom,
    } = cohort(input.profiles, input.events));
    this.traces = new TraceRecorder(input.trace ?? new Set());
    this.store = new MemoryStore({
      keepMessagesFor: input.trace === 'all' ? undefined : input.trace,
      keepMessages: input.trace === 'all' ? Number.POSITIVE_INFINITY : (input.keepMessages ?? 0),
      suppressed: input.suppressed,
      keepEvent: (name) => journey.readsEvents.has(name),
      countSends: journey.settings.frequencyCap !== undefined,
      policy: input.policy,
      winners: perRun(input.winners)
        ? input.winners.map((d) => winnerMap(journey.id, d))
        : winnerMap(journey.id, input.winners ?? {}),
    });
    // Runs with winners of their own may part before any response: each is simulated whole.
    const ownWinners = perRun(input.winners) && input.winners.length > 1;
    this.seed = input.seed ?? 0;
    const plan = input.assumptions && planOf(journey, input.assumptions);
    this.forecast = new ForecastRuns({
      store: this.store,
      seed: this.seed,
      runs,
      plans: new Map(plan ? [[journey.id, plan]] : []),
      counting: journeyCounting(journey),
      firstRunObservers: input.trace ? [this.traces] : [],
      everyRunObservers: input.observers ?? [],
      shareFirstSteps: ownWinners ? false : input.shareFirstSteps,
      onRun: (run) => this.store.selectRun(run),
    });
    const republish = republishStep(journey, input.republish, this.window);
    if (republish && (runs > 1 || input.assumptions !== undefined))
      throw new SimulationInputError(
        'A forecast cannot publish a new version part-way; simulate the two versions one run at a time.',
        { problem: 'republish' },
      );
    this.replay = new ProfileReplay({
      store: this.store,
      interpreter: new Interpreter({
        catalog: republish?.catalog ?? fixedCatalog([journey]),
        store: this.store,
        observer: this.forecast.observer,
        seed: this.seed,
      }),
      forecast: this.forecast,
      window: this.window,
      profiles: this.profiles,
      events: this.events,
      eventsFrom: this.eventsFrom,
      republish,
      onResponse: input.onResponse,
    });
  }

  get progress(): SimulationProgress {
    return { done: this.next, total: this.profiles.length };
  }

  /** The forecast run under way (0 outside forecasts), for observers that count per run. */
  get run(): number {
    return this.forecast.run;
  }

  /** Simulates up to `count` more profiles (in every run); true while some remain. */
  advance(count: number): boolean {
    const { profiles, store, forecast } = this;
    const stop = Math.min(profiles.length, this.next + count);
    for (let index = this.next; index < stop; index++) {
      const id = (profiles[index] as Profile).id;
      forecast.profile(
        (run, from) => this.replay.replay(index, run, from),
        () => store.enrollmentsOf(id),
      );
      if (this.input.onProgress && (index + 1) % 20_000 === 0)
        this.input.onProgress(index + 1, profiles.length);
    }
    store.clear();
    this.next = stop;
    return stop < profiles.length;
  }

  result(): SimulationResult {
    const counts = journeyRunCounts(this.forecast, {
      window: this.window,
      profiles: this.profiles.length,
      seed: this.seed,
      events: { replayed: this.replay.replayed, history: this.replay.history },
      warnings: [windowWarning(this.input.journey, this.window)].filter((w) => w !== undefined),
    });
    const first = (counts[0] as RunCounts).report;
    const steps = Object.values(first.nodes).reduce((sum, n) => sum + n.entered, 0);
    const forecasting = this.forecast.runs > 1 || this.input.assumptions !== undefined;
    return {
      report: forecasting ? forecastReport(counts, this.input.assumptions ?? []) : first,
      traces: this.traces.all(),
      messages: this.store.messages,
      steps,
      ...(forecasting && { runs: counts }),
    };
  }
}

/** Progress of a simulation: profiles done, and in all. */
export interface SimulationProgress {
  done: number;
  total: number;
}
