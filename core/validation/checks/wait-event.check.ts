import { issue, type ValidationIssue } from '../catalogue';
import { q } from '../rule';
import type { JourneyCheck } from './journey-check';

/**
 * `wait-event-never-happens`: the `event` way out of a wait for an event can never be taken.
 *
 * - With sample events given (or the names of the events that happen), when the awaited event
 *   is neither the journey's trigger event nor among them: nothing produces it, so every profile
 *   leaves by the timeout. Usually a misspelt name (`order_deliverd`) or an event not sent yet.
 * - Always, when the awaited event is the journey's goal and the goal ends the journey for any
 *   such event (no filters, no conversion window): the goal ends the enrollment as the event
 *   arrives, before the wait can see it.
 */
export const waitEventCheck: JourneyCheck = {
  code: 'wait-event-never-happens',
  check(journey, context) {
    const happening = context.events ? new Set(context.events.map((e) => e.name)) : undefined;
    const entryEvents = new Set(journey.trigger?.routes.events?.map((e) => e.event));
    const goal = journey.settings.goal;
    const issues: ValidationIssue[] = [];
    for (const node of journey.nodes.values()) {
      if (!journey.reachable.has(node.id)) continue;
      const wait = node.definition.holdsTime?.awaits(node.config);
      if (!wait) continue;
      let why: string | undefined;
      let variant = 'goalEnds';
      if (goal?.event === wait.event && goal.exit && !goal.where?.length && !goal.within) {
        why = `the journey's goal is ${wait.event} and ends the journey, so profiles who do it leave before this wait sees it. Wait for another event, or let the goal keep them in (exit: false)`;
      } else if (happening && !entryEvents.has(wait.event) && !happening.has(wait.event)) {
        variant = 'neverSent';
        why = `no trigger starts with it and it does not occur in the sample events, so every profile leaves through "timeout". Check the event name`;
      }
      if (!why) continue;
      issues.push(
        issue('wait-event-never-happens', {
          nodeId: node.id,
          path: ['nodes', node.index, 'config', 'event'],
          values: { event: wait.event, variant },
          message: `Wait ${q(node.id)} waits for "${wait.event}", which never arrives there: ${why}.`,
        }),
      );
    }
    return issues;
  },
};
