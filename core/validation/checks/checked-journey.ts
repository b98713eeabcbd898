import {
  templateTexts,
  type ChannelDefinition,
  type TemplateFieldSpec,
} from '../../channels/channel-definition';
import { channelDefinition } from '../../channels/registry';
import type { Journey, JourneyNode } from '../../model/journey';
import { wellFormedSettings, type ResolvedSettings } from '../../model/journey-settings';
import type { JourneyGraph } from '../../model/journey-graph';
import type { EntryRoutes, NodeDefinition } from '../../nodes/node-definition';
import { isNodeKind, nodeDefinition } from '../../nodes/registry';
import { severityOf } from '../catalogue';

/** A node whose config passed its kind's schema and checks: safe to reason about. */
export interface CheckedNode {
  readonly id: string;
  readonly kind: string;
  /** What the kind is and does: checks ask its facets. */
  readonly definition: NodeDefinition;
  /** Position in `journey.nodes`, for issue paths. */
  readonly index: number;
  readonly node: JourneyNode;
  /** The config as the kind's schema parsed it. */
  readonly config: unknown;
}

/**
 * The settings that are well-formed, as they would run; a malformed one is at its default or
 * absent here (the settings rule reports it).
 */
export type CheckedSettings = ResolvedSettings;

/**
 * What the journey checks reason about: the nodes that are well configured, the trigger, the
 * nodes a profile can reach, and the well-formed settings. Checks look at a journey that may
 * still have errors (the canvas shows warnings while the journey is being drawn), so anything
 * broken is left out here rather than guessed at.
 */
export interface CheckedJourney {
  readonly journey: Journey;
  readonly graph: JourneyGraph;
  /** Well-configured nodes, in file order. */
  readonly nodes: ReadonlyMap<string, CheckedNode>;
  /** The trigger, when there is exactly one and it is well configured, with its ways in. */
  readonly trigger?: { readonly id: string; readonly routes: EntryRoutes };
  /** Nodes a profile can reach from the trigger (the trigger included). */
  readonly reachable: ReadonlySet<string>;
  readonly settings: CheckedSettings;
}

function checkedNodes(journey: Journey): Map<string, CheckedNode> {
  const out = new Map<string, CheckedNode>();
  journey.nodes.forEach((node, index) => {
    if (!isNodeKind(node.kind) || out.has(node.id)) return;
    const definition = nodeDefinition(node.kind);
    const parsed = definition.schema.safeParse(node.config);
    if (!parsed.success) return;
    if (definition.check(parsed.data).some((draft) => severityOf(draft.code) === 'error')) return;
    out.set(node.id, {
      id: node.id,
      kind: node.kind,
      definition,
      index,
      node,
      config: parsed.data,
    });
  });
  return out;
}

function reachableFrom(graph: JourneyGraph, start: string): Set<string> {
  const seen = new Set([start]);
  const queue = [start];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    for (const edge of graph.outgoing.get(id) ?? []) {
      if (graph.nodes.has(edge.to) && !seen.has(edge.to)) {
        seen.add(edge.to);
        queue.push(edge.to);
      }
    }
  }
  return seen;
}

export function checkedJourney(graph: JourneyGraph): CheckedJourney {
  const { journey } = graph;
  const nodes = checkedNodes(journey);
  const [only, ...others] = graph.triggers;
  const trigger = only && others.length === 0 ? nodes.get(only.id) : undefined;
  const routes = trigger?.definition.entry?.routes(trigger.config);
  return {
    journey,
    graph,
    nodes,
    ...(trigger && routes && { trigger: { id: trigger.id, routes } }),
    reachable: only ? reachableFrom(graph, only.id) : new Set(),
    settings: wellFormedSettings(journey.settings),
  };
}

/** A message node as the checks see it: the channel it sends on, and its config. */
export interface CheckedMessage {
  readonly channel: ChannelDefinition;
  readonly config: Readonly<Record<string, unknown>>;
}

/** The message a node sends, or undefined for a node of a kind that does not send. */
export function messageOf(node: CheckedNode | undefined): CheckedMessage | undefined {
  const sends = node?.definition.sends;
  if (!node || !sends) return undefined;
  return {
    channel: channelDefinition(sends.channel(node.config)),
    config: node.config as Record<string, unknown>,
  };
}

/** The message of a node that reaches a person, or undefined (webhooks reach systems). */
export function personMessage(node: CheckedNode | undefined): CheckedMessage | undefined {
  const message = messageOf(node);
  return message?.channel.person ? message : undefined;
}

/** Every template field of a message, with its text. */
export function templateFields(
  message: CheckedMessage,
): { spec: TemplateFieldSpec; text: string }[] {
  return templateTexts(message.channel, message.config);
}

/** The template fields a person reads: none for channels that reach systems (webhooks). */
export function readableFields(
  message: CheckedMessage,
): { spec: TemplateFieldSpec; text: string }[] {
  return message.channel.person ? templateFields(message) : [];
}
