import type { Assumption } from '../forecast/assumptions';
import { planOf, type ForecastPlan } from '../forecast/plan';
import type { PortfolioRunCounts } from '../forecast/portfolio-forecast';
import { Responses } from '../forecast/responses';
import {
  LocalDays,
  mergeRunCounts,
  ProfileRecording,
  RunAccumulator,
  type Applying,
  type RunCounts,
} from '../forecast/run-counts';
import type { CompiledJourney } from '../runtime/compiled-journey';
import type { Enrollment, StepObserver, StepRecord } from '../runtime/ports';
import type { MemoryStore } from './memory-store';
import { addTallies, PortfolioWatch } from './portfolio-watch';

/** One run of a portfolio, counted: each journey's accumulator, and the watch of them all. */
class RunSet implements StepObserver {
  readonly accumulators = new Map<string, RunAccumulator>();
  readonly watch: PortfolioWatch;

  constructor(
    journeys: readonly CompiledJourney[],
    applying: Applying,
    days: (journey: CompiledJourney) => LocalDays,
    window: { start: number; end: number },
  ) {
    for (const journey of journeys)
      this.accumulators.set(journey.id, new RunAccumulator(journey, applying, days(journey)));
    this.watch = new PortfolioWatch(window);
  }

  record(step: StepRecord): void {
    this.accumulators.get(step.journeyId)?.record(step);
    this.watch.record(step);
  }

  /** Ends the person under way: their days, and where they still wait in each journey. */
  finishProfile(enrollments: readonly Enrollment[]): void {
    this.watch.finishProfile();
    for (const enrollment of enrollments)
      if (enrollment.status === 'active')
        this.accumulators.get(enrollment.journeyId)?.finishProfile([enrollment]);
  }
}

/**
 * One person's run 0, kept to be counted again: a person none of whose messages could respond
 * goes the same way in every run, so they are simulated once and counted once more for the rest.
 */
class PortfolioRecording implements StepObserver {
  private readonly journeys = new Map<string, ProfileRecording>();
  /** What the watch counts: messages and the policy's skips. */
  private readonly watched: StepRecord[] = [];
  private zone = 'UTC';

  constructor(journeys: readonly CompiledJourney[], applying: Applying) {
    for (const journey of journeys) this.journeys.set(journey.id, new ProfileRecording(applying));
  }

  begin(zone: string): void {
    this.zone = zone;
    for (const recording of this.journeys.values()) recording.clear();
    this.watched.length = 0;
  }

  record(step: StepRecord): void {
    this.journeys.get(step.journeyId)?.record(step);
    if (step.type === 'message' || (step.type === 'skip' && step.reason === 'policy'))
      this.watched.push(step);
  }

  finishProfile(enrollments: readonly Enrollment[]): void {
    for (const [id, recording] of this.journeys)
      recording.finishProfile(enrollments.filter((e) => e.journeyId === id));
  }

  replayInto(set: RunSet): void {
    for (const [id, recording] of this.journeys)
      recording.replayInto(set.accumulators.get(id) as RunAccumulator);
    set.watch.beginProfile(this.zone);
    for (const step of this.watched) set.watch.record(step);
    set.watch.finishProfile();
  }
}

class Switch implements StepObserver {
  constructor(public target: StepObserver) {}
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

export interface PortfolioRunsOptions {
  /** The journeys simulated together. */
  journeys: readonly CompiledJourney[];
  store: MemoryStore;
  seed: number;
  window: { start: number; end: number };
  /** Runs 0…runs−1. */
  runs: number;
  /** Each journey's assumptions, by journey id; none: nobody responds. */
  assumptions?: Readonly<Record<string, readonly Assumption[]>>;
  /** Observers of run 0 only (traces). */
  firstRunObservers: readonly StepObserver[];
  /** Observers of every run simulated. */
  everyRunObservers: readonly StepObserver[];
}

/**
 * The runs of a portfolio's forecast (DESIGN §7 over §8): each person is simulated through every
 * journey in run 0, then, if a message of theirs could respond, in each later run from the start
 * (the draws are keyed, so a run is the same whichever way it is reached); a person none of whose
 * messages could respond is counted once more into a part every later run shares. Memory stays one
 * person's state, and counts per run.
 */
export class PortfolioRuns {
  readonly runs: number;
  /** The response model, when a message of some journey can respond. */
  readonly responses: Responses | undefined;
  /** The event being applied, read by the accumulators when a conversion is recorded. */
  readonly applying: Applying = { event: undefined, caused: false };
  /** What the interpreter reports to. */
  readonly observer: StepObserver;
  private readonly sets: RunSet[];
  private readonly observers: StepObserver[];
  private readonly switch: Switch;
  private readonly shared: RunSet | undefined;
  private readonly recording: PortfolioRecording | undefined;
  private current = 0;

