import { clockShiftMinutes, type Duration } from '../../model/duration';
import type { ClockAfterHold, EntryRoutes } from '../../nodes/node-definition';
import { issue, type ValidationIssue } from '../catalogue';
import { q } from '../rule';
import { channelName, clockText } from './check-wording';
import { personMessage } from './checked-journey';
import type { JourneyCheck } from './journey-check';
import { arrivalFacts } from './journey-flow';

const DAY_MINUTES = 1440;

/** Daytime, local: from 08:00 up to (not including) 21:00. Outside it is night. */
export const DAYTIME = { start: 8 * 60, end: 21 * 60 } as const;

/**
 * The local times of day a profile can be at a node: an arc of the clock from `start` lasting
 * `length` minutes (0 for one exact time), or any time at all.
 */
export type ClockArc = { start: number; length: number } | 'any';

const mod = (minutes: number) => ((minutes % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;

/** The arc moved by a duration's clock part (calendar days keep the time). */
function shift(arc: ClockArc, d: Duration): ClockArc {
  if (arc === 'any') return arc;
  return { start: mod(arc.start + clockShiftMinutes(d)), length: arc.length };
}

/** The shortest arc covering both: it starts where one of them starts. */
function hull(a: ClockArc, b: ClockArc): ClockArc {
  if (a === 'any' || b === 'any') return 'any';
  const fromA = Math.max(a.length, mod(b.start - a.start) + b.length);
  const fromB = Math.max(b.length, mod(a.start - b.start) + a.length);
  const best =
    fromA <= fromB ? { start: a.start, length: fromA } : { start: b.start, length: fromB };
  return best.length >= DAY_MINUTES ? 'any' : best;
}

/** Entries on a date happen at a fixed local time; events and segments at any hour. */
function entryArc(routes: EntryRoutes | undefined): ClockArc {
  const time = routes?.dated?.localTime;
  return time === undefined ? 'any' : { start: time, length: 0 };
}

function after(arc: ClockArc, hold: ClockAfterHold): ClockArc {
  if (hold === 'any') return 'any';
  return 'at' in hold ? { start: hold.at, length: 0 } : shift(arc, hold.after);
}

export function isDaytime(arc: ClockArc): boolean {
  return arc !== 'any' && arc.start >= DAYTIME.start && arc.start + arc.length < DAYTIME.end;
}

function describe(arc: ClockArc): string {
  if (arc === 'any') return 'at any hour, night included';
  if (arc.length === 0) return `at ${clockText(arc.start)} local time`;
  return `between ${clockText(arc.start)} and ${clockText(arc.start + arc.length)} local time`;
}

/**
 * `quiet-hours-missing`: the journey has no quiet hours and a message to a person can go out at
 * night (21:00–08:00 local). The check follows the local clock along every path: a date trigger
 * fires at its time, a `wait until` sets the clock, a duration wait moves it by its hours and
 * minutes (whole days keep the time), and an event trigger, a segment entry or an awaited event
 * can happen at any hour. A message is fine when every path brings it to daytime.
 */
export const quietHoursCheck: JourneyCheck = {
  code: 'quiet-hours-missing',
  check(journey) {
    if (journey.settings.quietHours) return [];
    const clock = arrivalFacts<ClockArc>(journey, {
      start: entryArc(journey.trigger?.routes),
      through(node, _id, port, arrival) {
        const holdsTime = node?.definition.holdsTime;
        return holdsTime ? after(arrival, holdsTime.clockAfter(node.config, port)) : arrival;
      },
      join: hull,
      same: (a, b) =>
        a === b || (a !== 'any' && b !== 'any' && a.start === b.start && a.length === b.length),
      settle: () => 'any',
    });
    const issues: ValidationIssue[] = [];
    for (const node of journey.nodes.values()) {
      const message = personMessage(node);
      const arc = clock.get(node.id);
      if (!message || arc === undefined || isDaytime(arc)) continue;
      issues.push(
        issue('quiet-hours-missing', {
          nodeId: node.id,
          path: ['nodes', node.index],
          values: {
            channel: message.channel.channel,
            variant: arc === 'any' ? 'any' : arc.length === 0 ? 'at' : 'between',
            from: arc === 'any' ? '' : clockText(arc.start),
            to: arc === 'any' ? '' : clockText(arc.start + arc.length),
          },
          message: `${channelName(message)} ${q(node.id)} can go out ${describe(arc)}, and the journey has no quiet hours. Set quiet hours (e.g. 21:00–08:00) in the journey settings, or put a wait until a daytime hour (e.g. 09:00) before it.`,
        }),
      );
    }
    return issues;
  },
};
