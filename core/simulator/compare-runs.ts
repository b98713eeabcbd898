import type { SimulationReport } from './report';

export interface Change {
  before: number;
  after: number;
  delta: number;
}

export interface NodeChange {
  nodeId: string;
  entered: Change;
  ports: Record<string, Change>;
  sent?: Change;
  skipped?: Change;
}

export interface RunComparison {
  enrollments: Change;
  conversions: Change;
  active: Change;
  sent: Change;
  /** Nodes whose counts changed, in the current journey's order; nodes added or removed included. */
  nodes: NodeChange[];
}

function change(before: number, after: number): Change {
  return { before, after, delta: after - before };
}

function sum(values: Iterable<number | undefined>): number {
  let total = 0;
  for (const value of values) total += value ?? 0;
  return total;
}

/** What changed between two simulation runs, node by node: for comparing edits of a journey. */
export function compareRuns(previous: SimulationReport, current: SimulationReport): RunComparison {
  const ids = [
    ...Object.keys(current.nodes),
    ...Object.keys(previous.nodes).filter((id) => !(id in current.nodes)),
  ];
  const nodes: NodeChange[] = [];
  for (const nodeId of ids) {
    const was = previous.nodes[nodeId];
    const now = current.nodes[nodeId];
    const ports: Record<string, Change> = {};
    for (const port of new Set([
      ...Object.keys(was?.ports ?? {}),
      ...Object.keys(now?.ports ?? {}),
    ])) {
      ports[port] = change(was?.ports[port] ?? 0, now?.ports[port] ?? 0);
    }
    const oldMessages = previous.messages[nodeId];
    const newMessages = current.messages[nodeId];
    const node: NodeChange = {
      nodeId,
      entered: change(was?.entered ?? 0, now?.entered ?? 0),
      ports,
      ...((oldMessages || newMessages) && {
        sent: change(oldMessages?.sent ?? 0, newMessages?.sent ?? 0),
        skipped: change(
          sum(Object.values(oldMessages?.skipped ?? {})),
          sum(Object.values(newMessages?.skipped ?? {})),
        ),
      }),
    };
    const moved =
      node.entered.delta !== 0 ||
      Object.values(ports).some((p) => p.delta !== 0) ||
      (node.sent?.delta ?? 0) !== 0 ||
      (node.skipped?.delta ?? 0) !== 0 ||
      !was ||
      !now;
    if (moved) nodes.push(node);
  }
  return {
    enrollments: change(previous.enrollments, current.enrollments),
    conversions: change(previous.conversions.total, current.conversions.total),
    active: change(previous.active, current.active),
    sent: change(sum(Object.values(previous.sent)), sum(Object.values(current.sent))),
    nodes,
  };
}
