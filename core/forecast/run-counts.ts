import type { JourneyEvent } from '../model/event';
import { localDate } from '../model/local-time';
import type { CompiledJourney } from '../runtime/compiled-journey';
import type { Enrollment, StepObserver, StepRecord } from '../runtime/ports';
import { mergeReports } from '../simulator/merge-reports';
import { ReportBuilder, type SimulationReport } from '../simulator/report';
import { eventValue, toCents } from './event-value';
import type { PendingResponse, ResponseKind } from './responses';

/** Responses to one message node in one run. */
export type ResponseCounts = Record<ResponseKind, number>;

/**
 * One run of a forecast, counted: the simulation report of that run, and what the report does
 * not hold — responses per message, caused conversions, revenue (in whole cents, so sums are
 * the same in any order and on any number of threads) and conversions per local day.
 */
export interface RunCounts {
  report: SimulationReport;
  /** Conversions whose goal event a message caused. */
  caused: number;
  revenue: { total: number; caused: number };
  responses: Record<string, ResponseCounts>;
  /** Conversions per local day (the journey's time zone): all, and caused. */
  perDay: Record<string, { converted: number; caused: number }>;
}

/** The event being applied when a conversion is recorded: its value, and whether it was caused. */
export interface Applying {
  event: JourneyEvent | undefined;
  caused: boolean;
}

export function noResponses(): ResponseCounts {
  return { opened: 0, clicked: 0, converted: 0, unsubscribed: 0, complained: 0 };
}

/**
 * Local dates of instants, cached per quarter hour (every UTC offset is a multiple of one), in
 * the map the runs' report builders share.
 */
export class LocalDays {
  readonly cache = new Map<number, string>();
  constructor(private readonly zone: string) {}
  of(at: number): string {
    const quarter = Math.floor(at / 900_000);
    let day = this.cache.get(quarter);
    if (day === undefined) {
      day = localDate(at, this.zone);
      this.cache.set(quarter, day);
    }
    return day;
  }
}

/**
 * What one run of a forecast counts into as its records arrive: one journey's `RunAccumulator`,
 * or, for several journeys together, a set of them (simulator/portfolio-runs.ts). A convert
 * record is counted with the event being applied (`Applying`).
 */
export interface RunCounter extends StepObserver {
  /** A simulated response, as it is applied. */
  responded(response: PendingResponse): void;
  /** The profile's end: the enrollments it still has. */
  finishProfile(enrollments: readonly Enrollment[]): void;
}

/** Counts one run as its records arrive (the report builder's, plus the forecast's own). */
export class RunAccumulator implements RunCounter {
  readonly report: ReportBuilder;
  private caused = 0;
  private revenue = 0;
  private causedRevenue = 0;
  private readonly responses = new Map<string, ResponseCounts>();
  private readonly perDay = new Map<string, { converted: number; caused: number }>();
  private readonly journeyId: string;

  constructor(
    journey: CompiledJourney,
    private readonly applying: Applying,
    private readonly days: LocalDays,
  ) {
    this.report = new ReportBuilder(journey, days.cache);
    this.journeyId = journey.id;
  }

  record(step: StepRecord): void {
    this.report.record(step);
    if (step.type === 'convert') this.converted(step.at, this.applying.event, this.applying.caused);
  }

  /**
   * A conversion by `event` (observed, or caused by a message). A caused order counts as caused
   * only for the journey whose message caused it: another journey whose goal it also meets counts
   * the conversion, not the cause (several journeys together, docs/forecast.md).
   */
  converted(at: number, event: JourneyEvent | undefined, caused: boolean): void {
    if (caused && event?.properties.journey !== this.journeyId) caused = false;
    const value = event && eventValue(event.properties);
    const cents = value === undefined ? 0 : toCents(value);
    this.revenue += cents;
    const day = this.days.of(at);
    let counts = this.perDay.get(day);
    if (!counts) {
      counts = { converted: 0, caused: 0 };
      this.perDay.set(day, counts);
    }
    counts.converted++;
    if (caused) {
      this.caused++;
      this.causedRevenue += cents;
      counts.caused++;
    }
  }

  /** A simulated response, as it is applied. */
  responded(response: PendingResponse): void {
    let counts = this.responses.get(response.nodeId);
    if (!counts) {
      counts = noResponses();
      this.responses.set(response.nodeId, counts);
    }
    counts[response.kind]++;
  }

