import { conditionNode } from './condition.node';
import { exitNode } from './exit.node';
import { messageNode } from './message.node';
import type { NodeDefinition } from './node-definition';
import { splitNode } from './split.node';
import { triggerNode } from './trigger.node';
import { updateNode } from './update.node';
import { waitNode } from './wait.node';

/** Every node kind, in palette order. Adding a kind means adding its file and one entry here. */
export const NODE_DEFINITIONS = [
  triggerNode,
  waitNode,
  conditionNode,
  splitNode,
  messageNode,
  updateNode,
  exitNode,
] as const;

export type NodeKind = (typeof NODE_DEFINITIONS)[number]['kind'];

export const NODE_KINDS: readonly NodeKind[] = NODE_DEFINITIONS.map((d) => d.kind);

const byKind = new Map<string, NodeDefinition>(
  NODE_DEFINITIONS.map((d) => [d.kind, d as NodeDefinition]),
);

export function isNodeKind(kind: string): kind is NodeKind {
  return byKind.has(kind);
}

/** The definition of a kind; throws for an unknown kind (files with one are rejected on load). */
export function nodeDefinition(kind: string): NodeDefinition {
  const definition = byKind.get(kind);
  if (!definition)
    throw new Error(`Unknown node kind "${kind}"; known kinds: ${NODE_KINDS.join(', ')}`);
  return definition;
}
