import type { NodeDefinition } from './node-definition';
import { NODE_DEFINITIONS } from './node-list';

/** A node kind's name: `trigger`, `wait`, … */
export type NodeKind = (typeof NODE_DEFINITIONS)[number]['kind'];

/** Every kind, in palette order. */
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

/**
 * Whether a kind lets profiles in (has the entry facet): a journey has exactly one such node,
 * and nothing leads into it. False for unknown kinds.
 */
export function isEntryKind(kind: string): boolean {
  return byKind.get(kind)?.entry !== undefined;
}
