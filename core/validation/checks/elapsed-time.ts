import { parseDuration, type Duration } from '../../model/duration';
import type { WaitConfig } from '../../nodes/wait.node';
import { personMessage, type CheckedJourney, type CheckedNode } from './checked-journey';
import { arrivalFacts } from './journey-flow';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * The most a duration can last, in milliseconds. Calendar parts are taken at their longest
 * (a month of 31 days, a year of 366, a local day of 25 hours across a daylight-saving change),
 * so comparisons made with it err on the side of warning.
 */
function longestMillis(d: Duration): number {
  return (
    d.years * 366 * DAY +
    d.months * 31 * DAY +
    (d.weeks * 7 + d.days) * (DAY + HOUR) +
    d.hours * HOUR +
    d.minutes * MINUTE +
    d.seconds * 1000
  );
}

/** The least a duration can last: a month of 28 days, a year of 365, a local day of 23 hours. */
export function shortestMillis(d: Duration): number {
  return (
    d.years * 365 * DAY +
    d.months * 28 * DAY +
    (d.weeks * 7 + d.days) * (DAY - HOUR) +
    d.hours * HOUR +
    d.minutes * MINUTE +
    d.seconds * 1000
  );
}

function longestText(text: string): number {
  const parsed = parseDuration(text);
  return parsed.ok ? longestMillis(parsed.duration) : 0;
}

/** Longest hold of a message by quiet hours: their length. */
export function longestHold(journey: CheckedJourney, node: CheckedNode | undefined): number {
  const quiet = journey.settings.quietHours;
  if (!quiet || !personMessage(node)) return 0;
  return ((quiet.end - quiet.start + 1440) % 1440) * MINUTE;
}

function longestStay(journey: CheckedJourney, node: CheckedNode | undefined): number {
  if (node?.kind === 'message') return longestHold(journey, node);
  if (node?.kind !== 'wait') return 0;
  const config = node.config as WaitConfig;
  switch (config.mode) {
    case 'duration':
      return longestText(config.duration);
    case 'until':
      return config.days?.length ? 7 * (DAY + HOUR) : DAY + HOUR;
    case 'event':
      return longestText(config.timeout);
  }
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
