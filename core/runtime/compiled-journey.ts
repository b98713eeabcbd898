import type { Journey } from '../model/journey';
import { buildGraph, type JourneyGraph } from '../model/journey-graph';
import { journeySettingsSchema, type ResolvedSettings } from '../model/journey-settings';
import type { EntryRoutes, NodeDefinition } from '../nodes/node-definition';
import { nodeDefinition } from '../nodes/registry';
import { validateJourney } from '../validation/validate';

export interface CompiledNode {
  readonly id: string;
  readonly definition: NodeDefinition;
  /** The config as the kind's schema parsed it. */
  readonly config: unknown;
  /** Where each connected port leads; an absent port is open (the journey ends there). */
  readonly targets: ReadonlyMap<string, string>;
}

/** A validated journey version, ready to run: configs parsed, settings resolved, graph indexed. */
export interface CompiledJourney {
  readonly journey: Journey;
  readonly id: string;
  readonly version: number;
  readonly graph: JourneyGraph;
  readonly settings: ResolvedSettings;
  readonly nodes: ReadonlyMap<string, CompiledNode>;
  readonly triggerId: string;
  /** How profiles enter: the routes of the entry node's kind. */
  readonly entry: EntryRoutes;
  /** Names of the events whose history the journey reads (in conditions, the segment's included). */
  readonly readsEvents: ReadonlySet<string>;
}

function eventsReadBy(nodes: ReadonlyMap<string, CompiledNode>): Set<string> {
  const names = new Set<string>();
  for (const node of nodes.values())
    for (const name of node.definition.reads?.names(node.config).history ?? []) names.add(name);
  return names;
}

export class JourneyNotRunnableError extends Error {
  constructor(
    readonly journeyId: string,
    readonly problems: string[],
  ) {
    super(`Journey "${journeyId}" has errors and cannot run: ${problems.join(' ')}`);
  }
}

/** Validates and prepares a journey version for the interpreter; errors make it refuse. */
export function compileJourney(journey: Journey, version = 1): CompiledJourney {
  const graph = buildGraph(journey);
  const validation = validateJourney(journey, graph);
  if (!validation.valid) {
    throw new JourneyNotRunnableError(
      journey.id,
      validation.issues.filter((i) => i.severity === 'error').map((i) => i.message),
    );
  }
  const nodes = new Map<string, CompiledNode>();
  for (const node of journey.nodes) {
    const definition = nodeDefinition(node.kind);
    const targets = new Map<string, string>();
    for (const edge of graph.outgoing.get(node.id) ?? [])
      if (!targets.has(edge.port)) targets.set(edge.port, edge.to);
    nodes.set(node.id, {
      id: node.id,
      definition,
      config: definition.schema.parse(node.config),
      targets,
    });
  }
  const trigger = graph.triggers[0];
  if (!trigger) throw new JourneyNotRunnableError(journey.id, ['It has no trigger.']);
  const entryNode = nodes.get(trigger.id);
  const entry = entryNode?.definition.entry?.routes(entryNode.config);
  if (!entry) throw new JourneyNotRunnableError(journey.id, ['Its trigger lets nobody in.']);
  return {
    journey,
    id: journey.id,
    version,
    graph,
    settings: journeySettingsSchema.parse(journey.settings),
    nodes,
    triggerId: trigger.id,
    entry,
    readsEvents: eventsReadBy(nodes),
  };
}

/**
 * Whether starting the journey concerns every existing profile (segment and dated entries), not
 * only those who later perform an event.
 */
export function startsWithEveryone(journey: CompiledJourney): boolean {
  return journey.entry.segment !== undefined || journey.entry.dated !== undefined;
}
