import type { z } from 'zod';
import type { Condition, Filter } from '../conditions/condition';
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
    /** Local minutes after midnight the entries happen at, when that is fixed (for checks). */
    readonly localTime?: number;
  };
}

/** Facet of a kind that lets profiles in (a trigger): exactly one per journey. */
export interface EntryFacet<C> {
  routes(config: C): EntryRoutes;
}

/**
 * Optional facets: what a kind *is*, asked by the interpreter, the report, the checks, the canvas
 * and the inspector instead of testing `kind === '…'`. Each is typed on the kind's config.
 */
export interface NodeFacets<C> {
  /** The kind lets profiles in. */
  readonly entry?: EntryFacet<C>;
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

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

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
