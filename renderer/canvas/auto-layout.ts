import dagre from '@dagrejs/dagre';
import type { Position } from '../../core/model/journey';
import { NODE_HEIGHT, NODE_WIDTH, snap } from './geometry';

export interface LayoutNode {
  id: string;
  width?: number;
  height?: number;
}

export interface LayoutEdge {
  from: string;
  port?: string;
  to: string;
}

/**
 * Top-down layered layout (dagre): the trigger at the top, each step below the one before it,
 * branches side by side, a node's children in the order of its ports (yes left of no, A left of
 * B). Returns top-left corners on the grid.
 */
export function layoutPositions(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  portOrder: (nodeId: string) => readonly string[] = () => [],
): Map<string, Position> {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: 'TB', nodesep: 48, ranksep: 64, marginx: 0, marginy: 0 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of nodes) {
    graph.setNode(node.id, {
      width: node.width ?? NODE_WIDTH,
      height: node.height ?? NODE_HEIGHT,
    });
  }
  const known = new Set(nodes.map((n) => n.id));
  // Dagre orders siblings by the order their edges were added: add them in port order.
  const rank = (edge: LayoutEdge) => {
    const index = portOrder(edge.from).indexOf(edge.port ?? 'next');
    return index < 0 ? Number.MAX_SAFE_INTEGER : index;
  };
  const bySource = new Map<string, LayoutEdge[]>();
  for (const edge of edges) bySource.set(edge.from, [...(bySource.get(edge.from) ?? []), edge]);
  const sorted = [...bySource.values()].flatMap((list) => list.sort((a, b) => rank(a) - rank(b)));
  for (const edge of sorted) {
    if (known.has(edge.from) && known.has(edge.to) && edge.from !== edge.to) {
      graph.setEdge(edge.from, edge.to);
    }
  }
  dagre.layout(graph);
  const positions = new Map<string, Position>();
  for (const node of nodes) {
    const placed = graph.node(node.id) as { x: number; y: number } | undefined;
    if (!placed) continue;
    positions.set(node.id, {
      x: snap(placed.x - (node.width ?? NODE_WIDTH) / 2),
      y: snap(placed.y - (node.height ?? NODE_HEIGHT) / 2),
    });
  }
  return positions;
}
