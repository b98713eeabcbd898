import { issue } from '../catalogue';
import { personMessage, type CheckedJourney } from './checked-journey';
import { listIds, titleList } from './check-wording';
import type { JourneyCheck } from './journey-check';
import { arrivalFacts } from './journey-flow';

/** For each reachable node, the most messages to a person sent before a profile arrives there. */
function messagesBefore(journey: CheckedJourney): Map<string, number> {
  return arrivalFacts<number>(journey, {
    start: 0,
    through: (node, _id, _port, arrival) => arrival + (personMessage(node) ? 1 : 0),
    join: Math.max,
    same: (a, b) => a === b,
    settle: () => Number.POSITIVE_INFINITY,
  });
}

/**
 * `frequency-cap-missing`: the journey has no frequency cap and one enrollment can send a person
 * (email, SMS, push; not webhooks) two or more messages: two on one path, or one inside a loop.
 * Also when re-entry is `always` on an event trigger and there is any message: a profile who
 * repeats the event runs several enrollments side by side, each sending. One issue for the
 * journey, naming the messages involved.
 */
export const frequencyCapCheck: JourneyCheck = {
  code: 'frequency-cap-missing',
  check(journey) {
    if (journey.settings.frequencyCap) return [];
    const before = messagesBefore(journey);
    const messages = [...journey.nodes.values()].filter(
      (node) => personMessage(node) && before.has(node.id),
    );
    if (messages.length === 0) return [];
    const most = Math.max(...messages.map((node) => (before.get(node.id) ?? 0) + 1));
    const entryEvent = journey.trigger?.routes.events?.[0]?.event;
    const parallel = journey.settings.reentry === 'always' && entryEvent !== undefined;
    if (most < 2 && !parallel) return [];
    const ids = messages.map((node) => node.id);
    const variant = most === Number.POSITIVE_INFINITY ? 'loop' : most >= 2 ? 'path' : 'reentry';
    const why =
      most === Number.POSITIVE_INFINITY
        ? `a loop can send ${listIds(ids)} again and again`
        : most >= 2
          ? `one profile can get up to ${most} messages from it (${listIds(ids)})`
          : `re-entry is "always", so a profile who repeats ${entryEvent ?? 'the trigger'} gets ${listIds(ids)} once per entry`;
    return [
      issue('frequency-cap-missing', {
        path: ['settings'],
        values: {
          variant,
          most: Number.isFinite(most) ? most : 0,
          steps: titleList(journey.graph, ids),
          event: entryEvent ?? '',
        },
        message: `This journey has no frequency cap, and ${why}. Set one in the journey settings (e.g. at most 2 messages per day) so a busy profile is not flooded.`,
      }),
    ];
  },
};
