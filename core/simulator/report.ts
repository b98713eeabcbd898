import type { Assumption } from '../forecast/assumptions';
import type { WinnerDecision } from '../forecast/auto-winner';
import type { Forecast } from '../forecast/forecast-report';
import type { PortfolioForecast } from '../forecast/portfolio-forecast';
import type { SendingPolicy } from '../policy/sending-policy';
import { isoTime, localDate } from '../model/local-time';
import type { CompiledJourney } from '../runtime/compiled-journey';
import type { Enrollment, StepObserver, StepRecord } from '../runtime/ports';
import type { Channel, SkipReason } from '../runtime/step';
import { FrequencyWatch, frequencyWarning, type FrequencyReport } from './frequency-watch';
import type { PortfolioSummary } from './portfolio-watch';
import type { ReportWarning } from './window';

export interface NodeCounts {
  entered: number;
  ports: Record<string, number>;
}

export interface MessageCounts {
  sent: number;
  skipped: Partial<Record<SkipReason, number>>;
  deferred: number;
}

export interface VariantCounts {
  entered: number;
  converted: number;
}

/**
 * The journey's conversions (`conversions.total`) by what came before them; the three add up to
 * the total. A buyer who bought during the first wait counts in `beforeMessage`: the journey
 * cannot take credit for that purchase.
 */
export type ConversionBreakdown = {
  /** Before the enrollment was sent any message. */
  beforeMessage: number;
  /** After a message, without the event saying a message caused it. */
  afterMessage: number;
  /** Caused by a message: the goal event carries `caused_by` (a forecast's responses). */
  caused: number;
};

/**
 * The simulation report of DESIGN.md §4. The first keys are fixed by the contract; the rest
 * add what a marketer asks next.
 */
export interface SimulationReport {
  journey: string;
  window: { start: string; end: string };
  profiles: number;
  enrollments: number;
  nodes: Record<string, NodeCounts>;
  messages: Record<string, MessageCounts>;
  conversions: {
    total: number;
    byVariant: Record<string, Record<string, VariantCounts>>;
    breakdown: ConversionBreakdown;
  };
  active: number;
  seed: number;
  /** Flow along each connection. */
  edges: { from: string; port: string; to: string; count: number }[];
  /**
   * How enrollments ended (or not) by the end of the window; `merged` (only when there are
   * such) counts those ended when their anonymous profile was merged into a known one already
   * in the journey (DESIGN §8).
   */
  outcomes: {
    completed: number;
    exited: number;
    converted: number;
    active: number;
    merged?: number;
  };
  /** Where the still-active enrollments are waiting. */
  waiting: Record<string, number>;
  /** Entries the re-entry setting refused, by reason. */
  entriesRefused: Record<string, number>;
  sent: Partial<Record<Channel, number>>;
  skipped: Partial<Record<SkipReason, number>>;
  deferred: number;
  /** Messages sent per local day (the journey's time zone) per channel. */
  messagesPerDay: Record<string, Partial<Record<Channel, number>>>;
  events: { replayed: number; history: number };
  /** A few of the profiles that reached each node (the first ones), to trace from the canvas. */
  samples: Record<string, string[]>;
  /** What to know before trusting the figures: a window shorter than the journey, floods. */
  warnings: ReportWarning[];
  /** People who would get more messages than the limit, and the loops that sent them. */
  frequency: FrequencyReport;
  /** Automatic winners decided (DESIGN §7), by split: when, which variant, how sure. */
  winners: Record<string, ReportedWinner>;
  /** A forecast's figures over its runs (DESIGN §7); the keys above are run 0's. */
  forecast?: Forecast;
  /** Every assumption the forecast used, and where it came from. */
  assumptions?: Assumption[];
  /** The library's sending policy it was simulated under (DESIGN §8), when there is one. */
  policy?: SendingPolicy;
  /**
   * Simulated with the other live journeys (DESIGN §8): what they did together to the same
   * people, and which journeys they were.
   */
  portfolio?: PortfolioSummary & { journeys: PortfolioMember[]; forecast?: PortfolioForecast };
}

/** A journey of a simulation with the other live journeys, and what it sent and lost. */
export interface PortfolioMember {
  id: string;
  name: string;
  /** The live version simulated; absent for the journey being edited. */
  version?: number;
  priority: number;
  sent: number;
  /** Messages the sending policy held back. */
  held: number;
  /** In a forecast, what its messages were assumed to do (to repeat its run 0 for a trace). */
  assumptions?: Assumption[];
}

