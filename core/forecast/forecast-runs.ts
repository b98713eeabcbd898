import type { CompiledJourney } from '../runtime/compiled-journey';
import type { Enrollment, StepObserver, StepRecord } from '../runtime/ports';
import type { MemoryStore, StoreSnapshot } from '../simulator/memory-store';
import type { Assumption } from './assumptions';
import { planOf, type ForecastPlan } from './plan';
import { Responses } from './responses';
import {
  LocalDays,
  mergeRunCounts,
  ProfileRecording,
  RunAccumulator,
  type Applying,
  type RunCounts,
} from './run-counts';

/** Most runs a forecast does. */
export const MAX_RUNS = 10_000;
/** Most runs the app offers: enough for stable P10/P90 and a 95% interval. */
export const MAX_APP_RUNS = 1_000;

/** Hands every record to the observers of the run under way. */
class RunSwitch implements StepObserver {
  target: StepObserver;
  constructor(first: StepObserver) {
    this.target = first;
  }
  record(step: StepRecord): void {
    this.target.record(step);
  }
}

class FanOut implements StepObserver {
  constructor(private readonly observers: readonly StepObserver[]) {}
  record(step: StepRecord): void {
    for (const observer of this.observers) observer.record(step);
  }
}

function fan(observers: readonly StepObserver[]): StepObserver {
  return observers.length === 1 ? (observers[0] as StepObserver) : new FanOut(observers);
}

/**
 * Where a profile's runs part: the state before the unit of work in which run 0 drew its first
 * response. Everything before it is the same in every run.
 */
export interface ForkPoint {
  store: StoreSnapshot;
  /** The profile's next observed event (its index in the cohort's events). */
  next: number;
  /** Whether the journeys were started for the profile already. */
  started: boolean;
  /** Times of the messages the profile received before it. */
  sent: readonly number[];
  /** How many of run 0's records came before it. */
  recorded: number;
}

export interface ForecastRunsOptions {
  journey: CompiledJourney;
  store: MemoryStore;
  seed: number;
  /** Runs 0…runs−1 (1 by default). */
  runs?: number;
  /** What the response model draws from; undefined or empty: nobody responds. */
  assumptions?: readonly Assumption[];
  /** Observers of run 0 only (traces). */
  firstRunObservers: readonly StepObserver[];
  /** Observers of every run (hosts that watch a simulation). */
  everyRunObservers: readonly StepObserver[];
  /**
   * Whether the runs of a profile share the steps before its first response (true by default);
   * false simulates every run from the start. The results are the same; false is for checking
   * exactly that.
   */
  shareFirstSteps?: boolean;
  /** Told when a run starts or resumes (the store switches to the run's own winners). */
  onRun?: (run: number) => void;
}

/**
 * The runs of a forecast and how they are counted, for the simulator (simulate.ts), which runs
 * each profile through every run before the next profile (profile-major: inputs are read once,
 * and a profile's events stay at hand). Each run counts into its own accumulator.
 *
 * A profile none of whose messages can respond goes the same way in every run: it is simulated
 * once, and its records are counted once more into a part shared by the runs after the first.
 * When nothing can respond at all, one run is simulated and counted as every run.
 */
export class ForecastRuns {
  readonly runs: number;
  readonly plan: ForecastPlan | undefined;
  /** The response model, when something can respond. */
  readonly responses: Responses | undefined;
  /** The event being applied, read by the accumulators when a conversion is recorded. */
  readonly applying: Applying = { event: undefined, caused: false };
  /** What the interpreter reports to. */
  readonly observer: StepObserver;
  private readonly accumulators: RunAccumulator[];
  private readonly observers: StepObserver[];
  private readonly switch: RunSwitch | undefined;
  private readonly recording: ProfileRecording | undefined;
  private readonly shared: RunAccumulator | undefined;
  private current = 0;
  private fork: ForkPoint | undefined;

