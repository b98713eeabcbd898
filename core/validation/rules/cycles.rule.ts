import { issue, type ValidationIssue } from '../catalogue';
import { isNodeKind, nodeDefinition } from '../../nodes/registry';
import { q, type ValidationRule } from '../rule';
import { loopsAmong } from '../../model/journey-loops';
import { titleList } from '../checks/check-wording';

/**
 * Every loop passes through a wait (a kind that holds time and so breaks instant cycles). Loops
 * among the other nodes are found as strongly connected components of the graph without those
 * nodes.
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
    const loops = loopsAmong(graph, graph.journey.nodes.map((n) => n.id).filter(instant), next);

    const issues: ValidationIssue[] = [];
    for (const order of loops) {
      const first = order[0] ?? '';
      issues.push(
        issue('cycle-without-wait', {
          nodeId: first,
          path: ['nodes', graph.nodeIndex.get(first) ?? 0],
          values: { steps: titleList(graph, order, order.length), count: order.length },
          message: `${order.map(q).join(', ')} form a loop without a wait, so a profile would go round it forever in one instant. Add a wait to the loop.`,
        }),
      );
    }
    return issues;
  },
};
