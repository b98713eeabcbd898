import { parseDuration, type Duration } from '../../model/duration';
import { parseTimeOfDay } from '../../model/local-time';
import { DEFAULT_DATE_TIME, type TriggerConfig } from '../../nodes/trigger.node';
import type { WaitConfig } from '../../nodes/wait.node';
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

/** Minutes a duration moves the local clock: its clock part (calendar days keep the time). */
function clockShift(d: Duration): number {
  return d.sign * (d.hours * 60 + d.minutes + d.seconds / 60);
}

function shift(arc: ClockArc, text: string | undefined): ClockArc {
  if (arc === 'any' || text === undefined) return arc;
  const parsed = parseDuration(text);
  if (!parsed.ok) return 'any';
  return { start: mod(arc.start + clockShift(parsed.duration)), length: arc.length };
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

function at(time: string): ClockArc {
  const parsed = parseTimeOfDay(time);
  return parsed.ok ? { start: parsed.minutes, length: 0 } : 'any';
}

function entryArc(trigger: TriggerConfig | undefined): ClockArc {
  if (trigger?.on !== 'date') return 'any';
  return shift(at(trigger.time ?? DEFAULT_DATE_TIME), trigger.offset);
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
      start: entryArc(journey.trigger?.config),
      through(node, _id, port, arrival) {
        if (node?.kind !== 'wait') return arrival;
        const wait = node.config as WaitConfig;
        switch (wait.mode) {
          case 'duration':
            return shift(arrival, wait.duration);
          case 'until':
            return at(wait.time);
          case 'event':
            return port === 'timeout' ? shift(arrival, wait.timeout) : 'any';
        }
      },
      join: hull,
      same: (a, b) =>
        a === b || (a !== 'any' && b !== 'any' && a.start === b.start && a.length === b.length),
      settle: () => 'any',
    });
    const issues: ValidationIssue[] = [];
    for (const node of journey.nodes.values()) {
      const config = personMessage(node);
      const arc = clock.get(node.id);
      if (!config || arc === undefined || isDaytime(arc)) continue;
      issues.push(
        issue('quiet-hours-missing', {
          nodeId: node.id,
          path: ['nodes', node.index],
          message: `${channelName(config)} ${q(node.id)} can go out ${describe(arc)}, and the journey has no quiet hours. Set quiet hours (e.g. 21:00–08:00) in the journey settings, or put a wait until a daytime hour (e.g. 09:00) before it.`,
        }),
      );
    }
    return issues;
  },
};
