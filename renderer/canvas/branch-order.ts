/** A node placed by the layered layout: its centre (cards of one rank share `y`) and size. */
export interface Placed {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface OrderedEdge {
  from: string;
  to: string;
}

/** Room between two cards side by side, as the layered layout leaves it. */
const GAP = 48;

/**
 * The edges that go forward (down the journey): a depth-first walk from the steps nothing leads
 * to, children in port order; an edge back to a step still on the walk's path closes a loop and is
 * left out, so a loop never makes its start a "branch" of its end.
 */
export function forwardChildren(
  ids: readonly string[],
  edges: readonly OrderedEdge[],
): Map<string, string[]> {
  const out = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const edge of edges) out.get(edge.from)?.push(edge.to);
  const entered = new Set(edges.map((e) => e.to));
  const roots = [...ids.filter((id) => !entered.has(id)), ...ids];
  const state = new Map<string, 'open' | 'done'>();
  const forward = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const root of roots) {
    if (state.has(root)) continue;
    // Iterative, so a long chain cannot overflow the stack; each node is entered once.
    const stack: { id: string; next: number }[] = [{ id: root, next: 0 }];
    state.set(root, 'open');
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { id: string; next: number };
      const children = out.get(top.id) ?? [];
      if (top.next >= children.length) {
        state.set(top.id, 'done');
        stack.pop();
        continue;
      }
      const child = children[top.next++] as string;
      if (state.get(child) === 'open') continue;
      const list = forward.get(top.id) as string[];
      if (!list.includes(child)) list.push(child);
      if (!state.has(child)) {
        state.set(child, 'open');
        stack.push({ id: child, next: 0 });
      }
    }
  }
  return forward;
}

function reach(start: string, forward: ReadonlyMap<string, readonly string[]>): Set<string> {
  const seen = new Set([start]);
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    for (const next of forward.get(queue[i] as string) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

/**
 * Dagre orders siblings to cut crossings, not by meaning, so Yes can land right of No and variant
 * B left of A. Top-down, each branching step's branches (the steps only that branch reaches) are
 * laid side by side in port order, in the room they took together; then cards that came to
 * overlap on a row are pushed apart, keeping their order.
 */
export function orderBranches(
  placed: Map<string, Placed>,
  forward: ReadonlyMap<string, readonly string[]>,
): void {
  const branching = [...forward]
    .filter(([, children]) => children.length > 1)
    .sort(([a], [b]) => (placed.get(a)?.y ?? 0) - (placed.get(b)?.y ?? 0));
  for (const [, children] of branching) {
    const reached = children.map((child) => reach(child, forward));
    const own = reached.map((set, i) => {
      const mine = new Set<string>();
      for (const id of set) if (!reached.some((other, j) => j !== i && other.has(id))) mine.add(id);
      return mine;
    });
    const branches = children
      .map((child, i) => ({ child, nodes: own[i] as Set<string> }))
      .filter((b) => b.nodes.has(b.child));
    if (branches.length < 2) continue;
    const xs = branches.map((b) => placed.get(b.child)?.x ?? 0);
    if (xs.every((x, i) => i === 0 || (xs[i - 1] as number) < x)) continue;
    const extents = branches.map(({ nodes }) => {
      let left = Infinity;
      let right = -Infinity;
      for (const id of nodes) {
        const p = placed.get(id);
        if (!p) continue;
        left = Math.min(left, p.x - p.width / 2);
        right = Math.max(right, p.x + p.width / 2);
      }
      return { left, right };
    });
    let cursor = Math.min(...extents.map((e) => e.left));
    branches.forEach(({ nodes }, i) => {
      const { left, right } = extents[i] as { left: number; right: number };
      const shift = cursor - left;
      for (const id of nodes) {
        const p = placed.get(id);
        if (p) p.x += shift;
      }
      cursor += right - left + GAP;
    });
  }
  separateRows(placed);
}

/** Cards on one row that overlap are pushed right, in the order they stand. */
function separateRows(placed: Map<string, Placed>): void {
  const rows = new Map<number, Placed[]>();
  for (const p of placed.values()) rows.set(p.y, [...(rows.get(p.y) ?? []), p]);
  for (const row of rows.values()) {
    row.sort((a, b) => a.x - b.x);
    for (let i = 1; i < row.length; i++) {
      const before = row[i - 1] as Placed;
      const card = row[i] as Placed;
      const least = before.x + before.width / 2 + GAP + card.width / 2;
      if (card.x < least) card.x = least;
    }
  }
}
