import { DateTime } from 'luxon';
import { z } from 'zod';
import { namesInCondition } from '../conditions/condition';
import { describeCondition } from '../conditions/describe';
import {
  addDuration,
  clockShiftMinutes,
  describeDurationText,
  parseDuration,
  requireDuration,
} from '../model/duration';
import { parseTimeOfDay, requireTimeOfDay } from '../model/local-time';
import {
  checkConditionField,
  checkDuration,
  checkTimeOfDay,
  checkWhere,
  conditionField,
  eventNameField,
  filtersField,
  timeOfDayField,
  durationField,
} from './fields';
import {
  NEXT_PORTS,
  defineNode,
  leaveThrough,
  type EntryRoutes,
  type NamesUsed,
} from './node-definition';

const eventTrigger = z
  .looseObject({
    on: z.literal('event').meta({ title: 'When someone performs an event' }),
    event: eventNameField('Event', 'The event that starts the journey, e.g. cart or signup.'),
    where: filtersField.optional(),
  })
  .meta({ title: 'An event happens' });

const segmentTrigger = z
  .looseObject({
    on: z.literal('segment').meta({ title: 'When someone matches a segment' }),
    condition: conditionField('Who enters'),
  })
  .meta({
    title: 'Someone matches a segment',
    description:
      'Everyone who matches when the journey starts enters, and anyone who starts matching later.',
  });

const dateTrigger = z
  .looseObject({
    on: z.literal('date').meta({ title: 'On a yearly date' }),
    attribute: z
      .string({ error: 'attribute must be the name of a date attribute' })
      .min(1, { error: 'attribute must not be empty' })
      .meta({
        title: 'Date attribute',
        description: 'A profile attribute holding a date, e.g. birthday.',
        widget: 'attribute',
      }),
    offset: durationField('Shift', 'Optional, e.g. -P1D for the day before.').optional(),
    time: timeOfDayField('At', 'Local time of day; 09:00 when empty.').optional(),
  })
  .meta({ title: 'A yearly date (birthday)' });

export const triggerConfigSchema = z.discriminatedUnion(
  'on',
  [eventTrigger, segmentTrigger, dateTrigger],
  {
    error: 'on must be "event", "segment" or "date"',
  },
);
export type TriggerConfig = z.infer<typeof triggerConfigSchema>;
export type EventTriggerConfig = z.infer<typeof eventTrigger>;
export type SegmentTriggerConfig = z.infer<typeof segmentTrigger>;
export type DateTriggerConfig = z.infer<typeof dateTrigger>;

/** The local time a date trigger fires when none is given. */
export const DEFAULT_DATE_TIME = '09:00';

/**
 * Where profiles enter. Exactly one per journey.
 *
 * @example
 * { "id": "start", "kind": "trigger", "config": { "on": "event", "event": "cart" } }
 * { "id": "start", "kind": "trigger", "config": { "on": "date", "attribute": "birthday", "time": "09:00" } }
 */
export const triggerNode = defineNode({
  kind: 'trigger',
  label: 'Trigger',
  category: 'entry',
  description: 'Where profiles enter: on an event, when they match a segment, or on a yearly date.',
  schema: triggerConfigSchema,
  configKeys: ['on', 'event', 'where', 'condition', 'attribute', 'offset', 'time'],
  defaults: (): TriggerConfig => ({ on: 'event', event: 'signup' }),
  ports: () => [...NEXT_PORTS],
  check(config) {
    switch (config.on) {
      case 'event':
        return checkWhere(config.where, ['where']);
      case 'segment':
        return checkConditionField(config.condition, ['condition'], false);
      case 'date':
        return [
          ...checkDuration(config.offset, ['offset'], 'Shift', {
            allowNegative: true,
            allowZero: true,
          }),
          ...checkTimeOfDay(config.time, ['time'], 'Time of day'),
        ];
    }
  },
  summary(config) {
    switch (config.on) {
      case 'event':
        return `When ${config.event} happens${config.where?.length ? ` (${config.where.length} filter${config.where.length > 1 ? 's' : ''})` : ''}`;
      case 'segment':
        return `When ${describeCondition(config.condition)}`;
      case 'date': {
        const shift = config.offset ? `${describeDurationText(config.offset)} ` : '';
        const on = shift ? `${shift}${config.attribute}` : `on ${config.attribute}`;
        return `Yearly ${on} at ${config.time ?? DEFAULT_DATE_TIME}`;
      }
    }
  },
  step: () => leaveThrough('next'),
  entry: { routes: entryRoutes },
  reads: { names: namesUsed },
});

