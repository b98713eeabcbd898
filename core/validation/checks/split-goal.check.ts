import { issue } from '../catalogue';
import { q } from '../rule';
import type { JourneyCheck } from './journey-check';

/**
 * `split-without-goal`: a split node in a journey without a goal. A split exists to compare its
 * variants (an A/B test, a control group); without a goal no conversion is counted, so the
 * simulation and the live counts cannot say which variant did better.
 */
export const splitGoalCheck: JourneyCheck = {
  code: 'split-without-goal',
  check(journey) {
    if (journey.settings.goal) return [];
    return [...journey.nodes.values()]
      .filter((node) => node.definition.branches)
      .map((node) =>
        issue('split-without-goal', {
          nodeId: node.id,
          path: ['nodes', node.index],
          message: `Split ${q(node.id)} divides profiles, but the journey has no goal, so there is nothing to compare the variants on. Set a goal in the journey settings (e.g. the purchase event) to count conversions per variant.`,
        }),
      );
  },
};
