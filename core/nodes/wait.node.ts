import { z } from 'zod';
import {
  addDuration,
  describeDurationText,
  longestMillis,
  parseDuration,
  requireDuration,
} from '../model/duration';
import { isRecord } from '../model/json-text';
import {
  WEEKDAYS,
  nextLocalTime,
  parseTimeOfDay,
  requireTimeOfDay,
  weekdayLabel,
} from '../model/local-time';
import {
  checkDuration,
  checkTimeOfDay,
  checkWhere,
  durationField,
  eventNameField,
  filtersField,
  timeOfDayField,
  weekdaysField,
} from './fields';
import {
  NEXT_PORTS,
  defineNode,
  type ClockAfterHold,
  type HoldsTimeFacet,
  type PortSpec,
} from './node-definition';

const durationWait = z
  .looseObject({
    mode: z.literal('duration'),
    duration: durationField('Wait for', 'How long profiles wait here, e.g. 30 minutes or 3 days.'),
  })
  .meta({ title: 'For a while' });

const untilWait = z
  .looseObject({
    mode: z.literal('until'),
    time: timeOfDayField(
      'Until',
      'The next time the clock shows this, in the profile’s time zone.',
    ),
    days: weekdaysField.optional(),
  })
  .meta({ title: 'Until a time of day' });

const eventWait = z
  .looseObject({
    mode: z.literal('event'),
    event: eventNameField('For event', 'Profiles move on as soon as they perform it.'),
    where: filtersField.optional(),
    timeout: durationField(
      'At most',
      'Profiles who have not performed it by then leave through “timeout”.',
    ),
  })
  .meta({ title: 'For an event' });

export const waitConfigSchema = z.discriminatedUnion('mode', [durationWait, untilWait, eventWait], {
  error: 'mode must be "duration", "until" or "event"',
});
export type WaitConfig = z.infer<typeof waitConfigSchema>;

const EVENT_PORTS: readonly PortSpec[] = [
  { id: 'event', label: 'Event' },
  { id: 'timeout', label: 'Timeout' },
];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The longest a duration text can last; 0 for one that does not parse (its error says why). */
function longestText(text: string): number {
  const parsed = parseDuration(text);
  return parsed.ok ? longestMillis(parsed.duration) : 0;
}

function clockAfterText(text: string): ClockAfterHold {
  const parsed = parseDuration(text);
  return parsed.ok ? { after: parsed.duration } : 'any';
}

const holdsTime: HoldsTimeFacet<WaitConfig> = {
  breaksInstantCycles: true,
  longest(config) {
    switch (config.mode) {
      case 'duration':
        return longestText(config.duration);
      case 'until':
        // Until the next such time: at most a (25-hour) day, or a week with only some days.
        return config.days?.length ? 7 * (DAY + HOUR) : DAY + HOUR;
      case 'event':
        return longestText(config.timeout);
    }
  },
  clockAfter(config, port) {
    switch (config.mode) {
      case 'duration':
        return clockAfterText(config.duration);
      case 'until': {
        const time = parseTimeOfDay(config.time);
        return time.ok ? { at: time.minutes } : 'any';
      }
      case 'event':
        return port === 'timeout' ? clockAfterText(config.timeout) : 'any';
    }
  },
  awaits: (config) =>
    config.mode === 'event'
      ? {
          event: config.event,
          ...(config.where && { where: config.where }),
          port: 'event',
          timeoutPort: 'timeout',
        }
      : undefined,
};

function dayIndexes(days: readonly string[] | undefined): number[] {
  return (days ?? []).map((d) => (WEEKDAYS as readonly string[]).indexOf(d));
}

/**
 * Holds profiles: for a duration, until a local time of day, or until they perform an event.
 * Every loop in a journey must pass through a wait.
 *
 * @example
 * { "id": "wait1", "kind": "wait", "config": { "mode": "duration", "duration": "PT30M" } }
 * { "id": "paid", "kind": "wait", "config": { "mode": "event", "event": "purchase", "timeout": "P3D" } }
 */
export const waitNode = defineNode({
  kind: 'wait',
  label: 'Wait',
  category: 'timing',
  description: 'Holds profiles for a while, until a time of day, or until they do something.',
  schema: waitConfigSchema,
  configKeys: ['mode', 'duration', 'time', 'days', 'event', 'where', 'timeout'],
  defaults: (): WaitConfig => ({ mode: 'duration', duration: 'P1D' }),
  ports: (config) =>
    isRecord(config) && config.mode === 'event' ? [...EVENT_PORTS] : [...NEXT_PORTS],
  check(config) {
    switch (config.mode) {
      case 'duration':
        return checkDuration(config.duration, ['duration'], 'Wait for');
      case 'until': {
        const issues = checkTimeOfDay(config.time, ['time'], 'Until');
        if (config.days && config.days.length === 0) {
          issues.push({
            code: 'config-invalid',
            path: ['days'],
            message: 'Pick at least one day, or leave days out for every day.',
          });
        }
        return issues;
      }
      case 'event':
        return [
          ...checkWhere(config.where, ['where']),
          ...checkDuration(config.timeout, ['timeout'], 'At most'),
        ];
    }
  },
  summary(config) {
    switch (config.mode) {
      case 'duration':
        return `Wait ${describeDurationText(config.duration)}`;
      case 'until': {
        const days = config.days?.length
          ? ` on ${config.days.map((d) => weekdayLabel(d)).join(', ')}`
          : '';
        return `Wait until ${config.time}${days}`;
      }
      case 'event':
        return `Wait up to ${describeDurationText(config.timeout)} for ${config.event}`;
    }
  },
  step(ctx) {
    const config = ctx.config;
    switch (config.mode) {
      case 'duration':
        return {
          type: 'wait',
          reason: 'duration',
          until: addDuration(ctx.now, requireDuration(config.duration), ctx.zone),
          timeoutPort: 'next',
        };
      case 'until':
        return {
          type: 'wait',
          reason: 'until',
          until: nextLocalTime(
            ctx.now,
            ctx.zone,
            requireTimeOfDay(config.time),
            dayIndexes(config.days),
          ),
          timeoutPort: 'next',
        };
      case 'event':
        return {
          type: 'wait',
          reason: 'event',
          until: addDuration(ctx.now, requireDuration(config.timeout), ctx.zone),
          timeoutPort: 'timeout',
          event: { name: config.event, where: config.where, port: 'event' },
        };
    }
  },
  holdsTime,
  reads: { names: (config) => (config.mode === 'event' ? { events: [config.event] } : {}) },
});
