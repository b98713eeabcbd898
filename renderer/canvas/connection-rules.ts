import { DEFAULT_PORT, type Journey, type JourneyEdge } from '../../core/model/journey';
import { buildGraph } from '../../core/model/journey-graph';
import type { ValidationIssue } from '../../core/validation/catalogue';
import { cyclesRule } from '../../core/validation/rules/cycles.rule';
import { edgesRule } from '../../core/validation/rules/edges.rule';
import { triggerRule } from '../../core/validation/rules/trigger.rule';
import { nodeTitle } from '../nodes/node-title';

export interface ProposedConnection {
  from: string;
  port: string;
  to: string;
}

export type ConnectionCheck = { ok: true; edge: JourneyEdge } | { ok: false; reason: string };

/**
 * Whether a new connection may be drawn, and if not, why, in words a marketer reads.
 * The verdict comes from the validator's own rules run on the journey with the connection added,
 * so the canvas never accepts what validation would then report as an error.
 */
export function checkConnection(journey: Journey, proposed: ProposedConnection): ConnectionCheck {
  const edge: JourneyEdge =
    proposed.port === DEFAULT_PORT
      ? { from: proposed.from, to: proposed.to }
      : { from: proposed.from, port: proposed.port, to: proposed.to };
  const title = (id: string) => {
    const node = journey.nodes.find((n) => n.id === id);
    return node ? `“${nodeTitle(node)}”` : `“${id}”`;
  };
  if (proposed.from === proposed.to) {
    return { ok: false, reason: 'A step cannot lead to itself.' };
  }
  const index = journey.edges.length;
  const candidate: Journey = { ...journey, edges: [...journey.edges, edge] };
  const graph = buildGraph(candidate);
  const about = (issue: ValidationIssue) => issue.edgeIndex === index;

  const structural = [...triggerRule.check(graph), ...edgesRule.check(graph)].filter(about);
  for (const issue of structural) {
    switch (issue.code) {
      case 'edge-into-trigger':
        return {
          ok: false,
          reason: `Nothing can lead into the trigger ${title(proposed.to)}: profiles only enter there.`,
        };
      case 'edge-duplicate': {
        const existing = journey.edges.find(
          (e) => e.from === proposed.from && (e.port ?? DEFAULT_PORT) === proposed.port,
        );
        return {
          ok: false,
          reason: `This exit of ${title(proposed.from)} already leads to ${title(existing?.to ?? '')}. Delete that connection first.`,
        };
      }
      case 'edge-unknown-port':
      case 'edge-unknown-node':
        return { ok: false, reason: issue.message };
      default:
        break;
    }
  }

  // A new edge changes the loops only when it closes one, so any new finding is this edge's doing.
  const loopsBefore = new Set(cyclesRule.check(buildGraph(journey)).map((i) => i.message));
  if (cyclesRule.check(graph).some((i) => !loopsBefore.has(i.message))) {
    return {
      ok: false,
      reason:
        'This would make a loop without a wait: a profile would go round it forever in one instant. Put a Wait in the loop.',
    };
  }
  return { ok: true, edge };
}
