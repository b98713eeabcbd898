import type { Journey, JourneyNode } from '../../model/journey';
import type { JourneyGraph } from '../../model/journey-graph';
import { wellFormedSettings, type ResolvedSettings } from '../../model/journey-settings';
import type { MessageConfig } from '../../nodes/message.node';
import { isNodeKind, nodeDefinition } from '../../nodes/registry';
import type { TriggerConfig } from '../../nodes/trigger.node';
import { severityOf } from '../catalogue';

/** A node whose config passed its kind's schema and checks: safe to reason about. */
export interface CheckedNode {
  readonly id: string;
  readonly kind: string;
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
  /** The trigger, when there is exactly one and it is well configured. */
  readonly trigger?: { readonly id: string; readonly config: TriggerConfig };
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
    out.set(node.id, { id: node.id, kind: node.kind, index, node, config: parsed.data });
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
  return {
    journey,
    graph,
    nodes,
    ...(trigger && { trigger: { id: trigger.id, config: trigger.config as TriggerConfig } }),
    reachable: only ? reachableFrom(graph, only.id) : new Set(),
    settings: wellFormedSettings(journey.settings),
  };
}

/** Channels that reach a person (webhooks reach systems). */
export type PersonChannel = 'email' | 'sms' | 'push';

/** The config of a message node that reaches a person, or undefined for anything else. */
export function personMessage(node: CheckedNode | undefined): MessageConfig | undefined {
  if (node?.kind !== 'message') return undefined;
  const config = node.config as MessageConfig;
  return config.channel === 'webhook' ? undefined : config;
}

/** Every template field of a message, with the name a marketer knows it by. */
export function templateFields(
  config: MessageConfig,
): [field: string, title: string, text: string][] {
  switch (config.channel) {
    case 'email':
      return [
        ['subject', 'subject', config.subject],
        ['html', 'body', config.html],
        ...(config.text === undefined
          ? []
          : [['text', 'plain-text body', config.text] as [string, string, string]]),
      ];
    case 'sms':
      return [['text', 'text', config.text]];
    case 'push':
      return [
        ['title', 'title', config.title],
        ['body', 'body', config.body],
      ];
    case 'webhook':
      return [
        ['url', 'URL', config.url],
        ...(config.body === undefined
          ? []
          : [['body', 'body', config.body] as [string, string, string]]),
      ];
  }
}

/** The template fields a person reads: none for webhooks, which reach systems. */
export function readableFields(
  config: MessageConfig,
): [field: string, title: string, text: string][] {
  return config.channel === 'webhook' ? [] : templateFields(config);
}
