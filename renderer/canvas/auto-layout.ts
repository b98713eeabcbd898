import dagre from '@dagrejs/dagre';
import type { Position } from '../../core/model/journey';
import { forwardChildren, orderBranches, type Placed } from './branch-order';
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
  const kept = sorted.filter(
    (edge) => known.has(edge.from) && known.has(edge.to) && edge.from !== edge.to,
  );
  for (const edge of kept) graph.setEdge(edge.from, edge.to);
  dagre.layout(graph);
  const placed = new Map<string, Placed>();
  for (const node of nodes) {
    const at = graph.node(node.id) as { x: number; y: number } | undefined;
    if (at) {
      const size = { width: node.width ?? NODE_WIDTH, height: node.height ?? NODE_HEIGHT };
      placed.set(node.id, { x: at.x, y: at.y, ...size });
    }
  }
  orderBranches(
    placed,
    forwardChildren(
      nodes.map((n) => n.id),
      kept,
    ),
  );
  const positions = new Map<string, Position>();
  for (const [id, p] of placed) {
    positions.set(id, { x: snap(p.x - p.width / 2), y: snap(p.y - p.height / 2) });
  }
  return positions;
}