/** An automatic winner as the report gives it. */
export interface ReportedWinner {
  /** The whole hour it was decided at. */
  at: string;
  variant: string;
  /** Its probability of converting best when decided. */
  probability: number;
}

/** A report's winners as decisions, to simulate again with them (a traced profile, say). */
export function decisionsOf(
  report: Pick<SimulationReport, 'winners'>,
): Record<string, WinnerDecision> {
  return Object.fromEntries(
    Object.entries(report.winners ?? {}).map(([id, w]) => [
      id,
      { at: Date.parse(w.at), variant: w.variant, probability: w.probability },
    ]),
  );
}

/** Profiles remembered per node in `samples`. */
const SAMPLES_PER_NODE = 25;

function bump<K extends string>(record: Partial<Record<K, number>>, key: K, by = 1): void {
  record[key] = (record[key] ?? 0) + by;
}

/** A node's counts while the report is built. */
interface NodeTally {
  entered: number;
  ports: Map<string, number>;
}

/**
 * Builds the report from the interpreter's step records as they happen. Counts are kept in maps
 * by node id and port while records arrive, and turned into the report's plain objects at the
 * end: a record is counted several times per step, and looking up a varying key in a map took
 * half the time of the same lookup in a plain object.
 */
export class ReportBuilder implements StepObserver {
  private readonly nodes = new Map<string, NodeTally>();
  private readonly messages = new Map<string, MessageCounts>();
  private readonly byVariant = new Map<string, Map<string, VariantCounts>>();
  private readonly entriesRefused: Record<string, number> = {};
  private readonly sent: Partial<Record<Channel, number>> = {};
  private readonly skipped: Partial<Record<SkipReason, number>> = {};
  private readonly perDay: Record<string, Partial<Record<Channel, number>>> = {};
  private readonly outcomes = { completed: 0, exited: 0, converted: 0 };
  private merged = 0;
  /** Local day of each quarter hour seen (every UTC offset is a multiple of 15 minutes). */
  private readonly days: Map<number, string>;
  private readonly waiting: Record<string, number> = {};
  private readonly samples = new Map<string, string[]>();
  private readonly frequency = new FrequencyWatch();
  private readonly winners: Record<string, ReportedWinner> = {};
  private enrollments = 0;
  private active = 0;
  private conversions = 0;
  private readonly breakdown: ConversionBreakdown = {
    beforeMessage: 0,
    afterMessage: 0,
    caused: 0,
  };
  private deferred = 0;

  /**
   * `days` caches the local day of each quarter hour; the builders of a forecast's runs share
   * one (the same journey, so the same time zone).
   */
  constructor(
    private readonly journey: CompiledJourney,
    days?: Map<number, string>,
  ) {
    this.days = days ?? new Map<number, string>();
    for (const { id } of journey.journey.nodes) {
      const ports = new Map<string, number>();
      for (const port of journey.graph.ports(id)) ports.set(port.id, 0);
      this.nodes.set(id, { entered: 0, ports });
      const node = journey.nodes.get(id);
      if (!node) continue;
      const { sends, branches } = node.definition;
      if (sends) this.messages.set(id, { sent: 0, skipped: {}, deferred: 0 });
      if (branches) {
        const variants = new Map<string, VariantCounts>();
        for (const { key } of branches.variants(node.config))
          variants.set(key, { entered: 0, converted: 0 });
        this.byVariant.set(id, variants);
      }
    }
  }