  finishProfile(enrollments: readonly Enrollment[]): void {
    this.report.countWaiting(enrollments);
  }

  build(context: Parameters<ReportBuilder['build']>[0]): RunCounts {
    const days = [...this.perDay.keys()].sort();
    return {
      report: this.report.build(context),
      caused: this.caused,
      revenue: { total: this.revenue, caused: this.causedRevenue },
      responses: Object.fromEntries(this.responses),
      perDay: Object.fromEntries(
        days.map((d) => [d, this.perDay.get(d) as RunCounts['perDay'][string]]),
      ),
    };
  }
}

/**
 * The records of one profile's run, kept to be counted again: a profile none of whose messages
 * could respond goes the same way in every run, so it is simulated once and its records are
 * added to the runs after the first in one go.
 */
export class ProfileRecording implements StepObserver {
  private readonly steps: StepRecord[] = [];
  /** For each conversion, the event that made it: [record index, event, caused]. */
  private readonly conversions: [number, JourneyEvent | undefined, boolean][] = [];
  private enrollments: readonly Enrollment[] = [];

  constructor(private readonly applying: Applying) {}

  clear(): void {
    this.steps.length = 0;
    this.conversions.length = 0;
    this.enrollments = [];
  }

  record(step: StepRecord): void {
    if (step.type === 'convert')
      this.conversions.push([this.steps.length, this.applying.event, this.applying.caused]);
    this.steps.push(step);
  }

  finishProfile(enrollments: readonly Enrollment[]): void {
    // Enrollments are changed in place by later runs: their state now is what counts.
    this.enrollments = enrollments.filter((e) => e.status === 'active').map((e) => ({ ...e }));
  }

  /** Records so far. */
  get length(): number {
    return this.steps.length;
  }

  /** The records from `from` up to, not including, `to`. */
  slice(from: number, to: number): StepRecord[] {
    return this.steps.slice(from, to);
  }

  /**
   * Counts the first `upTo` records into `into`, as if the profile had taken those steps again
   * there (each conversion with the event that made it); with all of them, its end too.
   */
  replayInto(into: RunCounter, upTo = this.steps.length): void {
    const { applying } = this;
    const { event, caused } = applying;
    let next = 0;
    for (let i = 0; i < upTo; i++) {
      const step = this.steps[i] as StepRecord;
      const conversion = this.conversions[next];
      if (conversion && conversion[0] === i) {
        applying.event = conversion[1];
        applying.caused = conversion[2];
        next++;
      }
      into.record(step);
    }
    applying.event = event;
    applying.caused = caused;
    if (upTo === this.steps.length) into.finishProfile(this.enrollments);
  }

  /** Hands the first `upTo` records to `observer` as they were recorded. */
  forEach(upTo: number, observer: (step: StepRecord) => void): void {
    for (let i = 0; i < upTo; i++) observer(this.steps[i] as StepRecord);
  }
}

function addTo<T extends Record<string, number>>(into: T, from: T): T {
  const out = { ...into } as Record<string, number>;
  for (const [key, value] of Object.entries(from)) out[key] = (out[key] ?? 0) + value;
  return out as T;
}

/** The sum of counts of disjoint groups of profiles in the same run (threads, or shared parts). */
export function mergeRunCounts(parts: readonly RunCounts[]): RunCounts {
  const [first, ...rest] = parts;
  if (!first) throw new Error('mergeRunCounts needs at least one part');
  return rest.reduce<RunCounts>((a, b) => {
    const responses: Record<string, ResponseCounts> = { ...a.responses };
    for (const [node, counts] of Object.entries(b.responses))
      responses[node] = addTo(responses[node] ?? noResponses(), counts);
    const perDay: RunCounts['perDay'] = {};
    for (const day of [...new Set([...Object.keys(a.perDay), ...Object.keys(b.perDay)])].sort())
      perDay[day] = addTo(
        a.perDay[day] ?? { converted: 0, caused: 0 },
        b.perDay[day] ?? { converted: 0, caused: 0 },
      );
    return {
      report: mergeReports([a.report, b.report]),
      caused: a.caused + b.caused,
      revenue: {
        total: a.revenue.total + b.revenue.total,
        caused: a.revenue.caused + b.revenue.caused,
      },
      responses,
      perDay,
    };
  }, first);
}
