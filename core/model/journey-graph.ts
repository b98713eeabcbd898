import { isEntryKind, isNodeKind, nodeDefinition } from '../nodes/registry';
import type { PortSpec } from '../nodes/node-definition';
import { edgePort, type Journey, type JourneyEdge, type JourneyNode } from './journey';

/** An edge with its index in the file and its port resolved. */
export interface GraphEdge {
  index: number;
  from: string;
  port: string;
  to: string;
  edge: JourneyEdge;
}

/**
 * Lookups over a journey's nodes and edges that validation, the interpreter and the canvas share.
 * Built once per journey version; never mutated.
 */
export interface JourneyGraph {
  readonly journey: Journey;
  readonly nodes: ReadonlyMap<string, JourneyNode>;
  /** Position of each node in `journey.nodes`. */
  readonly nodeIndex: ReadonlyMap<string, number>;
  readonly edges: readonly GraphEdge[];
  /** Edges leaving each node, in file order. */
  readonly outgoing: ReadonlyMap<string, readonly GraphEdge[]>;
  readonly incoming: ReadonlyMap<string, readonly GraphEdge[]>;
  /** Nodes of a kind that lets profiles in (triggers), in file order; a journey needs one. */
  readonly triggers: readonly JourneyNode[];
  /** Output ports of a node, from its kind's definition (none for unknown kinds). */
  ports(nodeId: string): readonly PortSpec[];
  /** The node a port leads to, or undefined for an open port. */
  target(nodeId: string, port: string): string | undefined;
}

export function buildGraph(journey: Journey): JourneyGraph {
  const nodes = new Map<string, JourneyNode>();
  const nodeIndex = new Map<string, number>();
  journey.nodes.forEach((node, i) => {
    if (!nodes.has(node.id)) {
      nodes.set(node.id, node);
      nodeIndex.set(node.id, i);
    }
  });
  const edges = journey.edges.map((edge, index) => ({
    index,
    from: edge.from,
    port: edgePort(edge),
    to: edge.to,
    edge,
  }));
  const outgoing = new Map<string, GraphEdge[]>();
  const incoming = new Map<string, GraphEdge[]>();
  const targets = new Map<string, string>();
  for (const e of edges) {
    const out = outgoing.get(e.from) ?? [];
    out.push(e);
    outgoing.set(e.from, out);
    const into = incoming.get(e.to) ?? [];
    into.push(e);
    incoming.set(e.to, into);
    const key = `${e.from}\u0000${e.port}`;
    if (!targets.has(key)) targets.set(key, e.to);
  }
  const portCache = new Map<string, readonly PortSpec[]>();
  return {
    journey,
    nodes,
    nodeIndex,
    edges,
    outgoing,
    incoming,
    triggers: journey.nodes.filter((n) => isEntryKind(n.kind)),
    ports(nodeId) {
      let ports = portCache.get(nodeId);
      if (!ports) {
        const node = nodes.get(nodeId);
        ports = node && isNodeKind(node.kind) ? nodeDefinition(node.kind).ports(node.config) : [];
        portCache.set(nodeId, ports);
      }
      return ports;
    },
    target: (nodeId, port) => targets.get(`${nodeId}\u0000${port}`),
  };
}
