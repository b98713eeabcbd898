import { issue, type ValidationIssue } from '../catalogue';
import { isNodeKind, nodeDefinition } from '../../nodes/registry';
import { q, type ValidationRule } from '../rule';

/**
 * Every loop passes through a wait (a kind that holds time and so breaks instant cycles). Loops
 * among the other nodes are found as strongly connected components of the graph without those
 * nodes (Tarjan's algorithm).
 */
export const cyclesRule: ValidationRule = {
  id: 'cycles',
  check(graph) {
    // A node a loop may spin through in one instant: any but those that always take time.
    const instant = (id: string) => {
      const node = graph.nodes.get(id);
      return (
        node !== undefined &&
        !(isNodeKind(node.kind) && nodeDefinition(node.kind).holdsTime?.breaksInstantCycles)
      );
    };
    const next = (id: string) =>
      (graph.outgoing.get(id) ?? []).map((e) => e.to).filter((to) => instant(to));
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
    for (const node of graph.journey.nodes) {
      if (instant(node.id) && !index.has(node.id)) connect(node.id);
    }

    const issues: ValidationIssue[] = [];
    for (const component of components) {
      const selfLoop =
        component.length === 1 && next(component[0] ?? '').includes(component[0] ?? '');
      if (component.length < 2 && !selfLoop) continue;
      const order = [...component].sort(
        (a, b) => (graph.nodeIndex.get(a) ?? 0) - (graph.nodeIndex.get(b) ?? 0),
      );
      const first = order[0] ?? '';
      issues.push(
        issue('cycle-without-wait', {
          nodeId: first,
          path: ['nodes', graph.nodeIndex.get(first) ?? 0],
          message: `${order.map(q).join(', ')} form a loop without a wait, so a profile would go round it forever in one instant. Add a wait to the loop.`,
        }),
      );
    }
    return issues;
  },
};
