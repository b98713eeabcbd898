import { formatDuration, parseDuration, type Duration } from '../../../core/model/duration';

/** Units a marketer picks from; ISO 8601 stays in the file. */
export const DURATION_UNITS = ['minutes', 'hours', 'days', 'weeks', 'months'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

export interface DurationWords {
  amount: number;
  unit: DurationUnit;
  /** "before" rather than "after", for shifts such as the day before a birthday. */
  negative: boolean;
}

const MINUTES: Record<Exclude<DurationUnit, 'months'>, number> = {
  minutes: 1,
  hours: 60,
  days: 1440,
  weeks: 10080,
};

/**
 * A duration as an amount and one unit: `PT30M` → 30 minutes, `P3D` → 3 days, `PT1H30M` → 90
 * minutes, `P1DT12H` → 36 hours. The unit is never larger than the largest one written, so `P7D`
 * stays 7 days. Returns null for what one unit cannot say (`P1M2D`, seconds, invalid text).
 */
export function durationToWords(text: string): DurationWords | null {
  const parsed = parseDuration(text);
  if (!parsed.ok) return null;
  const d = parsed.duration;
  const negative = d.sign < 0;
  const clockAndDays = d.weeks + d.days + d.hours + d.minutes + d.seconds;
  if (d.years + d.months > 0) {
    return clockAndDays > 0 ? null : { amount: d.years * 12 + d.months, unit: 'months', negative };
  }
  if (d.seconds % 60 !== 0) return null;
  const total = ((d.weeks * 7 + d.days) * 24 + d.hours) * 60 + d.minutes + d.seconds / 60;
  const largest: Exclude<DurationUnit, 'months'> = d.weeks
    ? 'weeks'
    : d.days
      ? 'days'
      : d.hours
        ? 'hours'
        : 'minutes';
  const order = ['weeks', 'days', 'hours', 'minutes'] as const;
  for (const unit of order.slice(order.indexOf(largest))) {
    if (total % MINUTES[unit] === 0) return { amount: total / MINUTES[unit], unit, negative };
  }
  return { amount: total, unit: 'minutes', negative };
}

/** Writes an amount and unit as ISO 8601: 30 minutes → `PT30M`, 3 days → `P3D`. */
export function wordsToDuration(words: DurationWords): string {
  const amount = Math.max(0, Math.round(words.amount));
  const d: Duration = {
    sign: words.negative && amount > 0 ? -1 : 1,
    years: 0,
    months: words.unit === 'months' ? amount : 0,
    weeks: words.unit === 'weeks' ? amount : 0,
    days: words.unit === 'days' ? amount : 0,
    hours: words.unit === 'hours' ? amount : 0,
    minutes: words.unit === 'minutes' ? amount : 0,
    seconds: 0,
  };
  return formatDuration(d);
}
