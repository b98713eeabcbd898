import type { Assumption } from '../forecast/assumptions';
import type { WinnerDecision } from '../forecast/auto-winner';
import { forecastReport } from '../forecast/forecast-report';
import { ForecastRuns, MAX_RUNS } from '../forecast/forecast-runs';
import {
  portfolioForecastOf,
  type PortfolioForecast,
  type PortfolioRunCounts,
} from '../forecast/portfolio-forecast';
import type { JourneyEvent } from '../model/event';
import type { Journey } from '../model/journey';
import { isValidTimeZone } from '../model/local-time';
import type { Profile } from '../model/profile';
import { NO_POLICY, type SendingPolicy } from '../policy/sending-policy';
import { compileJourney, type CompiledJourney } from '../runtime/compiled-journey';
import { Interpreter, fixedCatalog } from '../runtime/interpreter';
import type { OutboxMessage, StepObserver } from '../runtime/ports';
import { cohort } from './cohort';
import { MemoryStore } from './memory-store';
import {
  PortfolioCounting,
  portfolioPlans,
  portfolioRunCounts,
  type RunSet,
} from './portfolio-runs';
import { ProfileReplay } from './profile-replay';
import { summaryOf, type PortfolioSummary } from './portfolio-watch';
import type { SimulationReport } from './report';
import { SimulationInputError, windowOf, type SimulationProgress } from './simulate';
import { TraceRecorder, type TraceStep } from './trace';
import { windowWarning } from './window';
import { autoWinnerSplits } from './winner-passes';

/** Several journeys on one cohort (DESIGN §8), with the library's sending policy. */
export interface PortfolioInput {
  journeys: readonly Journey[];
  profiles?: Iterable<Profile>;
  /** Events in any order; those before `start` are history, those in [start, end] are replayed. */
  events?: readonly JourneyEvent[];
  start?: number;
  end?: number;
  seed?: number;
  policy?: SendingPolicy;
  /** Profiles whose path (through every journey) to record step by step, or `'all'`. */
  trace?: ReadonlySet<string> | 'all';
  keepMessages?: number;
  /** Suppressed addresses as `channel:address`. */
  suppressed?: Iterable<string>;
  /** Automatic winners decided beforehand, by `winnerKey(journey, node)`. */
  winners?: Readonly<Record<string, WinnerDecision>>;
  /** Further observers of every step (in a forecast, of every run simulated). */
  observers?: readonly StepObserver[];
  onProgress?: (done: number, total: number) => void;
  /** A forecast's runs (DESIGN §7): every person is simulated in runs 0…runs−1. 1 by default. */
  runs?: number;
  /**
   * Whether a forecast's runs share the steps up to each person's first draw, and the path of
   * runs that draw no response there (true by default, as for one journey); false simulates every
   * run from the start, for checking that the result is the same.
   */
  shareFirstSteps?: boolean;
  /**
   * What simulated people respond with, per journey id (forecast/assumptions.ts). Given (even
   * empty), or with more than one run, each journey's report adds `forecast` and `assumptions`,
   * and the portfolio's `forecast`; left out with one run, nobody responds.
   */
  assumptions?: Readonly<Record<string, readonly Assumption[]>>;
}

/** The report of a portfolio (DESIGN §8): each journey's report of §4, and what they do together. */
export interface PortfolioReport {
  window: { start: string; end: string };
  profiles: number;
  seed: number;
  /** The sending policy simulated under. */
  policy: SendingPolicy;
  journeys: Record<string, SimulationReport>;
  /** What they did together (run 0's), and in a forecast its figures over the runs. */
  portfolio: PortfolioSummary & { forecast?: PortfolioForecast };
}

export interface PortfolioResult {
  report: PortfolioReport;
  traces: ReadonlyMap<string, TraceStep[]>;
  messages: readonly OutboxMessage[];
  /** Node arrivals processed in run 0, over every journey. */
  steps: number;
  /** Each run's counts (run 0 first; one run outside forecasts), to add up with other threads'. */
  runs: PortfolioRunCounts[];
}

/** The time zone of people without their own: the journeys' when they agree, else UTC. */
function portfolioZone(journeys: readonly CompiledJourney[]): string {
  const zones = new Set(journeys.map((j) => j.settings.timezone));
  return zones.size === 1 ? ([...zones][0] as string) : 'UTC';
}

