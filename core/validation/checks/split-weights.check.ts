import { issue, type ValidationIssue } from '../catalogue';
import { q } from '../rule';
import type { JourneyCheck } from './journey-check';

const format = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/**
 * `split-weights-not-100`: the weights of a split's variants do not add up to 100. Profiles are
 * still divided in proportion to the weights, but a weight of 40 then does not mean 40%, which is
 * what everyone reading the journey assumes. Only splits whose weights are all valid (positive
 * numbers) are checked; invalid ones are already errors.
 */
export const splitWeightsCheck: JourneyCheck = {
  code: 'split-weights-not-100',
  check(journey) {
    const issues: ValidationIssue[] = [];
    for (const node of journey.nodes.values()) {
      const variants = node.definition.branches?.variants(node.config);
      if (!variants) continue;
      const total = variants.reduce((sum, v) => sum + v.weight, 0);
      if (Math.abs(total - 100) < 1e-9) continue;
      const shares = variants
        .map((v) => `${v.key} ${format((v.weight / total) * 100)}%`)
        .join(', ');
      issues.push(
        issue('split-weights-not-100', {
          nodeId: node.id,
          path: ['nodes', node.index, 'config', 'variants'],
          values: { total: format(total), shares },
          message: `The weights of split ${q(node.id)} add up to ${format(total)}, not 100, so the shares are not what they read: ${shares}. Make them add up to 100.`,
        }),
      );
    }
    return issues;
  },
};
