import { checkCondition, checkFilters } from '../conditions/check-condition';
import type { Condition, Filter } from '../conditions/condition';
import { describeCondition, describeFilterTests } from '../conditions/describe';
import { parseDuration, type Duration } from '../model/duration';
import { isRecord } from '../model/json-text';
import { isWeekday, parseTimeOfDay, type Weekday } from '../model/local-time';
import type { IssueDraft } from '../validation/catalogue';

/** A unit of a duration as it is worded: "2 days", "1 hour". */
export const DURATION_UNITS = ['year', 'month', 'week', 'day', 'hour', 'minute', 'second'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

/**
 * One value of a changed setting, in the units a marketer thinks in, so each language can word
 * it: a duration as its parts (not `P2D`), weekdays as days, a choice as the option's title.
 * Texts from the journey itself (subjects, event names) are kept as written.
 */
export type DiffValue =
  /** Not set (and no default applies). */
  | { readonly type: 'absent' }
  /** Text the marketer wrote, shown quoted: a subject, an event name. */
  | { readonly type: 'text'; readonly text: string }
  /** Text too long to show in a sentence (an email body): only that it changed. */
  | { readonly type: 'long-text'; readonly length: number }
  /** Words describing the value, shown as they are: a condition, filters, attribute values. */
  | { readonly type: 'plain'; readonly text: string }
  | { readonly type: 'number'; readonly value: number }
  | { readonly type: 'boolean'; readonly value: boolean }
  | {
      readonly type: 'duration';
      /** As written in the file, e.g. `P2D`. */
      readonly iso: string;
      readonly parts: readonly { readonly unit: DurationUnit; readonly count: number }[];
      /** A negative duration: "1 day before". */
      readonly negative: boolean;
    }
  /** A local time of day, `HH:MM`. */
  | { readonly type: 'time'; readonly text: string }
  | { readonly type: 'weekdays'; readonly days: readonly Weekday[] }
  /** One of a field's options: its value in the file and its title. */
  | { readonly type: 'choice'; readonly value: string; readonly title: string }
  /** An optional group of settings (quiet hours, a goal) that is switched on. */
  | { readonly type: 'on' };

/** Longer texts, or texts over several lines, are not quoted in a sentence. */
export const MAX_QUOTED_TEXT = 120;

const DURATION_KEYS: readonly [DurationUnit, keyof Duration][] = [
  ['year', 'years'],
  ['month', 'months'],
  ['week', 'weeks'],
  ['day', 'days'],
  ['hour', 'hours'],
  ['minute', 'minutes'],
  ['second', 'seconds'],
];

/** A value written compactly: `vip = true, tier = "gold"`, `a, b`. */
function compact(value: unknown, depth = 0): string {
  if (typeof value === 'string') return depth === 0 ? value : JSON.stringify(value);
  if (Array.isArray(value)) return value.map((v) => compact(v, depth + 1)).join(', ');
  if (isRecord(value))
    return Object.entries(value)
      .map(([k, v]) => `${k} = ${compact(v, depth + 1)}`)
      .join(', ');
  return JSON.stringify(value) ?? String(value);
}

/** Whether a value is a condition the describer can word (a journey may still have errors). */
function isCondition(value: unknown): value is Condition {
  return checkCondition(value, [], { allowSinceEntry: true }).length === 0;
}

function isFilterList(value: unknown): value is Filter[] {
  const issues: IssueDraft[] = [];
  checkFilters(value, [], issues);
  return issues.length === 0;
}

function textValue(text: string): DiffValue {
  return text.length > MAX_QUOTED_TEXT || text.includes('\n')
    ? { type: 'long-text', length: text.length }
    : { type: 'text', text };
}

/** A duration's text as its parts; undefined when it does not parse. */
export function durationValue(text: string): DiffValue | undefined {
  const parsed = parseDuration(text);
  if (!parsed.ok) return undefined;
  const d = parsed.duration;
  return {
    type: 'duration',
    iso: text,
    parts: DURATION_KEYS.filter(([, key]) => d[key] > 0).map(([unit, key]) => ({
      unit,
      count: d[key],
    })),
    negative: d.sign < 0,
  };
}

/** Where a field's value comes from in a schema: how it is edited, and its options. */
export interface ValueShape {
  readonly widget?: string;
  readonly options?: readonly { readonly value: string; readonly title: string }[];
}

/**
 * A value as a marketer reads it, by how the inspector edits it (`widget`). Values that do not
 * have the shape their widget expects (a journey with errors) are described as they are.
 */
export function diffValue(raw: unknown, shape: ValueShape = {}): DiffValue {
  if (raw === undefined || raw === null) return { type: 'absent' };
  const option = shape.options?.find((o) => o.value === raw);
  if (option) return { type: 'choice', value: option.value, title: option.title };
  switch (shape.widget) {
    case 'duration':
      if (typeof raw === 'string') return durationValue(raw) ?? { type: 'text', text: raw };
      break;
    case 'time':
      if (typeof raw === 'string' && parseTimeOfDay(raw).ok) return { type: 'time', text: raw };
      break;
    case 'weekdays':
      if (Array.isArray(raw) && raw.every(isWeekday)) return { type: 'weekdays', days: raw };
      break;
    case 'condition':
      if (isCondition(raw)) return { type: 'plain', text: describeCondition(raw) };
      break;
    case 'template-html':
      // Markup is not what a marketer reads: a body is said to be edited, whatever its length.
      if (typeof raw === 'string') return { type: 'long-text', length: raw.length };
      break;
    case 'filters':
      if (isFilterList(raw)) return { type: 'plain', text: describeFilterTests(raw) };
      break;
  }
  if (typeof raw === 'string') return textValue(raw);
  if (typeof raw === 'number') return { type: 'number', value: raw };
  if (typeof raw === 'boolean') return { type: 'boolean', value: raw };
  return { type: 'plain', text: compact(raw) };
}
