import type { z } from 'zod';
import type { Channel } from '../channels/registry';
import type { Condition, Filter } from '../conditions/condition';
import type { AutoWinnerRule } from '../forecast/auto-winner';
import type { Duration } from '../model/duration';
import type { StepContext, StepDecision } from '../runtime/step';
import type { IssueDraft } from '../validation/catalogue';

/** Palette groups; the canvas colours nodes by category. */
export type NodeCategory = 'entry' | 'timing' | 'logic' | 'action' | 'end';

/** An output of a node, as edges name it (`port`) and the canvas labels it. */
export interface PortSpec {
  id: string;
  label: string;
}

/** An event that lets profiles in, with optional property filters. */
export interface EntryEvent {
  readonly event: string;
  readonly where?: readonly Filter[];
}

/**
 * The ways a configured entry node lets profiles in. Each route present is one way in; the
 * interpreter indexes journeys by route, never by the kind's config.
 */
export interface EntryRoutes {
  /** Enroll when the profile performs one of these events. */
  readonly events?: readonly EntryEvent[];
  /** Enroll every profile that matches when the journey starts, and any that starts matching later. */
  readonly segment?: Condition;
  /**
   * Enroll on a date read from the profile: the first firing at or after `from` in `zone`, or
   * undefined when the profile has no such date.
   */
  readonly dated?: {
    next(
      attributes: Readonly<Record<string, unknown>>,
      from: number,
      zone: string,
    ): number | undefined;
    /**
     * Local minutes after midnight the entries happen at, when that is fixed (for checks): the
     * offset's clock part included, as the date falls.
     */
    readonly localTime?: number;
  };
}

/**
 * Facet of a kind that lets profiles in (a trigger). A journey has exactly one node of an entry
 * kind: the validator asks for one and refuses a second, nothing may lead into it, and the
 * palette mutes the kind once the journey has one.
 */
export interface EntryFacet<C> {
  routes(config: C): EntryRoutes;
}

/** The local time of day as a profile leaves a node that held it, from how it read on arrival. */
export type ClockAfterHold =
  /** Moved on by a duration: its clock part moves the time, whole days keep it. */
  | { readonly after: Duration }
  /** A fixed local time, in minutes after midnight. */
  | { readonly at: number }
  /** Any hour: an awaited event can come at any time. */
  | 'any';

/** An event that ends a hold early. */
export interface AwaitedEvent {
  readonly event: string;
  readonly where?: readonly Filter[];
  /** The port a profile leaves through when it performs the event. */
  readonly port: string;
  /** The port a profile leaves through when it has not performed it by the end of the hold. */
  readonly timeoutPort: string;
}

/** Facet of a kind that holds profiles for a while (a wait); the checks reason about time with it. */
export interface HoldsTimeFacet<C> {
  /**
   * Every pass through the node takes time, so a loop through it cannot go round in one instant:
   * the cycle rule asks every loop to pass through such a node.
   */
  readonly breaksInstantCycles: boolean;
  /**
   * The longest it can hold a profile, in milliseconds, calendar parts at their longest (see
   * `longestMillis`), so checks built on it err on the side of warning.
   */
  longest(config: C): number;
  /** The local clock as a profile leaves through `port`. */
  clockAfter(config: C, port: string): ClockAfterHold;
  /** The event that ends the hold early, when it waits for one. */
  awaits(config: C): AwaitedEvent | undefined;
}

/**
 * Facet of a kind that sends a message. Everything channel-specific (template fields, consent,
 * address, delivery) comes from the channel registry; the report counts each sender's messages.
 */
export interface SendsFacet<C> {
  channel(config: C): Channel;
}

/** One way out of a random split. */
export interface Variant {
  readonly key: string;
  readonly label?: string;
  readonly weight: number;
}

/**
 * Facet of a kind that splits profiles at random by weight (A/B tests, control groups), one port
 * per variant: the report counts entries and conversions per variant.
 */
export interface BranchesFacet<C> {
  variants(config: C): readonly Variant[];
  /** The rule for picking a winner automatically, when the split has one (DESIGN §7). */
  autoWinner?(config: C): AutoWinnerRule | undefined;
}

