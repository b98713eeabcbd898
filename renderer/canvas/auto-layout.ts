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
  to: string;
}

/**
 * Top-down layered layout (dagre): the trigger at the top, each step below the one before it,
 * branches side by side. Edges are added in the order given, which keeps a node's children in
 * the order of its ports (yes before no, A before B). Returns top-left corners on the grid.
 */
export function layoutPositions(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
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
  for (const edge of edges) {
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
