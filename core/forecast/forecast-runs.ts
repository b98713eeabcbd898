import type { CompiledJourney } from '../runtime/compiled-journey';
import type { Enrollment, StepObserver, StepRecord } from '../runtime/ports';
import type { MemoryStore, StoreSnapshot } from '../simulator/memory-store';
import type { ForecastPlan } from './plan';
import { Responses } from './responses';
import {
  LocalDays,
  mergeRunCounts,
  ProfileRecording,
  RunAccumulator,
  type Applying,
  type RunCounter,
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

/** Hands every record to a run's observers and to the recording of its path (see `quiet`). */
class Tee implements StepObserver {
  constructor(
    public first: StepObserver,
    public readonly second: StepObserver,
  ) {}
  record(step: StepRecord): void {
    this.first.record(step);
    this.second.record(step);
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
 * Where a profile's runs part: the state after the unit of work in which run 0 drew its first
 * responses. Everything up to there is the same in every run but those draws, which each run
 * makes again for the messages of that unit.
 */
export interface ForkPoint {
  store: StoreSnapshot;
  /** The profile's next observed event (its index in the cohort's events). */
  next: number;
  /** Whether the journeys were started for the profile already. */
  started: boolean;
  /** Times of the messages the profile received before that unit. */
  sent: readonly number[];
  /** Run 0's records of that unit: each later run draws for their messages again. */
  drawn: readonly StepRecord[];
  /** What a caused order of each of those messages was worth (`Responses.values`). */
  values: readonly (number | undefined)[];
  /** How many of run 0's records came before the runs part. */
  recorded: number;
}

/**
 * How the runs of a forecast are counted: one journey's accumulator per run, or a portfolio's set
 * of them (simulator/portfolio-runs.ts).
 */
export interface RunCounting<C extends RunCounter> {
  /** The event being applied, which counters read when a conversion is recorded. */
  applying: Applying;
  /** A new run's counts; also the part the runs after the first share. */
  counter(): C;
  /**
   * Where the steps before the runs part are counted, once, for every later run: the shared
   * part, or what of it adds up over pieces of a profile's path.
   */
  prefix(shared: C): RunCounter;
  /**
   * Starts a profile in a run's counts; the run resumes after the first `upTo` records of run
   * 0's (`before`), or starts from the beginning (0).
   */
  begin?(counter: C, before: ProfileRecording | undefined, upTo: number): void;
}

export interface ForecastRunsOptions<C extends RunCounter> {
  store: MemoryStore;
  seed: number;
  /** Runs 0…runs−1 (1 by default). */
  runs?: number;
  /** What the response model draws from, by journey id; empty: nobody responds. */
  plans: ReadonlyMap<string, ForecastPlan>;
  counting: RunCounting<C>;
  /** Observers of run 0 only (traces). */
  firstRunObservers: readonly StepObserver[];
  /** Observers of every run (hosts that watch a simulation). */
  everyRunObservers: readonly StepObserver[];
  /**
   * Whether the runs of a profile share the steps up to its first draw, and the path of runs that
   * draw no response there (true by default); false simulates every run from the start. The
   * results are the same; false is for checking exactly that.
   */
  shareFirstSteps?: boolean;
  /** Told when a run starts or resumes (the store switches to the run's own winners). */
  onRun?: (run: number) => void;
}

/**
 * The runs of a forecast and how they are counted, for the simulators (simulate.ts, one journey;
 * portfolio.ts, several together), which run each profile through every run before the next
 * profile (profile-major: inputs are read once, and a profile's events stay at hand). Each run
 * counts into its own counter.
 *
 * A profile none of whose messages can respond goes the same way in every run: it is simulated
 * once, and its records are counted once more into a part shared by the runs after the first.
 * When nothing can respond at all, one run is simulated and counted as every run.
 */
export class ForecastRuns<C extends RunCounter> {
  readonly runs: number;
  /** The response model, when something can respond. */
  readonly responses: Responses | undefined;
  /** The event being applied, read by the counters when a conversion is recorded. */
  readonly applying: Applying;
  /** What the interpreter reports to. */
  readonly observer: StepObserver;
  private readonly counters: C[];
  private readonly observers: StepObserver[];
  private readonly switch: RunSwitch | undefined;
  private readonly recording: ProfileRecording | undefined;
  private readonly shared: C | undefined;
  private current = 0;
  private fork: ForkPoint | undefined;
  /** Run 0's records and messages received before the unit of work under way. */
  private unitRecords = 0;
  private unitSent = 0;
  private unitValues = 0;
  /**
   * The path of a later run that draws no response where the runs part, recorded from the first
   * such run of the profile: every other such run goes the same way, unless the path draws
   * again (then each is simulated). Undefined when hosts watch every run.
   */
  private readonly quiet: ProfileRecording | undefined;
  private readonly quietTee: Tee | undefined;
  private quietPath: 'none' | 'recording' | 'ready' | 'drew' = 'none';
  /** Responses drawn before the quiet path was recorded. */
  private quietDraws = 0;
  /** Whether the run under way was counted from the quiet path rather than simulated. */
  private counted = false;

  constructor(private readonly options: ForecastRunsOptions<C>) {
    const { store, seed, plans, counting } = options;
    this.runs = options.runs ?? 1;
    this.applying = counting.applying;
    const simulated = plans.size > 0 ? this.runs : 1;
    this.counters = Array.from({ length: simulated }, () => counting.counter());
    this.responses =
      plans.size > 0 ? new Responses(plans, seed, (id) => store.getEnrollment(id)) : undefined;
    if (simulated > 1) {
      this.recording = new ProfileRecording(this.applying);
      this.shared = counting.counter();
      if (options.everyRunObservers.length === 0) {
        this.quiet = new ProfileRecording(this.applying);
        this.quietTee = new Tee(this.quiet, this.quiet);
      }
    }
    const extra = this.responses ? [this.responses] : [];
    this.observers = this.counters.map((counter, run) =>
      fan([
        counter,
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

  /** The counter of the run under way. */
  get counter(): C {
    return this.counters[this.current] as C;
  }

  /**
   * Whether the simulator should tell the units of work it does (`beforeUnit`) and mark where
   * the runs part (`mark`) after one that drew responses: in run 0, until the runs part. A unit
   * of work only queues the responses it draws, so up to its end every run goes the same way;
   * only what each run draws differs, and that is drawn again per run (`resume`).
   */
  get watching(): boolean {
    return (
      this.current === 0 &&
      this.fork === undefined &&
      this.recording !== undefined &&
      this.options.shareFirstSteps !== false
    );
  }

  /** Notes where the next unit of work of run 0 begins, in case it draws. */
  beforeUnit(): void {
    this.unitRecords = (this.recording as ProfileRecording).length;
    this.unitSent = this.responses?.sent.length ?? 0;
    this.unitValues = this.responses?.values.length ?? 0;
  }

  /** Whether the unit of work just done drew responses: then the runs part after it (`mark`). */
  get drew(): boolean {
    return this.responses?.drew === true;
  }

  /** Notes the state after the unit of work that drew first as where the runs part. */
  mark(point: Pick<ForkPoint, 'store' | 'next' | 'started'>): void {
    // (The unit's messages are the records since `beforeUnit`; Responses drew for them in order.)
    this.fork = {
      ...point,
      sent: this.responses?.sent.slice(0, this.unitSent) ?? [],
      drawn: this.recording?.slice(this.unitRecords, this.recording.length) ?? [],
      values: this.responses?.values.slice(this.unitValues) ?? [],
      recorded: this.recording?.length ?? 0,
    };
  }

  /**
   * Starts a later run where the runs part: the messages of the unit of work that drew first
   * are drawn for again, in this run (after `Responses.begin`). Returns whether the run is to be
   * simulated from there; if not, it took the quiet path and was counted from it.
   */
  resume(fork: ForkPoint): boolean {
    const { responses, quiet, quietTee } = this;
    if (!responses) return true;
    responses.drawAgain(fork.drawn, fork.values);
    if (!quiet || !quietTee || responses.nextTime() !== undefined) return true;
    if (this.quietPath === 'ready') {
      quiet.replayInto(this.counter);
      this.counted = true;
      return false;
    }
    if (this.quietPath === 'none') {
      this.quietPath = 'recording';
      this.quietDraws = responses.drawn;
      quietTee.first = this.observers[this.current] as StepObserver;
      (this.switch as RunSwitch).target = quietTee;
    }
    return true;
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
    const { store, counting } = this.options;
    const { recording, shared } = this;
    recording?.clear();
    this.fork = undefined;
    this.select(0);
    counting.begin?.(this.counter, recording, 0);
    replay(0);
    const ended = enrollments();
    this.counter.finishProfile(ended);
    if (!recording || !shared) return;
    if (!this.responses?.drew) {
      recording.finishProfile(ended);
      counting.begin?.(shared, recording, 0);
      recording.replayInto(shared);
      return;
    }
    // The steps before the runs part are the same in every run: counted once for the others.
    // (Set by `mark` while run 0 went; TypeScript cannot see through the call. Without it —
    // runs that do not share their first steps — every run goes from the start.)
    const fork = this.fork as ForkPoint | undefined;
    if (fork) recording.replayInto(counting.prefix(shared), fork.recorded);
    this.forgetQuietPath();
    store.keepsMessages = false;
    for (let run = 1; run < this.runs; run++) {
      this.select(run);
      counting.begin?.(this.counter, recording, fork?.recorded ?? 0);
      replay(run, fork);
      if (this.counted) {
        this.counted = false;
        continue;
      }
      const ended = enrollments();
      if (this.quietPath === 'recording') this.endQuietPath(ended);
      this.counter.finishProfile(ended);
    }
    store.keepsMessages = true;
    this.select(0);
  }

  private forgetQuietPath(): void {
    this.quiet?.clear();
    this.quietPath = 'none';
  }

  /** The quiet path ends with the run that recorded it; usable if it drew nothing more. */
  private endQuietPath(ended: readonly Enrollment[]): void {
    if ((this.responses as Responses).drawn === this.quietDraws) {
      this.quietPath = 'ready';
      (this.quiet as ProfileRecording).finishProfile(ended);
    } else this.quietPath = 'drew';
  }

  private select(run: number): void {
    if (run !== this.current) this.options.onRun?.(run);
    this.current = run;
    if (this.switch) this.switch.target = this.observers[run] as StepObserver;
  }

  /** Each run's counter (run 0 first; one when nothing can respond), and the part later runs share. */
  get parts(): { runs: readonly C[]; shared: C | undefined } {
    return { runs: this.counters, shared: this.shared };
  }
}

/** One journey's runs, each counted by a `RunAccumulator`. */
export function journeyCounting(journey: CompiledJourney): RunCounting<RunAccumulator> {
  const applying: Applying = { event: undefined, caused: false };
  const days = new LocalDays(journey.settings.timezone);
  return {
    applying,
    counter: () => new RunAccumulator(journey, applying, days),
    prefix: (shared) => shared,
  };
}

/**
 * Each run's counts of one journey, run 0 first; `context` is the report's, for the whole
 * cohort.
 */
export function journeyRunCounts(
  forecast: ForecastRuns<RunAccumulator>,
  context: Parameters<RunAccumulator['build']>[0],
): RunCounts[] {
  const { runs, shared } = forecast.parts;
  const first = (runs[0] as RunAccumulator).build(context);
  if (!shared) return Array.from({ length: forecast.runs }, () => first);
  const rest = shared.build({ ...context, profiles: 0, events: { replayed: 0, history: 0 } });
  return runs.map((accumulator, run) =>
    run === 0 ? first : mergeRunCounts([accumulator.build(context), rest]),
  );
}
