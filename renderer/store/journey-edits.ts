import {
  DEFAULT_PORT,
  edgePort,
  type Journey,
  type JourneyEdge,
  type JourneyNode,
  type Position,
} from '../../core/model/journey';
import { nodeDefinition, type NodeKind } from '../../core/nodes/registry';

/**
 * Edits of a journey document as pure functions: each returns a new journey and leaves the old
 * one untouched, which is what makes undo a list of documents.
 */

/** A new id for a node of `kind`: the kind itself, then kind-2, kind-3… */
export function uniqueNodeId(base: string, taken: ReadonlySet<string>): string {
  const stem =
    base
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'step';
  if (!taken.has(stem)) return stem;
  const root = stem.replace(/-\d+$/, '');
  for (let n = 2; ; n++) {
    const candidate = `${root}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export function nodeIds(journey: Journey): Set<string> {
  return new Set(journey.nodes.map((n) => n.id));
}

export function addNode(
  journey: Journey,
  kind: NodeKind,
  position: Position,
  connectFrom?: { from: string; port: string },
): { journey: Journey; id: string } {
  const definition = nodeDefinition(kind);
  const id = uniqueNodeId(kind, nodeIds(journey));
  const node: JourneyNode = {
    id,
    kind,
    position: { x: position.x, y: position.y },
    config: structuredClone(definition.defaults()) as Record<string, unknown>,
  };
  const edges = connectFrom
    ? [...journey.edges, makeEdge(connectFrom.from, connectFrom.port, id)]
    : journey.edges;
  return { journey: { ...journey, nodes: [...journey.nodes, node], edges }, id };
}

export function makeEdge(from: string, port: string, to: string): JourneyEdge {
  return port === DEFAULT_PORT ? { from, to } : { from, port, to };
}

export function addEdge(journey: Journey, edge: JourneyEdge): Journey {
  return { ...journey, edges: [...journey.edges, edge] };
}

function replaceNode(
  journey: Journey,
  id: string,
  update: (node: JourneyNode) => JourneyNode,
): Journey {
  let changed = false;
  const nodes = journey.nodes.map((node) => {
    if (node.id !== id) return node;
    const next = update(node);
    changed ||= next !== node;
    return next;
  });
  return changed ? { ...journey, nodes } : journey;
}

/**
 * Replaces a node's config. Connections from ports the new config no longer has (a split variant
 * removed, a wait switched away from "event") are dropped with it, and a renamed split variant
 * keeps its connection.
 */
export function setNodeConfig(
  journey: Journey,
  id: string,
  config: Record<string, unknown>,
  renamedPorts: ReadonlyMap<string, string> = new Map(),
): Journey {
  const node = journey.nodes.find((n) => n.id === id);
  if (!node || node.config === config) return journey;
  const next = replaceNode(journey, id, (n) => ({ ...n, config }));
  const before = new Set(
    nodeDefinition(node.kind)
      .ports(node.config)
      .map((p) => p.id),
  );
  const after = new Set(
    nodeDefinition(node.kind)
      .ports(config)
      .map((p) => p.id),
  );
  let edgesChanged = false;
  const edges: JourneyEdge[] = [];
  for (const edge of next.edges) {
    if (edge.from !== id) {
      edges.push(edge);
      continue;
    }
    const port = edgePort(edge);
    const renamed = renamedPorts.get(port);
    if (renamed !== undefined && after.has(renamed)) {
      edges.push(makeEdge(id, renamed, edge.to));
      edgesChanged = true;
    } else if (before.has(port) && !after.has(port)) {
      edgesChanged = true;
    } else {
      edges.push(edge);
    }
  }
  return edgesChanged ? { ...next, edges } : next;
}

export function setNodeLabel(journey: Journey, id: string, label: string): Journey {
  return replaceNode(journey, id, (node) => {
    // Kept as typed (a name being typed ends in a space now and then); blank removes it.
    const next = label.trim() === '' ? '' : label;
    if ((node.label ?? '') === next) return node;
    const { label: _old, ...rest } = node;
    return next ? { ...rest, label: next } : rest;
  });
}

/** Removes nodes (and every connection touching them) and the given edges. */
export function removeElements(
  journey: Journey,
  nodeIdsToRemove: ReadonlySet<string>,
  edgesToRemove: ReadonlySet<JourneyEdge> = new Set(),
): Journey {
  if (nodeIdsToRemove.size === 0 && edgesToRemove.size === 0) return journey;
  return {
    ...journey,
    nodes: journey.nodes.filter((n) => !nodeIdsToRemove.has(n.id)),
    edges: journey.edges.filter(
      (e) => !edgesToRemove.has(e) && !nodeIdsToRemove.has(e.from) && !nodeIdsToRemove.has(e.to),
    ),
  };
}

export function setPositions(journey: Journey, positions: ReadonlyMap<string, Position>): Journey {
  if (positions.size === 0) return journey;
  return {
    ...journey,
    nodes: journey.nodes.map((node) => {
      const p = positions.get(node.id);
      if (!p || (node.position && node.position.x === p.x && node.position.y === p.y)) return node;
      return { ...node, position: { ...node.position, x: p.x, y: p.y } };
    }),
  };
}

/** Nodes and the connections among them, as copied to the clipboard. */
export interface Fragment {
  nodes: JourneyNode[];
  edges: JourneyEdge[];
}

export function copyFragment(journey: Journey, ids: ReadonlySet<string>): Fragment {
  return {
    nodes: journey.nodes.filter((n) => ids.has(n.id)).map((n) => structuredClone(n)),
    edges: journey.edges
      .filter((e) => ids.has(e.from) && ids.has(e.to))
      .map((e) => structuredClone(e)),
  };
}

/**
 * Pastes a fragment with fresh ids, shifted by `offset`, keeping the connections among the pasted
 * nodes. Returns the ids of the new nodes, in fragment order.
 */
export function pasteFragment(
  journey: Journey,
  fragment: Fragment,
  offset: Position,
): { journey: Journey; ids: string[] } {
  const taken = nodeIds(journey);
  const rename = new Map<string, string>();
  const nodes = fragment.nodes.map((node) => {
    const id = uniqueNodeId(node.id, taken);
    taken.add(id);
    rename.set(node.id, id);
    const position = node.position ?? { x: 0, y: 0 };
    return {
      ...structuredClone(node),
      id,
      position: { ...position, x: position.x + offset.x, y: position.y + offset.y },
    };
  });
  const edges = fragment.edges.flatMap((edge) => {
    const from = rename.get(edge.from);
    const to = rename.get(edge.to);
    return from && to ? [{ ...structuredClone(edge), from, to }] : [];
  });
  return {
    journey: {
      ...journey,
      nodes: [...journey.nodes, ...nodes],
      edges: [...journey.edges, ...edges],
    },
    ids: nodes.map((n) => n.id),
  };
}