/**
 * The journeys of a portfolio compiled, in id order; a `SimulationInputError` says in plain words
 * why they cannot be simulated together.
 */
export function compilePortfolio(journeys: readonly Journey[]): CompiledJourney[] {
  if (journeys.length === 0)
    throw new SimulationInputError('A portfolio simulation needs at least one journey.', {
      problem: 'no-journeys',
    });
  const seen = new Set<string>();
  for (const journey of journeys) {
    if (seen.has(journey.id))
      throw new SimulationInputError(
        `Two of the journeys have the id "${journey.id}"; give each journey its own id.`,
        { problem: 'duplicate-journey-id', journeyId: journey.id },
      );
    seen.add(journey.id);
    const splits = autoWinnerSplits(journey);
    if (splits.size > 0)
      throw new SimulationInputError(
        `"${journey.name}" picks the winner of an A/B split automatically (${[...splits.keys()].join(', ')}), which a simulation of several journeys cannot decide yet; simulate it on its own.`,
        { problem: 'auto-winner-together', name: journey.name },
      );
  }
  // By id: the catalog's order breaks ties between equal priorities, as execution's does.
  return journeys.map((j) => compileJourney(j)).sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** The report of a portfolio from its runs' counts (run 0 first; one, outside forecasts). */
export function portfolioReportOf(
  runs: readonly PortfolioRunCounts[],
  meta: Pick<PortfolioReport, 'profiles' | 'seed' | 'policy'>,
  forecast: { assumptions: Readonly<Record<string, readonly Assumption[]>> } | undefined,
): PortfolioReport {
  const first = runs[0];
  if (!first) throw new Error('a portfolio report needs at least one run');
  const journeys: Record<string, SimulationReport> = {};
  for (const [id, counts] of Object.entries(first.journeys))
    journeys[id] = forecast
      ? forecastReport(
          runs.map((r) => r.journeys[id] as (typeof r.journeys)[string]),
          forecast.assumptions[id] ?? [],
        )
      : counts.report;
  const report = Object.values(journeys)[0] as SimulationReport;
  return {
    window: report.window,
    ...meta,
    journeys,
    portfolio: {
      ...summaryOf(first.tally),
      ...(forecast && { forecast: portfolioForecastOf(runs.map((r) => summaryOf(r.tally))) }),
    },
  };
}

/**
 * Several journeys on the same profiles and events, through one interpreter and one store, as
 * they run live together: entries and wake-ups of one instant in priority order, every message
 * under the library's sending policy. Like `Simulation`, one profile's whole window is run
 * before the next (nothing connects one person to another, the policy included), so memory
 * stays flat: one person's state, and counts. A host runs it in slices with `advance`.
 *
 * A forecast (`runs`, `assumptions`) runs each person in every run before the next person, and
 * shares what runs have in common as one journey's forecast does (`ForecastRuns`, counted by
 * `PortfolioCounting`). A response to one journey's message is an event in the person's one stream,
 * which every journey sees: it can meet another journey's goal, end a wait for an event or make
 * an exit, and an unsubscribe stops every journey's messages of that channel.
 */
export class PortfolioSimulation {
  private readonly journeys: CompiledJourney[];
  private readonly window: { start: number; end: number };
  private readonly profiles: Profile[];
  private readonly events: JourneyEvent[];
  private readonly eventsFrom: Int32Array;
  private readonly store: MemoryStore;
  private readonly counting: PortfolioCounting;
  private readonly forecast: ForecastRuns<RunSet>;
  private readonly replay: ProfileReplay<RunSet>;
  private readonly traces: TraceRecorder;
  private readonly zone: string;
  private readonly seed: number;
  private next = 0;

  constructor(private readonly input: PortfolioInput) {
    this.journeys = compilePortfolio(input.journeys);
    const runs = input.runs ?? 1;
    if (!(Number.isInteger(runs) && runs >= 1 && runs <= MAX_RUNS))
      throw new SimulationInputError(`A forecast takes 1 to ${MAX_RUNS} runs, not ${runs}.`, {
        problem: 'runs-out-of-range',
        runs,
        max: MAX_RUNS,
      });
    this.window = windowOf(input, input.events ?? []);
    ({
      profiles: this.profiles,
      events: this.events,
      from: this.eventsFrom,
    } = cohort(input.profiles, input.events));
    this.seed = input.seed ?? 0;
    this.zone = portfolioZone(this.journeys);
    const reads = new Set(this.journeys.flatMap((j) => [...j.readsEvents]));
    this.store = new MemoryStore({
      keepMessagesFor: input.trace === 'all' ? undefined : input.trace,
      keepMessages: input.trace === 'all' ? Number.POSITIVE_INFINITY : (input.keepMessages ?? 0),
      suppressed: input.suppressed,
      keepEvent: (name) => reads.has(name),
      countSends: this.journeys.some((j) => j.settings.frequencyCap !== undefined),
      policy: input.policy ?? NO_POLICY,
      winners: new Map(Object.entries(input.winners ?? {})),
    });
    this.traces = new TraceRecorder(input.trace ?? new Set());
    this.counting = new PortfolioCounting(this.journeys, this.window);
    this.forecast = new ForecastRuns({
      store: this.store,
      seed: this.seed,
      runs,
      plans: portfolioPlans(this.journeys, input.assumptions),
      counting: this.counting,
      firstRunObservers: input.trace ? [this.traces] : [],
      everyRunObservers: input.observers ?? [],
      shareFirstSteps: input.shareFirstSteps,
    });
    this.replay = new ProfileReplay({
      store: this.store,
      interpreter: new Interpreter({
        catalog: fixedCatalog(this.journeys),
        store: this.store,
        observer: this.forecast.observer,
        seed: this.seed,
      }),
      forecast: this.forecast,
      window: this.window,
      profiles: this.profiles,
      events: this.events,
      eventsFrom: this.eventsFrom,
    });
  }

  get progress(): SimulationProgress {
    return { done: this.next, total: this.profiles.length };
  }

  /** The forecast run under way (0 outside forecasts). */
  get run(): number {
    return this.forecast.run;
  }

  /** Simulates up to `count` more profiles (in every run); true while some remain. */
  advance(count: number): boolean {
    const { profiles, store, forecast, counting } = this;
    const stop = Math.min(profiles.length, this.next + count);
    for (let index = this.next; index < stop; index++) {
      const profile = profiles[index] as Profile;
      const zone = profile.attributes.timezone;
      counting.zone = typeof zone === 'string' && isValidTimeZone(zone) ? zone : this.zone;
      forecast.profile(
        (run, from) => this.replay.replay(index, run, from),
        () => store.enrollmentsOf(profile.id),
      );
      if (this.input.onProgress && (index + 1) % 20_000 === 0)
        this.input.onProgress(index + 1, profiles.length);
    }
    store.clear();
    this.next = stop;
    return stop < profiles.length;
  }

  /** Whether the report is a forecast's: more than one run, or assumptions given. */
  private get forecasting(): boolean {
    return this.forecast.runs > 1 || this.input.assumptions !== undefined;
  }

  result(): PortfolioResult {
    const context = {
      window: this.window,
      profiles: this.profiles.length,
      seed: this.seed,
      events: { replayed: this.replay.replayed, history: this.replay.history },
    };
    const byId = new Map(this.journeys.map((j) => [j.id, j]));
    const runs = portfolioRunCounts(this.forecast, (id) => {
      const warning = windowWarning((byId.get(id) as CompiledJourney).journey, this.window);
      return { ...context, warnings: warning ? [warning] : [] };
    });
    const first = runs[0] as PortfolioRunCounts;
    let steps = 0;
    for (const counts of Object.values(first.journeys))
      steps += Object.values(counts.report.nodes).reduce((sum, n) => sum + n.entered, 0);
    const forecasting = this.forecasting;
    return {
      report: portfolioReportOf(
        runs,
        { profiles: this.profiles.length, seed: this.seed, policy: this.input.policy ?? NO_POLICY },
        forecasting ? { assumptions: this.input.assumptions ?? {} } : undefined,
      ),
      traces: this.traces.all(),
      messages: this.store.messages,
      steps,
      runs: forecasting ? runs : runs.slice(0, 1),
    };
  }
}

/** Simulates several journeys together, start to end (see `PortfolioSimulation`). */
export function simulatePortfolio(input: PortfolioInput): PortfolioResult {
  const run = new PortfolioSimulation(input);
  while (run.advance(Number.POSITIVE_INFINITY));
  return run.result();
}
