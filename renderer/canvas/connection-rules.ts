import { DEFAULT_PORT, type Journey, type JourneyEdge } from '../../core/model/journey';
import { buildGraph } from '../../core/model/journey-graph';
import type { ValidationIssue } from '../../core/validation/catalogue';
import { cyclesRule } from '../../core/validation/rules/cycles.rule';
import { edgesRule } from '../../core/validation/rules/edges.rule';
import { triggerRule } from '../../core/validation/rules/trigger.rule';
import { words, type Words } from '../i18n/words';
import { cardTitleWords } from '../nodes/kind-words';

export interface ProposedConnection {
  from: string;
  port: string;
  to: string;
}

export type ConnectionCheck = { ok: true; edge: JourneyEdge } | { ok: false; reason: Words };

/**
 * Whether a new connection may be drawn, and if not, why, in words a marketer reads (worded in the
 * language when shown; steps named as their cards are).
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
    return node ? cardTitleWords(node) : id;
  };
  if (proposed.from === proposed.to) {
    return { ok: false, reason: words('notice.connection.itself') };
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
          reason: words('notice.connection.intoTrigger', { step: title(proposed.to) }),
        };
      case 'edge-duplicate': {
        const existing = journey.edges.find(
          (e) => e.from === proposed.from && (e.port ?? DEFAULT_PORT) === proposed.port,
        );
        return {
          ok: false,
          reason: words('notice.connection.exitTaken', {
            step: title(proposed.from),
            to: title(existing?.to ?? ''),
          }),
        };
      }
      case 'edge-unknown-port':
      case 'edge-unknown-node':
        // The validator's own sentences for these, with the steps as their cards name them.
        return {
          ok: false,
          reason: words(
            issue.code === 'edge-unknown-port'
              ? 'validation.edge-unknown-port'
              : 'validation.edge-unknown-node',
            {
              ...issue.values,
              fromTitle: title(proposed.from),
              toTitle: title(proposed.to),
            },
          ),
        };
      default:
        break;
    }
  }

  // A new edge changes the loops only when it closes one, so any new finding is this edge's doing.
  const loopsBefore = new Set(cyclesRule.check(buildGraph(journey)).map((i) => i.message));
  if (cyclesRule.check(graph).some((i) => !loopsBefore.has(i.message))) {
    return { ok: false, reason: words('notice.connection.loop') };
  }
  return { ok: true, edge };
}
