import { parseDuration, type Duration } from '../../core/model/duration';
import type { Translate } from '../i18n/I18nProvider';
import type { MessageId } from '../i18n/messages';

const UNIT_WORDS: readonly [Exclude<keyof Duration, 'sign'>, MessageId][] = [
  ['years', 'card.duration.years'],
  ['months', 'card.duration.months'],
  ['weeks', 'card.duration.weeks'],
  ['days', 'card.duration.days'],
  ['hours', 'card.duration.hours'],
  ['minutes', 'card.duration.minutes'],
  ['seconds', 'card.duration.seconds'],
];

/** A length of time in the language, without its direction: "1 day 2 hours", "3 dagar". */
export function lengthWords(t: Translate, d: Duration): string {
  const words: string[] = [];
  for (const [unit, id] of UNIT_WORDS) {
    if (d[unit] > 0) words.push(t(id, { count: d[unit] }));
  }
  return words.length ? words.join(' ') : t('card.duration.minutes', { count: 0 });
}

/**
 * A duration written in a journey (`P3D`, `-P1D`) in the language: "3 days", "1 dag före"; the
 * text itself when it does not parse (the problems list then says why).
 */
export function durationWords(t: Translate, text: string): string {
  const parsed = parseDuration(text);
  if (!parsed.ok) return text;
  const length = lengthWords(t, parsed.duration);
  return parsed.duration.sign < 0 ? t('card.duration.before', { duration: length }) : length;
}

/** A value a rule compares with: text in quotes, numbers as the language writes them. */
export function valueWords(t: Translate, value: unknown): string {
  if (Array.isArray(value)) return value.map((v) => valueWords(t, v)).join(', ');
  if (typeof value === 'string') return `"${value}"`;
  if (typeof value === 'number') return t('card.number', { value });
  if (typeof value === 'boolean') return t('card.boolean', { value: String(value) });
  return JSON.stringify(value) ?? String(value);
}

/** Each variant's share of the weights, in [0, 1]; a variant without weight gets none. */
export function variantShares(variants: readonly { weight: number }[]): number[] {
  const total = variants.reduce((sum, v) => sum + (v.weight > 0 ? v.weight : 0), 0);
  return variants.map((v) => (total > 0 && v.weight > 0 ? v.weight / total : 0));
}

/** Weekdays as the journey names them (`mon`), short, in the language: "Mon, Fri", "mån, fre". */
export function weekdayWords(t: Translate, days: readonly string[]): string {
  return days.map((day) => t('card.weekday', { day })).join(', ');
}
