import { personMessage, type CheckedJourney, type CheckedNode } from './checked-journey';
import { arrivalFacts } from './journey-flow';

const MINUTE = 60_000;

/** Longest hold of a message by quiet hours: their length. */
export function longestHold(journey: CheckedJourney, node: CheckedNode | undefined): number {
  const quiet = journey.settings.quietHours;
  if (!quiet || !personMessage(node)) return 0;
  return ((quiet.end - quiet.start + 1440) % 1440) * MINUTE;
}

/** The longest a profile can stay at a node: held for quiet hours, or for as long as it waits. */
function longestStay(journey: CheckedJourney, node: CheckedNode | undefined): number {
  return longestHold(journey, node) + (node?.definition.holdsTime?.longest(node.config) ?? 0);
}

/**
 * For each reachable node, the longest a profile can have been in the journey when it arrives
 * there (milliseconds since entry); `Infinity` where a loop can hold it for ever.
 */
export function longestSinceEntry(journey: CheckedJourney): Map<string, number> {
  return arrivalFacts<number>(journey, {
    start: 0,
    through: (node, _id, _port, arrival) => arrival + longestStay(journey, node),
    join: Math.max,
    same: (a, b) => a === b,
    settle: () => Number.POSITIVE_INFINITY,
  });
}

/**
 * The longest a profile can spend in the journey, from entry until it leaves the last step it
 * reaches (milliseconds); `Infinity` where a loop can hold it for ever.
 */
export function longestInJourney(journey: CheckedJourney): number {
  let longest = 0;
  for (const [id, arrival] of longestSinceEntry(journey))
    longest = Math.max(longest, arrival + longestStay(journey, journey.nodes.get(id)));
  return longest;
}
