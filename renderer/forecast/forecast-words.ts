import type { Spread } from '../../core/forecast/statistics';
import { parseDuration } from '../../core/model/duration';
import type { Formats } from '../i18n/format';
import type { Translate } from '../i18n/I18nProvider';

/** How a forecast's figures read: medians with their ranges, and lengths of time, in words. */

/** Every run gave the same figure: one number says it all. */
export function isCertain(spread: Spread): boolean {
  return spread.p10 === spread.p90;
}

/** A count or amount as the forecast prints it: whole, unless it is a small mean. */
export function amount(f: Formats, value: number, digits = 0): string {
  return f.number(Math.abs(value) < 0.05 ? 0 : value, digits);
}

/** "30–53": the range 80% of runs fall in. */
export function rangeText(f: Formats, spread: Spread, digits = 0): string {
  return `${amount(f, spread.p10, digits)}–${amount(f, spread.p90, digits)}`;
}

/** "41 (30–53)", or "193" when every run agrees. */
export function spreadText(f: Formats, t: Translate, spread: Spread, digits = 0): string {
  if (isCertain(spread)) return amount(f, spread.p50, digits);
  return t('forecast.spread', {
    median: amount(f, spread.p50, digits),
    range: rangeText(f, spread, digits),
  });
}

/** A mean, to one decimal where it has one: `30.2`, `45`. */
export function decimal(f: Formats, value: number): string {
  return f.number(Number(value.toFixed(1)));
}

/** "+12.3", "−4", "±0": a change with a real minus sign, to one decimal. */
export function signed(f: Formats, value: number): string {
  const rounded = Number(value.toFixed(1));
  if (rounded === 0) return '±0';
  return `${rounded > 0 ? '+' : '−'}${f.number(Math.abs(rounded))}`;
}

/** "about 2 minutes": time left, in seconds under a minute and whole minutes after. */
export function timeLeft(t: Translate, ms: number): string {
  const seconds = Math.max(1, Math.round(ms / 1000));
  if (seconds < 60) return t('forecast.time.seconds', { n: seconds });
  return t('forecast.time.minutes', { n: Math.round(seconds / 60) });
}

const UNITS = [
  ['years', 'forecast.time.years'],
  ['months', 'forecast.time.months'],
  ['weeks', 'forecast.time.weeks'],
  ['days', 'forecast.time.days'],
  ['hours', 'forecast.time.hours'],
  ['minutes', 'forecast.time.minutes'],
  ['seconds', 'forecast.time.seconds'],
] as const;

/** An ISO duration in words: "3 days", "1 day 12 hours"; the text itself if it does not parse. */
export function durationWords(t: Translate, iso: string): string {
  const parsed = parseDuration(iso);
  if (!parsed.ok) return iso;
  const words = UNITS.filter(([unit]) => parsed.duration[unit] > 0).map(([unit, id]) =>
    t(id, { n: parsed.duration[unit] }),
  );
  return words.length > 0 ? words.join(' ') : t('forecast.time.minutes', { n: 0 });
}
