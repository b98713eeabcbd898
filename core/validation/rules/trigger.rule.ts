import { issue, type ValidationIssue } from '../catalogue';
import { q, type ValidationRule } from '../rule';
import { stepTitleOf } from '../checks/check-wording';

/** Exactly one trigger, and nothing leads back into it. */
export const triggerRule: ValidationRule = {
  id: 'trigger',
  check(graph) {
    const { triggers } = graph;
    if (triggers.length === 0) {
      return [
        issue('trigger-missing', {
          message: 'Add a trigger: it decides who enters the journey, and when.',
          path: ['nodes'],
        }),
      ];
    }
    const issues: ValidationIssue[] = triggers.slice(1).map((node, i) =>
      issue('trigger-multiple', {
        nodeId: node.id,
        values: {
          position: i + 2,
          count: triggers.length,
          firstId: triggers[0]?.id ?? '',
          firstTitle: stepTitleOf(graph, triggers[0]?.id ?? ''),
        },
        message: `A journey has exactly one trigger; ${q(node.id)} is an extra one (trigger ${i + 2} of ${triggers.length}, after ${q(triggers[0]?.id ?? '')}). Remove it.`,
        path: ['nodes', graph.nodeIndex.get(node.id) ?? 0, 'kind'],
      }),
    );
    for (const trigger of triggers) {
      for (const edge of graph.incoming.get(trigger.id) ?? []) {
        issues.push(
          issue('edge-into-trigger', {
            nodeId: trigger.id,
            edgeIndex: edge.index,
            values: { fromId: edge.from, fromTitle: stepTitleOf(graph, edge.from) },
            message: `The connection from ${q(edge.from)} leads back into the trigger ${q(trigger.id)}; profiles enter only through the trigger. Connect it elsewhere.`,
            path: ['edges', edge.index],
          }),
        );
      }
    }
    return issues;
  },
};
