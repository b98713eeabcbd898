import type { Edge, Node } from '@xyflow/react';
import {
  DEFAULT_PORT,
  edgePort,
  type Journey,
  type JourneyEdge,
  type JourneyNode,
  type Position,
} from '../../core/model/journey';
import type { ValidationIssue } from '../../core/validation/catalogue';
import { nodeCardHeight, nodePorts } from '../nodes/card-shape';
import { layoutPositions } from './auto-layout';

/**
 * What a node card draws: the journey node itself and the validator's findings on it.
 * Never callbacks (actions live in the store), so cards stay pure and memoizable.
 */
export type JourneyNodeData = {
  node: JourneyNode;
  issues: readonly ValidationIssue[];
  /**
   * Set when the file gave no position and the canvas placed the node. The file keeps having no
   * position until the node is moved, so opening a hand-written journey does not change it.
   */
  autoPosition?: Position;
};

export type JourneyFlowNode = Node<JourneyNodeData, 'journey'>;

export type JourneyEdgeData = { edge: JourneyEdge };

export type JourneyFlowEdge = Edge<JourneyEdgeData>;

export interface Flow {
  nodes: JourneyFlowNode[];
  edges: JourneyFlowEdge[];
}

export interface FlowOptions {
  issuesByNode?: ReadonlyMap<string, readonly ValidationIssue[]>;
  selectedNodes?: ReadonlySet<string>;
  selectedEdges?: ReadonlySet<string>;
  /**
   * The flow drawn before this change. Unchanged nodes and edges keep their objects (so memoized
   * cards do not re-render) and React Flow's measurements; auto-placed nodes keep their place.
   */
  previous?: Flow;
}

const NO_ISSUES: readonly ValidationIssue[] = [];

/** A stable id for an edge: its endpoints and port; repeated connections get a suffix. */
export function edgeIds(edges: readonly JourneyEdge[]): string[] {
  const seen = new Map<string, number>();
  return edges.map((edge) => {
    const base = `${edge.from}:${edgePort(edge)}->${edge.to}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}~${count}`;
  });
}

function samePosition(a: Position | undefined, b: Position | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.x === b.x && a.y === b.y);
}

/** Maps a journey to React Flow nodes and edges. Pure: the same input gives the same flow. */
export function journeyToFlow(journey: Journey, options: FlowOptions = {}): Flow {
  const previousNodes = new Map(options.previous?.nodes.map((n) => [n.id, n]));
  const previousEdges = new Map(options.previous?.edges.map((e) => [e.id, e]));

  const unplaced = journey.nodes.filter(
    (n) => !n.position && !previousNodes.get(n.id)?.data.autoPosition,
  );
  const placedByLayout =
    unplaced.length > 0
      ? layoutPositions(
          journey.nodes.map((n) => ({
            id: n.id,
            height: nodeCardHeight(n, options.issuesByNode?.get(n.id) ?? NO_ISSUES),
          })),
          journey.edges,
          (id) => {
            const node = journey.nodes.find((n) => n.id === id);
            return node ? nodePorts(node).map((p) => p.id) : [];
          },
        )
      : undefined;

  const nodes = journey.nodes.map((node): JourneyFlowNode => {
    const previous = previousNodes.get(node.id);
    const issues = options.issuesByNode?.get(node.id) ?? NO_ISSUES;
    const selected = options.selectedNodes?.has(node.id) ?? false;
    const autoPosition = node.position
      ? undefined
      : (previous?.data.autoPosition ?? placedByLayout?.get(node.id) ?? { x: 0, y: 0 });
    const position = node.position ?? autoPosition ?? { x: 0, y: 0 };
    if (
      previous &&
      previous.data.node === node &&
      previous.data.issues === issues &&
      (previous.selected ?? false) === selected &&
      samePosition(previous.position, position)
    ) {
      return previous;
    }
    return {
      id: node.id,
      type: 'journey',
      position: { x: position.x, y: position.y },
      data: { node, issues, ...(autoPosition && { autoPosition }) },
      selected,
      ...(previous?.measured && { measured: previous.measured }),
    };
  });

  const ids = edgeIds(journey.edges);
  const edges = journey.edges.map((edge, i): JourneyFlowEdge => {
    const id = ids[i] ?? `${i}`;
    const previous = previousEdges.get(id);
    const selected = options.selectedEdges?.has(id) ?? false;
    if (previous && previous.data?.edge === edge && (previous.selected ?? false) === selected) {
      return previous;
    }
    return {
      id,
      source: edge.from,
      sourceHandle: edgePort(edge),
      target: edge.to,
      data: { edge },
      selected,
    };
  });
  return { nodes, edges };
}

function nodeFromFlow(flowNode: JourneyFlowNode): JourneyNode {
  const { node, autoPosition } = flowNode.data;
  const { x, y } = flowNode.position;
  const unchanged = node.position
    ? node.position.x === x && node.position.y === y
    : autoPosition !== undefined && autoPosition.x === x && autoPosition.y === y;
  if (unchanged) return node;
  // Spread the old position first: keys a newer build wrote there (e.g. "layer") survive.
  return { ...node, position: { ...node.position, x, y } };
}

function edgeFromFlow(flowEdge: JourneyFlowEdge): JourneyEdge {
  const original = flowEdge.data?.edge;
  const port = flowEdge.sourceHandle ?? DEFAULT_PORT;
  if (
    original &&
    original.from === flowEdge.source &&
    original.to === flowEdge.target &&
    edgePort(original) === port
  ) {
    return original;
  }
  // `port` is left out for the single `next` output, as the file format allows and people write.
  const { port: _previousPort, ...rest } = original ?? {};
  const keepPort = port !== DEFAULT_PORT || original?.port !== undefined;
  return { ...rest, from: flowEdge.source, ...(keepPort && { port }), to: flowEdge.target };
}

/**
 * Writes the flow back into the journey: node order, positions and connections from the canvas,
 * everything else (config, labels, unknown keys) from the journey. Returns the same journey object
 * when nothing changed.
 */
export function flowToJourney(
  journey: Journey,
  nodes: readonly JourneyFlowNode[],
  edges: readonly JourneyFlowEdge[],
): Journey {
  const nextNodes = nodes.map(nodeFromFlow);
  const nextEdges = edges.map(edgeFromFlow);
  const same =
    nextNodes.length === journey.nodes.length &&
    nextEdges.length === journey.edges.length &&
    nextNodes.every((n, i) => n === journey.nodes[i]) &&
    nextEdges.every((e, i) => e === journey.edges[i]);
  return same ? journey : { ...journey, nodes: nextNodes, edges: nextEdges };
}