  record(step: StepRecord): void {
    switch (step.type) {
      case 'enter':
        this.enrollments++;
        this.active++;
        break;
      case 'entry-refused':
        bump(this.entriesRefused, step.reason);
        break;
      case 'arrive': {
        const node = this.nodes.get(step.nodeId);
        if (node) node.entered++;
        let seen = this.samples.get(step.nodeId);
        if (!seen) {
          seen = [];
          this.samples.set(step.nodeId, seen);
        }
        if (seen.length < SAMPLES_PER_NODE && !seen.includes(step.profileId))
          seen.push(step.profileId);
        break;
      }
      case 'leave': {
        const ports = this.nodes.get(step.nodeId)?.ports;
        if (ports) ports.set(step.port, (ports.get(step.port) ?? 0) + 1);
        break;
      }
      case 'wait':
        if (step.reason === 'quiet_hours') {
          this.deferred++;
          const counts = this.messages.get(step.nodeId);
          if (counts) counts.deferred++;
        }
        break;
      case 'message': {
        const counts = this.messages.get(step.nodeId);
        if (counts) counts.sent++;
        bump(this.sent, step.channel);
        const day = (this.perDay[this.dayOf(step.at)] ??= {});
        bump(day, step.channel);
        this.frequency.message(step.profileId, step.nodeId, step.at);
        break;
      }
      case 'skip': {
        const counts = this.messages.get(step.nodeId);
        if (counts) bump(counts.skipped, step.reason);
        bump(this.skipped, step.reason);
        break;
      }
      case 'variant': {
        const variant = this.byVariant.get(step.nodeId)?.get(step.key);
        if (variant) variant.entered++;
        break;
      }
      case 'winner':
        this.winners[step.nodeId] = {
          at: isoTime(step.at),
          variant: step.variant,
          probability: step.probability,
        };
        break;
      case 'variant-convert': {
        const variant = this.byVariant.get(step.nodeId)?.get(step.key);
        if (variant) variant.converted++;
        break;
      }
      case 'convert':
        this.conversions++;
        if (step.causedBy !== undefined) this.breakdown.caused++;
        else if (step.afterMessage) this.breakdown.afterMessage++;
        else this.breakdown.beforeMessage++;
        break;
      case 'end':
        this.active--;
        if (step.status === 'merged') this.merged++;
        else this.outcomes[step.status]++;
        break;
      case 'update':
      case 'migrate':
        break;
    }
  }

  /** Counts where still-active enrollments wait when the window ends. */
  countWaiting(enrollments: Iterable<Enrollment>): void {
    for (const e of enrollments) {
      if (e.status === 'active') this.waiting[e.nodeId] = (this.waiting[e.nodeId] ?? 0) + 1;
    }
  }

  private dayOf(at: number): string {
    const quarter = Math.floor(at / 900_000);
    let day = this.days.get(quarter);
    if (day === undefined) {
      day = localDate(at, this.journey.settings.timezone);
      this.days.set(quarter, day);
    }
    return day;
  }

  build(context: {
    window: { start: number; end: number };
    profiles: number;
    seed: number;
    events: { replayed: number; history: number };
    /** Warnings about the run as a whole (the window), before those the records show. */
    warnings?: readonly ReportWarning[];
  }): SimulationReport {
    const nodes: Record<string, NodeCounts> = {};
    for (const [id, node] of this.nodes)
      nodes[id] = { entered: node.entered, ports: Object.fromEntries(node.ports) };
    const byVariant: Record<string, Record<string, VariantCounts>> = {};
    for (const [splitId, variants] of this.byVariant)
      byVariant[splitId] = Object.fromEntries(variants);
    const edges = this.journey.graph.edges
      .filter((e) => this.journey.graph.target(e.from, e.port) === e.to)
      .map((e) => ({
        from: e.from,
        port: e.port,
        to: e.to,
        count: nodes[e.from]?.ports[e.port] ?? 0,
      }));
    const days = Object.keys(this.perDay).sort();
    const frequency = this.frequency.result(this.journey.journey);
    const flood = frequencyWarning(frequency);
    return {
      journey: this.journey.id,
      window: { start: isoTime(context.window.start), end: isoTime(context.window.end) },
      profiles: context.profiles,
      enrollments: this.enrollments,
      nodes,
      messages: Object.fromEntries(this.messages),
      conversions: { total: this.conversions, byVariant, breakdown: { ...this.breakdown } },
      active: this.active,
      seed: context.seed,
      edges,
      outcomes: {
        ...this.outcomes,
        active: this.active,
        ...(this.merged > 0 && { merged: this.merged }),
      },
      waiting: this.waiting,
      entriesRefused: this.entriesRefused,
      sent: this.sent,
      skipped: this.skipped,
      deferred: this.deferred,
      messagesPerDay: Object.fromEntries(days.map((d) => [d, this.perDay[d] ?? {}])),
      events: context.events,
      samples: Object.fromEntries(this.samples),
      warnings: [...(context.warnings ?? []), ...(flood ? [flood] : [])],
      frequency,
      winners: { ...this.winners },
    };
  }
}
