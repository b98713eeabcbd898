import type { Assumption } from '../forecast/assumptions';
import type { Forecast } from '../forecast/forecast-report';
import { isoTime, localDate } from '../model/local-time';
import type { CompiledJourney } from '../runtime/compiled-journey';
import type { Enrollment, StepObserver, StepRecord } from '../runtime/ports';
import type { Channel, SkipReason } from '../runtime/step';

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
  conversions: { total: number; byVariant: Record<string, Record<string, VariantCounts>> };
  active: number;
  seed: number;
  /** Flow along each connection. */
  edges: { from: string; port: string; to: string; count: number }[];
  /** How enrollments ended (or not) by the end of the window. */
  outcomes: { completed: number; exited: number; converted: number; active: number };
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
  /** A forecast's figures over its runs (DESIGN §7); the keys above are run 0's. */
  forecast?: Forecast;
  /** Every assumption the forecast used, and where it came from. */
  assumptions?: Assumption[];
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
  /** Local day of each quarter hour seen (every UTC offset is a multiple of 15 minutes). */
  private readonly days: Map<number, string>;
  private readonly waiting: Record<string, number> = {};
  private readonly samples = new Map<string, string[]>();
  private enrollments = 0;
  private active = 0;
  private conversions = 0;
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
      case 'convert':
        this.conversions++;
        for (const [splitId, key] of Object.entries(step.variants)) {
          const variant = this.byVariant.get(splitId)?.get(key);
          if (variant) variant.converted++;
        }
        break;
      case 'end':
        this.active--;
        this.outcomes[step.status]++;
        break;
      case 'update':
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
    return {
      journey: this.journey.id,
      window: { start: isoTime(context.window.start), end: isoTime(context.window.end) },
      profiles: context.profiles,
      enrollments: this.enrollments,
      nodes,
      messages: Object.fromEntries(this.messages),
      conversions: { total: this.conversions, byVariant },
      active: this.active,
      seed: context.seed,
      edges,
      outcomes: { ...this.outcomes, active: this.active },
      waiting: this.waiting,
      entriesRefused: this.entriesRefused,
      sent: this.sent,
      skipped: this.skipped,
      deferred: this.deferred,
      messagesPerDay: Object.fromEntries(days.map((d) => [d, this.perDay[d] ?? {}])),
      events: context.events,
      samples: Object.fromEntries(this.samples),
    };
  }
}
