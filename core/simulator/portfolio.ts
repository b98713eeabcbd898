import type { WinnerDecision } from '../forecast/auto-winner';
import type { JourneyEvent } from '../model/event';
import type { Journey } from '../model/journey';
import { isValidTimeZone } from '../model/local-time';
import type { Profile } from '../model/profile';
import { NO_POLICY, type SendingPolicy } from '../policy/sending-policy';
import { compileJourney, type CompiledJourney } from '../runtime/compiled-journey';
import { Interpreter, fixedCatalog } from '../runtime/interpreter';
import type { OutboxMessage, StepObserver, StepRecord } from '../runtime/ports';
import { cohort } from './cohort';
import { MemoryStore } from './memory-store';
import { PortfolioWatch, type PortfolioSummary } from './portfolio-watch';
import { ReportBuilder, type SimulationReport } from './report';
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
  /** Further observers of every step. */
  observers?: readonly StepObserver[];
  onProgress?: (done: number, total: number) => void;
}

/** The report of a portfolio (DESIGN §8): each journey's report of §4, and what they do together. */
export interface PortfolioReport {
  window: { start: string; end: string };
  profiles: number;
  seed: number;
  /** The sending policy simulated under. */
  policy: SendingPolicy;
  journeys: Record<string, SimulationReport>;
  portfolio: PortfolioSummary;
}

export interface PortfolioResult {
  report: PortfolioReport;
  traces: ReadonlyMap<string, TraceStep[]>;
  messages: readonly OutboxMessage[];
  /** Node arrivals processed, over every journey. */
  steps: number;
}

/** Hands each record to the report of its journey. */
class ByJourney implements StepObserver {
  constructor(private readonly builders: ReadonlyMap<string, ReportBuilder>) {}
  record(step: StepRecord): void {
    this.builders.get(step.journeyId)?.record(step);
  }
}

class FanOut implements StepObserver {
  constructor(private readonly observers: readonly StepObserver[]) {}
  record(step: StepRecord): void {
    for (const observer of this.observers) observer.record(step);
  }
}

/** The time zone of people without their own: the journeys' when they agree, else UTC. */
function portfolioZone(journeys: readonly CompiledJourney[]): string {
  const zones = new Set(journeys.map((j) => j.settings.timezone));
  return zones.size === 1 ? ([...zones][0] as string) : 'UTC';
}

function compileAll(journeys: readonly Journey[]): CompiledJourney[] {
  if (journeys.length === 0)
    throw new SimulationInputError('A portfolio simulation needs at least one journey.');
  const seen = new Set<string>();
  for (const journey of journeys) {
    if (seen.has(journey.id))
      throw new SimulationInputError(
        `Two of the journeys have the id "${journey.id}"; give each journey its own id.`,
      );
    seen.add(journey.id);
    const splits = autoWinnerSplits(journey);
    if (splits.size > 0)
      throw new SimulationInputError(
        `"${journey.name}" picks the winner of an A/B split automatically (${[...splits.keys()].join(', ')}), which a simulation of several journeys cannot decide yet; simulate it on its own.`,
      );
  }
  // By id: the catalog's order breaks ties between equal priorities, as execution's does.
  return journeys.map((j) => compileJourney(j)).sort((a, b) => (a.id < b.id ? -1 : 1));
}

/**
 * Several journeys on the same profiles and events, through one interpreter and one store, as
 * they run live together: entries and wake-ups of one instant in priority order, every message
 * under the library's sending policy. Like `Simulation`, one profile's whole window is run
 * before the next (nothing connects one person to another, the policy included), so memory
 * stays flat: one person's state, and counts. A host runs it in slices with `advance`.
 */
export class PortfolioSimulation {
  private readonly journeys: CompiledJourney[];
  private readonly window: { start: number; end: number };
  private readonly profiles: Profile[];
  private readonly events: JourneyEvent[];
  private readonly eventsFrom: Int32Array;
  private readonly store: MemoryStore;
  private readonly interpreter: Interpreter;
  private readonly builders = new Map<string, ReportBuilder>();
  private readonly watch: PortfolioWatch;
  private readonly traces: TraceRecorder;
  private readonly zone: string;
  private readonly seed: number;
  private next = 0;
  private history = 0;
  private replayed = 0;

