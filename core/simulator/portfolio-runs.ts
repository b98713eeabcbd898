import type { Assumption } from '../forecast/assumptions';
import type { ForecastRuns, RunCounting } from '../forecast/forecast-runs';
import { planOf, type ForecastPlan } from '../forecast/plan';
import type { PortfolioRunCounts } from '../forecast/portfolio-forecast';
import type { PendingResponse } from '../forecast/responses';
import {
  LocalDays,
  mergeRunCounts,
  RunAccumulator,
  type Applying,
  type ProfileRecording,
  type RunCounter,
  type RunCounts,
} from '../forecast/run-counts';
import type { CompiledJourney } from '../runtime/compiled-journey';
import type { Enrollment, StepRecord } from '../runtime/ports';
import { addTallies, PortfolioWatch } from './portfolio-watch';

/**
 * One run of a portfolio, counted: each journey's accumulator, and the watch of them all (none in
 * the view that counts only the journeys, `journeysOnly`).
 */
export class RunSet implements RunCounter {
  private view: RunSet | undefined;

  constructor(
    readonly accumulators: ReadonlyMap<string, RunAccumulator>,
    readonly watch: PortfolioWatch | undefined,
  ) {}

  record(step: StepRecord): void {
    this.accumulators.get(step.journeyId)?.record(step);
    this.watch?.record(step);
  }

  responded(response: PendingResponse): void {
    this.accumulators.get(response.journeyId)?.responded(response);
  }

  /** Ends the person under way: their days, and where they still wait in each journey. */
  finishProfile(enrollments: readonly Enrollment[]): void {
    this.watch?.finishProfile();
    for (const enrollment of enrollments)
      if (enrollment.status === 'active')
        this.accumulators.get(enrollment.journeyId)?.finishProfile([enrollment]);
  }

  /**
   * The same journeys' counts without the watch: a person's days are counted whole in each run,
   * since two messages on one day are not two days of one message each.
   */
  get journeysOnly(): RunSet {
    return (this.view ??= new RunSet(this.accumulators, undefined));
  }
}

/**
 * How a portfolio's forecast runs are counted (`ForecastRuns` over several journeys): each run
 * in a `RunSet`. The steps before the runs part are counted once into the journeys' shared
 * part; each later run's watch takes them again, to count the person's days whole.
 */
export class PortfolioCounting implements RunCounting<RunSet> {
  readonly applying: Applying = { event: undefined, caused: false };
  /** The zone of the local days of the person under way. */
  zone = 'UTC';
  private readonly zones = new Map<string, LocalDays>();

  constructor(
    private readonly journeys: readonly CompiledJourney[],
    private readonly window: { start: number; end: number },
  ) {}

  private days(journey: CompiledJourney): LocalDays {
    const zone = journey.settings.timezone;
    let local = this.zones.get(zone);
    if (!local) this.zones.set(zone, (local = new LocalDays(zone)));
    return local;
  }

  counter(): RunSet {
    const accumulators = new Map<string, RunAccumulator>();
    for (const journey of this.journeys)
      accumulators.set(journey.id, new RunAccumulator(journey, this.applying, this.days(journey)));
    return new RunSet(accumulators, new PortfolioWatch(this.window));
  }

  prefix(shared: RunSet): RunCounter {
    return shared.journeysOnly;
  }

  begin(counter: RunSet, before: ProfileRecording | undefined, upTo: number): void {
    const { watch } = counter;
    if (!watch) return;
    watch.beginProfile(this.zone);
    if (upTo > 0) before?.forEach(upTo, (step) => watch.record(step));
  }
}

/** Each journey's response plan, by journey id (journeys that assume nothing have none). */
export function portfolioPlans(
  journeys: readonly CompiledJourney[],
  assumptions: Readonly<Record<string, readonly Assumption[]>> | undefined,
): Map<string, ForecastPlan> {
  const plans = new Map<string, ForecastPlan>();
  for (const journey of journeys) {
    const assumed = assumptions?.[journey.id];
    const plan = assumed && planOf(journey, assumed);
    if (plan) plans.set(journey.id, plan);
  }
  return plans;
}

/** Each run's counts, run 0 first; `context` gives each journey's report context. */
export function portfolioRunCounts(
  forecast: ForecastRuns<RunSet>,
  context: (journey: string) => Parameters<RunAccumulator['build']>[0],
): PortfolioRunCounts[] {
  const { runs, shared } = forecast.parts;
  const build = (set: RunSet, zero: boolean): PortfolioRunCounts => {
    const journeys: Record<string, RunCounts> = {};
    for (const [id, accumulator] of set.accumulators) {
      const own = context(id);
      journeys[id] = accumulator.build(
        zero ? { ...own, profiles: 0, events: { replayed: 0, history: 0 } } : own,
      );
    }
    return { journeys, tally: (set.watch as PortfolioWatch).tally() };
  };
  const first = build(runs[0] as RunSet, false);
  if (!shared) return Array.from({ length: forecast.runs }, () => first);
  const common = build(shared, true);
  return runs.map((set, run) => {
    if (run === 0) return first;
    const own = build(set, false);
    return {
      journeys: Object.fromEntries(
        Object.entries(own.journeys).map(([id, counts]) => [
          id,
          mergeRunCounts([counts, common.journeys[id] as RunCounts]),
        ]),
      ),
      tally: addTallies(own.tally, common.tally),
    };
  });
}