function namesUsed(config: TriggerConfig): NamesUsed {
  switch (config.on) {
    case 'event':
      return { events: [config.event] };
    case 'segment': {
      const { events, attributes } = namesInCondition(config.condition);
      return { events, history: events, attributes };
    }
    case 'date':
      return { attributes: [config.attribute] };
  }
}

function entryRoutes(config: TriggerConfig): EntryRoutes {
  switch (config.on) {
    case 'event':
      return { events: [{ event: config.event, ...(config.where && { where: config.where }) }] };
    case 'segment':
      return { segment: config.condition };
    case 'date': {
      const localTime = localTimeOf(config);
      return {
        dated: {
          next: (attributes, from, zone) => nextAnniversary(config, attributes, from, zone),
          ...(localTime !== undefined && { localTime }),
        },
      };
    }
  }
}

/**
 * Local minutes after midnight a date trigger fires at: its time, moved by the offset's clock
 * part; undefined while the time or the offset does not parse (their checks say why).
 */
function localTimeOf(config: DateTriggerConfig): number | undefined {
  const time = parseTimeOfDay(config.time ?? DEFAULT_DATE_TIME);
  const offset = config.offset === undefined ? undefined : parseDuration(config.offset);
  if (!time.ok || (offset && !offset.ok)) return undefined;
  const minutes = time.minutes + (offset?.ok ? clockShiftMinutes(offset.duration) : 0);
  return ((minutes % 1440) + 1440) % 1440;
}

/** Month and day of a date attribute: `1990-05-17`, an ISO date-time, `05-17` or `--05-17`. */
export function parseMonthDay(value: unknown): { month: number; day: number } | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(?:(\d{4})-|--)?(\d{2})-(\d{2})(?:[T ].*)?$/.exec(value.trim());
  if (!match) return undefined;
  const month = Number(match[2]);
  const day = Number(match[3]);
  const probeYear = match[1] ? Number(match[1]) : 2000;
  const probe = DateTime.utc(probeYear, month, day);
  return probe.isValid ? { month, day } : undefined;
}

/**
 * The first firing of a date trigger at or after `from`: the anniversary of the profile's date
 * at the local time, shifted by the offset. 29 February falls on 28 February in other years.
 */
export function nextAnniversary(
  config: DateTriggerConfig,
  attributes: Readonly<Record<string, unknown>>,
  from: number,
  zone: string,
): number | undefined {
  const monthDay = parseMonthDay(attributes[config.attribute]);
  if (!monthDay) return undefined;
  const minutes = requireTimeOfDay(config.time ?? DEFAULT_DATE_TIME);
  const offset = config.offset === undefined ? undefined : requireDuration(config.offset);
  const year = DateTime.fromMillis(from, { zone }).year;
  for (let y = year - 1; y <= year + 2; y++) {
    const leapDay =
      monthDay.month === 2 && monthDay.day === 29 && !DateTime.local(y, 1, 1).isInLeapYear;
    const local = DateTime.fromObject(
      {
        year: y,
        month: monthDay.month,
        day: leapDay ? 28 : monthDay.day,
        hour: Math.floor(minutes / 60),
        minute: minutes % 60,
      },
      { zone },
    );
    const at = offset ? addDuration(local.toMillis(), offset, zone) : local.toMillis();
    if (at >= from) return at;
  }
  return undefined;
}
