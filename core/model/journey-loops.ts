import type { GraphEdge, JourneyGraph } from './journey-graph';

/**
 * Strongly connected components of a graph (Tarjan's algorithm): groups of nodes each of which
 * can be reached from every other. `next` gives a node's successors; those not in `ids` are
 * left out.
 */
export function stronglyConnected(
  ids: Iterable<string>,
  next: (id: string) => readonly string[],
): string[][] {
  const nodes = new Set(ids);
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  const connect = (v: string) => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of next(v)) {
      if (!nodes.has(w)) continue;
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop();
        if (w === undefined) break;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      components.push(component);
    }
  };
  for (const id of nodes) if (!index.has(id)) connect(id);
  return components;
}

/**
 * The loops among `ids`: components a profile can go round (more than one node, or a node that
 * leads to itself), each listed in the journey file's order, the loops in the order of their
 * first node.
 */
export function loopsAmong(
  graph: JourneyGraph,
  ids: Iterable<string>,
  next: (id: string) => readonly string[],
): string[][] {
  const order = (id: string) => graph.nodeIndex.get(id) ?? 0;
  return stronglyConnected(ids, next)
    .filter((c) => c.length > 1 || next(c[0] ?? '').includes(c[0] ?? ''))
    .map((c) => [...c].sort((a, b) => order(a) - order(b)))
    .sort((a, b) => order(a[0] ?? '') - order(b[0] ?? ''));
}

/** Where each node's connections lead, among the journey's nodes. */
function successors(graph: JourneyGraph): (id: string) => readonly string[] {
  return (id) =>
    (graph.outgoing.get(id) ?? []).map((e) => e.to).filter((to) => graph.nodes.has(to));
}

/** Every loop of a journey, through any kind of node. */
export function journeyLoops(graph: JourneyGraph): string[][] {
  return loopsAmong(graph, graph.nodes.keys(), successors(graph));
}

/**
 * The connections that lead back to a node on the way from `start` to them (a depth-first walk):
 * without them the journey has no loop, and every path goes round each loop at most once.
 */
export function loopBacks(graph: JourneyGraph, start: string): Set<GraphEdge> {
  const back = new Set<GraphEdge>();
  const state = new Map<string, 'open' | 'done'>();
  // Iterative: one frame per node on the current path, each with the next edge to follow.
  const frames: { id: string; edges: readonly GraphEdge[]; at: number }[] = [];
  const enter = (id: string) => {
    state.set(id, 'open');
    frames.push({ id, edges: graph.outgoing.get(id) ?? [], at: 0 });
  };
  if (graph.nodes.has(start)) enter(start);
  while (frames.length > 0) {
    const frame = frames[frames.length - 1] as (typeof frames)[number];
    const edge = frame.edges[frame.at++];
    if (!edge) {
      state.set(frame.id, 'done');
      frames.pop();
      continue;
    }
    if (!graph.nodes.has(edge.to)) continue;
    const seen = state.get(edge.to);
    if (seen === 'open') back.add(edge);
    else if (seen === undefined) enter(edge.to);
  }
  return back;
}
