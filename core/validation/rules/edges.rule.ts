import { issue, type ValidationIssue } from '../catalogue';
import { q, type ValidationRule } from '../rule';
import { stepTitleOf } from '../checks/check-wording';

/** Connections join existing nodes, leave through a port the source has, one per port. */
export const edgesRule: ValidationRule = {
  id: 'edges',
  check(graph) {
    const issues: ValidationIssue[] = [];
    const used = new Map<string, number>();
    for (const edge of graph.edges) {
      const where = { edgeIndex: edge.index, path: ['edges', edge.index] };
      const ends = {
        fromId: edge.from,
        fromTitle: stepTitleOf(graph, edge.from),
        toId: edge.to,
        toTitle: stepTitleOf(graph, edge.to),
      };
      const source = graph.nodes.get(edge.from);
      const target = graph.nodes.get(edge.to);
      if (!source || !target) {
        const missing = [!source ? edge.from : undefined, !target ? edge.to : undefined].filter(
          Boolean,
        ) as string[];
        issues.push(
          issue('edge-unknown-node', {
            ...where,
            nodeId: source ? edge.from : undefined,
            path: ['edges', edge.index, !source ? 'from' : 'to'],
            values: { ...ends, missing: missing.map(q).join(', '), count: missing.length },
            message: `The connection from ${q(edge.from)} to ${q(edge.to)} refers to ${missing.map(q).join(' and ')}, which ${missing.length > 1 ? 'do' : 'does'} not exist.`,
          }),
        );
        continue;
      }
      const ports = graph.ports(edge.from);
      if (!ports.some((p) => p.id === edge.port)) {
        const explicit = edge.edge.port !== undefined;
        issues.push(
          issue('edge-unknown-port', {
            ...where,
            nodeId: edge.from,
            port: edge.port,
            path: ['edges', edge.index, explicit ? 'port' : 'from'],
            values: {
              ...ends,
              variant: ports.length === 0 ? 'lastStep' : explicit ? 'unknown' : 'needsPort',
              kind: source.kind,
              port: edge.port,
              ports: ports.map((p) => p.id).join(', '),
            },
            message:
              ports.length === 0
                ? `${q(edge.from)} is an ${source.kind} node: nothing can follow it, so the connection to ${q(edge.to)} must go.`
                : explicit
                  ? `${q(edge.from)} has no port ${q(edge.port)}; its ports are ${ports.map((p) => p.id).join(', ')}.`
                  : `The connection from ${q(edge.from)} to ${q(edge.to)} needs a port: one of ${ports.map((p) => p.id).join(', ')}.`,
          }),
        );
        continue;
      }
      const key = `${edge.from}\u0000${edge.port}`;
      const first = used.get(key);
      if (first !== undefined) {
        const firstEdge = graph.edges[first];
        issues.push(
          issue('edge-duplicate', {
            ...where,
            nodeId: edge.from,
            port: edge.port,
            values: {
              ...ends,
              port: edge.port,
              firstToId: firstEdge?.to ?? '',
              firstToTitle: stepTitleOf(graph, firstEdge?.to ?? ''),
            },
            message: `Port ${q(edge.port)} of ${q(edge.from)} has two connections (to ${q(firstEdge?.to ?? '')} and ${q(edge.to)}); a port leads to one node.`,
          }),
        );
      } else {
        used.set(key, edge.index);
      }
    }
    return issues;
  },
};