  constructor(private readonly input: PortfolioInput) {
    this.journeys = compileAll(input.journeys);
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
    for (const journey of this.journeys) this.builders.set(journey.id, new ReportBuilder(journey));
    this.watch = new PortfolioWatch(this.window);
    this.traces = new TraceRecorder(input.trace ?? new Set());
    this.interpreter = new Interpreter({
      catalog: fixedCatalog(this.journeys),
      store: this.store,
      observer: new FanOut([
        new ByJourney(this.builders),
        this.watch,
        ...(input.trace ? [this.traces] : []),
        ...(input.observers ?? []),
      ]),
      seed: this.seed,
    });
  }

  get progress(): SimulationProgress {
    return { done: this.next, total: this.profiles.length };
  }

  /** Simulates up to `count` more profiles; true while some remain. */
  advance(count: number): boolean {
    const { profiles, store } = this;
    const stop = Math.min(profiles.length, this.next + count);
    for (let index = this.next; index < stop; index++) {
      this.replay(index);
      if (this.input.onProgress && (index + 1) % 20_000 === 0)
        this.input.onProgress(index + 1, profiles.length);
    }
    store.clear();
    this.next = stop;
    return stop < profiles.length;
  }

  /** One profile's whole window: its events and its wake-ups, in every journey. */
  private replay(index: number): void {
    const { store, interpreter, window, events, eventsFrom, watch } = this;
    const profile = this.profiles[index] as Profile;
    let next = eventsFrom[index] as number;
    const last = eventsFrom[index + 1] as number;
    store.clear();
    store.putProfile(profile);
    const zone = profile.attributes.timezone;
    watch.beginProfile(typeof zone === 'string' && isValidTimeZone(zone) ? zone : this.zone);
    for (; next < last && (events[next] as JourneyEvent).time < window.start; next++) {
      interpreter.recordHistory(events[next] as JourneyEvent);
      this.history++;
    }
    interpreter.start(profile.id, window.start);
    for (;;) {
      const event = next < last ? (events[next] as JourneyEvent) : undefined;
      const eventTime = event && event.time <= window.end ? event.time : undefined;
      const wakeTime = store.wakes.peekTime();
      const wakeDue = wakeTime !== undefined && wakeTime <= window.end ? wakeTime : undefined;
      if (eventTime === undefined && wakeDue === undefined) break;
      // At one instant, events before wake-ups (DESIGN §4).
      if (eventTime !== undefined && (wakeDue === undefined || eventTime <= wakeDue)) {
        next++;
        interpreter.handleEvent(event as JourneyEvent, eventTime);
        this.replayed++;
      } else {
        const wake = store.wakes.pop();
        if (wake) interpreter.handleWake(wake, wake.at);
      }
    }
    watch.finishProfile();
    for (const enrollment of store.enrollmentsOf(profile.id))
      if (enrollment.status === 'active')
        this.builders.get(enrollment.journeyId)?.countWaiting([enrollment]);
  }

  result(): PortfolioResult {
    const context = {
      window: this.window,
      profiles: this.profiles.length,
      seed: this.seed,
      events: { replayed: this.replayed, history: this.history },
    };
    const journeys: Record<string, SimulationReport> = {};
    let steps = 0;
    for (const journey of this.journeys) {
      const warning = windowWarning(journey.journey, this.window);
      const report = (this.builders.get(journey.id) as ReportBuilder).build({
        ...context,
        warnings: warning ? [warning] : [],
      });
      journeys[journey.id] = report;
      steps += Object.values(report.nodes).reduce((sum, n) => sum + n.entered, 0);
    }
    const first = Object.values(journeys)[0] as SimulationReport;
    return {
      report: {
        window: first.window,
        profiles: this.profiles.length,
        seed: this.seed,
        policy: this.input.policy ?? NO_POLICY,
        journeys,
        portfolio: this.watch.summary(),
      },
      traces: this.traces.all(),
      messages: this.store.messages,
      steps,
    };
  }
}

/** Simulates several journeys together, start to end (see `PortfolioSimulation`). */
export function simulatePortfolio(input: PortfolioInput): PortfolioResult {
  const run = new PortfolioSimulation(input);
  while (run.advance(Number.POSITIVE_INFINITY));
  return run.result();
}
