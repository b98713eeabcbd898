import { issue } from '../catalogue';
import { isEntryKind } from '../../nodes/registry';
import { q, type ValidationRule } from '../rule';

/** Every node can be reached from the trigger. */
export const reachableRule: ValidationRule = {
  id: 'reachable',
  check(graph) {
    const [trigger] = graph.triggers;
    if (!trigger) return [];
    const seen = new Set<string>([trigger.id]);
    const queue = [trigger.id];
    while (queue.length) {
      const id = queue.shift() as string;
      for (const edge of graph.outgoing.get(id) ?? []) {
        if (graph.nodes.has(edge.to) && !seen.has(edge.to)) {
          seen.add(edge.to);
          queue.push(edge.to);
        }
      }
    }
    return graph.journey.nodes
      .filter((node) => !seen.has(node.id) && !isEntryKind(node.kind))
      .map((node) =>
        issue('node-unreachable', {
          nodeId: node.id,
          path: ['nodes', graph.nodeIndex.get(node.id) ?? 0],
          message: `No path leads from the trigger to ${q(node.id)}: connect it or delete it.`,
        }),
      );
  },
};