  constructor(private readonly options: PortfolioRunsOptions) {
    const { journeys, store, seed, window } = options;
    this.runs = options.runs;
    const plans = new Map<string, ForecastPlan>();
    for (const journey of journeys) {
      const assumptions = options.assumptions?.[journey.id];
      const plan = assumptions && planOf(journey, assumptions);
      if (plan) plans.set(journey.id, plan);
    }
    this.responses =
      plans.size > 0 ? new Responses(plans, seed, (id) => store.getEnrollment(id)) : undefined;
    const zones = new Map<string, LocalDays>();
    const days = (journey: CompiledJourney) => {
      const zone = journey.settings.timezone;
      let local = zones.get(zone);
      if (!local) zones.set(zone, (local = new LocalDays(zone)));
      return local;
    };
    const simulated = this.responses ? this.runs : 1;
    const set = () => new RunSet(journeys, this.applying, days, window);
    this.sets = Array.from({ length: simulated }, set);
    if (simulated > 1) {
      this.shared = set();
      this.recording = new PortfolioRecording(journeys, this.applying);
    }
    const extra = this.responses ? [this.responses] : [];
    this.observers = this.sets.map((one, run) => {
      const all = [
        one,
        ...(run === 0 ? options.firstRunObservers : []),
        ...(run === 0 && this.recording ? [this.recording] : []),
        ...extra,
        ...options.everyRunObservers,
      ];
      return all.length === 1 ? one : new FanOut(all);
    });
    this.switch = new Switch(this.observers[0] as StepObserver);
    this.observer = this.switch;
  }

  /** The run under way. */
  get run(): number {
    return this.current;
  }

  /** The accumulator of a journey in the run under way. */
  accumulator(journeyId: string): RunAccumulator | undefined {
    return this.sets[this.current]?.accumulators.get(journeyId);
  }

  /**
   * Simulates one person in every run: `replay(run)` runs them once, from the start of the window
   * (the simulator's loop); `zone` is the zone of their local days.
   */
  profile(
    replay: (run: number) => void,
    enrollments: () => readonly Enrollment[],
    zone: string,
  ): void {
    const { recording, shared, sets } = this;
    recording?.begin(zone);
    this.select(0);
    (sets[0] as RunSet).watch.beginProfile(zone);
    replay(0);
    (sets[0] as RunSet).finishProfile(enrollments());
    if (!recording || !shared) return;
    if (!this.responses?.drew) {
      recording.finishProfile(enrollments());
      recording.replayInto(shared);
      return;
    }
    const { store } = this.options;
    store.keepsMessages = false;
    for (let run = 1; run < this.runs; run++) {
      this.select(run);
      const set = sets[run] as RunSet;
      set.watch.beginProfile(zone);
      replay(run);
      set.finishProfile(enrollments());
    }
    store.keepsMessages = true;
    this.select(0);
  }

  private select(run: number): void {
    this.current = run;
    this.switch.target = this.observers[run] as StepObserver;
  }

  /** Each run's counts, run 0 first; `context` gives each journey's report context. */
  counts(
    context: (journey: string) => Parameters<RunAccumulator['build']>[0],
  ): PortfolioRunCounts[] {
    const build = (set: RunSet, zero: boolean): PortfolioRunCounts => {
      const journeys: Record<string, RunCounts> = {};
      for (const [id, accumulator] of set.accumulators) {
        const own = context(id);
        journeys[id] = accumulator.build(
          zero ? { ...own, profiles: 0, events: { replayed: 0, history: 0 } } : own,
        );
      }
      return { journeys, tally: set.watch.tally() };
    };
    const first = build(this.sets[0] as RunSet, false);
    if (!this.shared) return Array.from({ length: this.runs }, () => first);
    const shared = build(this.shared, true);
    return this.sets.map((set, run) => {
      if (run === 0) return first;
      const own = build(set, false);
      return {
        journeys: Object.fromEntries(
          Object.entries(own.journeys).map(([id, counts]) => [
            id,
            mergeRunCounts([counts, shared.journeys[id] as RunCounts]),
          ]),
        ),
        tally: addTallies(own.tally, shared.tally),
      };
    });
  }
}
