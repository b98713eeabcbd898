import type { CompiledJourney } from '../runtime/compiled-journey';
import type { Enrollment, StepObserver, StepRecord } from '../runtime/ports';
import type { MemoryStore } from '../simulator/memory-store';
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
   * Simulates one profile in every run: `replay(run)` runs it once (the simulator's loop), and
   * this decides which runs need it and counts the profile's end in each.
   */
  profile(replay: (run: number) => void, enrollments: () => readonly Enrollment[]): void {
    const { store } = this.options;
    this.recording?.clear();
    this.select(0);
    replay(0);
    const ended = enrollments();
    this.accumulator.finishProfile(ended);
    if (!this.recording || !this.shared) return;
    if (!this.responses?.drew) {
      this.recording.finishProfile(ended);
      this.recording.replayInto(this.shared);
      return;
    }
    store.keepsMessages = false;
    for (let run = 1; run < this.runs; run++) {
      this.select(run);
      replay(run);
      this.accumulator.finishProfile(enrollments());
    }
    store.keepsMessages = true;
    this.select(0);
  }

  private select(run: number): void {
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