/** Facet of a kind that sends each profile one way or the other by a condition. */
export interface DecidesFacet<C> {
  decision(config: C): {
    readonly condition: Condition;
    /** The port taken when the condition holds. */
    readonly yes: string;
    /** The port taken when it does not. */
    readonly no: string;
  };
}

/** Names of events and attributes a node uses, by how it uses them. */
export interface NamesUsed {
  /** Events it reacts to or looks back on. */
  readonly events?: readonly string[];
  /**
   * Of those, the events whose history it reads (event rules of conditions): a simulation keeps
   * the history of only these.
   */
  readonly history?: readonly string[];
  /** Profile attributes it reads: tests, prints, or takes a date from. */
  readonly attributes?: readonly string[];
  /** Profile attributes it gives a value (set, add to). */
  readonly updates?: readonly string[];
}

/**
 * Facet of a kind whose config names events or attributes: the inspector suggests them, the
 * checks compare them with the data, and a simulation keeps only the history journeys read.
 */
export interface ReadsFacet<C> {
  names(config: C): NamesUsed;
}

/**
 * Optional facets: what a kind *is*, asked by the interpreter, the report, the checks, the canvas
 * and the inspector instead of testing `kind === '…'`. Each is typed on the kind's config.
 */
export interface NodeFacets<C> {
  /** The kind lets profiles in. */
  readonly entry?: EntryFacet<C>;
  /** The kind holds profiles for a while. */
  readonly holdsTime?: HoldsTimeFacet<C>;
  /** The kind sends a message. */
  readonly sends?: SendsFacet<C>;
  /** The kind splits profiles at random into variants. */
  readonly branches?: BranchesFacet<C>;
  /** The kind sends profiles one way or the other by a condition. */
  readonly decides?: DecidesFacet<C>;
  /** The kind's config names events or attributes. */
  readonly reads?: ReadsFacet<C>;
}

/**
 * Everything the app knows about one kind of node, in one place: the config schema (from which
 * the inspector is generated), defaults, output ports, checks, the canvas summary, and what it
 * does when a profile arrives (`step`). Adding a kind means adding a file and a registry entry.
 *
 * Methods use method syntax on purpose: a definition for a specific config type is then usable
 * where any definition is expected, as the registry needs.
 */
export interface NodeDefinition<K extends string = string, C = unknown> extends NodeFacets<C> {
  readonly kind: K;
  /** Name in the palette and on the card: "Wait", "Message". */
  readonly label: string;
  readonly category: NodeCategory;
  /** One sentence for the palette tooltip. */
  readonly description: string;
  /** Config schema: shapes and types. Labels and help live on the schema (`.meta`). */
  readonly schema: z.ZodType<C>;
  /** Canonical order of config keys in saved files (unknown keys follow, as read). */
  readonly configKeys: readonly string[];
  /** A config a new node starts with. */
  defaults(): C;
  /**
   * Output ports for a config. Takes the config as found in the file, possibly invalid, so the
   * canvas can draw a half-configured node.
   */
  ports(config: unknown): PortSpec[];
  /** Checks beyond the schema (durations, times, conditions, templates), on a schema-valid config. */
  check(config: C): IssueDraft[];
  /** One line for the canvas: "Wait 30 minutes", "Email: Your cart is waiting". */
  summary(config: C): string;
  /** Runs the node for one enrollment at `ctx.now`. Must only be called with a checked config. */
  step(ctx: StepContext<C>): StepDecision;
}

/** Identity helper that fixes a definition's types at the definition site. */
export function defineNode<K extends string, C>(
  definition: NodeDefinition<K, C>,
): NodeDefinition<K, C> {
  return definition;
}

/** The single `next` port of most kinds. */
export const NEXT_PORTS: readonly PortSpec[] = [{ id: 'next', label: 'Next' }];

const departures = new Map<string, StepDecision>();

/**
 * The decision to leave through `port` at once. Decisions are immutable, so one object per
 * port serves every step: steps are the hottest path of a simulation.
 */
export function leaveThrough(port: string): StepDecision {
  let decision = departures.get(port);
  if (!decision) {
    decision = Object.freeze({ type: 'next', port });
    departures.set(port, decision);
  }
  return decision;
}