  constructor(private readonly options: ForecastRunsOptions) {
    const { journey, store, seed } = options;
    this.runs = options.runs ?? 1;
    this.plan = options.assumptions && planOf(journey, options.assumptions);
    const days = new LocalDays(journey.settings.timezone);
    const simulated = this.plan ? this.runs : 1;
    this.accumulators = Array.from(
      { length: simulated },
      () => new RunAccumulator(journey, this.applying, days),
    );
    this.responses =
      this.plan && new Responses(this.plan, seed, journey.id, (id) => store.getEnrollment(id));
    if (simulated > 1) {
      this.recording = new ProfileRecording(this.applying);
      this.shared = new RunAccumulator(journey, this.applying, days);
    }
    const extra = this.responses ? [this.responses] : [];
    this.observers = this.accumulators.map((accumulator, run) =>
      fan([
        accumulator,
        ...(run === 0 ? options.firstRunObservers : []),
        ...(run === 0 && this.recording ? [this.recording] : []),
        ...extra,
        ...options.everyRunObservers,
      ]),
    );
    const first = this.observers[0] as StepObserver;
    this.switch = simulated > 1 ? new RunSwitch(first) : undefined;
    this.observer = this.switch ?? first;
  }

  /** The run under way. */
  get run(): number {
    return this.current;
  }

  /** The accumulator of the run under way. */
  get accumulator(): RunAccumulator {
    return this.accumulators[this.current] as RunAccumulator;
  }

  /**
   * Whether the simulator should mark where the runs may part (`mark`) before its next unit of
   * work: in run 0, until the profile's first response is drawn, when a step was taken since the
   * last mark. Any mark before the first response is a right place to part (the later runs
   * simulate again what follows it); the latest saves the most, but units that take no step
   * (page views no journey reads) are not worth a copy of the state.
   */
  get marking(): boolean {
    return (
      this.current === 0 &&
      this.recording !== undefined &&
      this.options.shareFirstSteps !== false &&
      this.responses?.drew === false &&
      (this.fork === undefined || this.recording.length > this.fork.recorded)
    );
  }

  /** Notes the state before the next unit of work as where the runs part, if it is the last. */
  mark(point: Omit<ForkPoint, 'recorded'>): void {
    this.fork = { ...point, recorded: this.recording?.length ?? 0 };
  }

  /**
   * Simulates one profile in every run: `replay(run, from)` runs it once (the simulator's loop),
   * from the start or from where the runs part; this decides which runs need it and counts the
   * profile's end in each.
   */
  profile(
    replay: (run: number, from?: ForkPoint) => void,
    enrollments: () => readonly Enrollment[],
  ): void {
    const { store } = this.options;
    this.recording?.clear();
    this.fork = undefined;
    this.select(0);
    replay(0);
    const ended = enrollments();
    this.accumulator.finishProfile(ended);
    const { recording, shared } = this;
    if (!recording || !shared) return;
    if (!this.responses?.drew) {
      recording.finishProfile(ended);
      recording.replayInto(shared);
      return;
    }
    // The steps before the runs part are the same in every run: counted once for the others.
    // (Set by `mark` while run 0 went; TypeScript cannot see through the call.)
    const fork = this.fork as ForkPoint | undefined;
    if (fork) recording.replayInto(shared, fork.recorded);
    store.keepsMessages = false;
    for (let run = 1; run < this.runs; run++) {
      this.select(run);
      replay(run, fork);
      this.accumulator.finishProfile(enrollments());
    }
    store.keepsMessages = true;
    this.select(0);
  }

  private select(run: number): void {
    if (run !== this.current) this.options.onRun?.(run);
    this.current = run;
    if (this.switch) this.switch.target = this.observers[run] as StepObserver;
  }

  /** Each run's counts, run 0 first; `context` is the report's, for the whole cohort. */
  counts(context: Parameters<RunAccumulator['build']>[0]): RunCounts[] {
    const first = (this.accumulators[0] as RunAccumulator).build(context);
    if (!this.shared) return Array.from({ length: this.runs }, () => first);
    const shared = this.shared.build({
      ...context,
      profiles: 0,
      events: { replayed: 0, history: 0 },
    });
    return this.accumulators.map((accumulator, run) =>
      run === 0 ? first : mergeRunCounts([accumulator.build(context), shared]),
    );
  }
}
