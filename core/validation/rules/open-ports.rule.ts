import { issue, type ValidationIssue } from '../catalogue';
import { q, type ValidationRule } from '../rule';

/** Ports without a connection: not a mistake, but worth showing where profiles end. */
export const openPortsRule: ValidationRule = {
  id: 'open-ports',
  check(graph) {
    const issues: ValidationIssue[] = [];
    for (const node of graph.journey.nodes) {
      for (const port of graph.ports(node.id)) {
        if (graph.target(node.id, port.id) === undefined) {
          issues.push(
            issue('port-open', {
              nodeId: node.id,
              port: port.id,
              values: { port: port.id, variant: port.id === 'next' ? 'next' : 'named' },
              path: ['nodes', graph.nodeIndex.get(node.id) ?? 0],
              message:
                port.id === 'next'
                  ? `Profiles end the journey after ${q(node.id)}.`
                  : `Profiles leaving ${q(node.id)} through ${q(port.id)} end the journey there.`,
            }),
          );
        }
      }
    }
    return issues;
  },
};
