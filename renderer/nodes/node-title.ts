import type { JourneyNode } from '../../core/model/journey';
import { isNodeKind, nodeDefinition } from '../../core/nodes/registry';

/** What a node is called on the canvas: its own label, or its kind's name. */
export function nodeTitle(node: JourneyNode): string {
  if (node.label?.trim()) return node.label;
  return isNodeKind(node.kind) ? nodeDefinition(node.kind).label : node.kind;
}
