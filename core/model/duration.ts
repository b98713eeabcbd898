import { DateTime } from 'luxon';

/**
 * An ISO 8601 duration such as `PT30M`, `P3D`, `P1W` or `-P1D`.
 * Calendar parts (years, months, weeks, days) follow the local calendar of a time zone, so
 * "wait 1 day" ends at the same local time the next day, across daylight-saving changes too;
 * clock parts (hours, minutes, seconds) are exact elapsed time.
 */
export interface Duration {
  sign: 1 | -1;
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const PATTERN =
  /^(-)?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

export type DurationParse = { ok: true; duration: Duration } | { ok: false; reason: string };

const durationCache = new Map<string, DurationParse>();

/** Parses an ISO 8601 duration; the reason explains a failure in words a marketer can act on. */
export function parseDuration(text: string): DurationParse {
  const cached = durationCache.get(text);
  if (cached) return cached;
  const result = parseUncached(text);
  if (durationCache.size < 10_000) durationCache.set(text, result);
  return result;
}

function parseUncached(text: string): DurationParse {
  const hint = 'use ISO 8601, e.g. PT30M (30 minutes), PT2H (2 hours), P3D (3 days), P1W (1 week)';
  const match = PATTERN.exec(text.trim() === text ? text : '');
  if (!match || text.endsWith('T') || text === 'P' || text === '-P') {
    return { ok: false, reason: `"${text}" is not a duration; ${hint}` };
  }
  const n = (i: number) => (match[i] === undefined ? 0 : Number(match[i]));
  const duration: Duration = {
    sign: match[1] ? -1 : 1,
    years: n(2),
    months: n(3),
    weeks: n(4),
    days: n(5),
    hours: n(6),
    minutes: n(7),
    seconds: n(8),
  };
  return { ok: true, duration };
}

/** The duration, or an exception naming the bad text: for values the validator has passed. */
export function requireDuration(text: string): Duration {
  const parsed = parseDuration(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.duration;
}

export function isZeroDuration(d: Duration): boolean {
  return d.years + d.months + d.weeks + d.days + d.hours + d.minutes + d.seconds === 0;
}

function hasCalendarPart(d: Duration): boolean {
  return d.years + d.months + d.weeks + d.days > 0;
}

/** Exact milliseconds of the clock part only (hours, minutes, seconds). */
function clockMillis(d: Duration): number {
  return ((d.hours * 60 + d.minutes) * 60 + d.seconds) * 1000;
}

/**
 * Adds (sign × duration) to an instant, with calendar parts applied in `zone`.
 * Purely clock-based durations, and any duration in UTC, take a fast path without calendar math.
 */
export function addDuration(at: number, d: Duration, zone: string, times = 1): number {
  const sign = d.sign * times;
  if (!hasCalendarPart(d)) return at + sign * clockMillis(d);
  if (zone === 'UTC' && d.years === 0 && d.months === 0) {
    return at + sign * (clockMillis(d) + (d.weeks * 7 + d.days) * 86_400_000);
  }
  const base = DateTime.fromMillis(at, { zone });
  const parts = {
    years: sign * d.years,
    months: sign * d.months,
    weeks: sign * d.weeks,
    days: sign * d.days,
    hours: sign * d.hours,
    minutes: sign * d.minutes,
    seconds: sign * d.seconds,
  };
  return base.plus(parts).toMillis();
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * The most a duration can last, in milliseconds. Calendar parts are taken at their longest
 * (a month of 31 days, a year of 366, a local day of 25 hours across a daylight-saving change),
 * so comparisons made with it err on the side of warning.
 */
export function longestMillis(d: Duration): number {
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

/**
 * A duration as elapsed time, whatever the calendar: a day is 24 hours, a week 7 days, a month
 * 30 days, a year 365. For windows measured after an instant (a forecast's responses), not on
 * the local calendar.
 */
export function elapsedMillis(d: Duration): number {
  return (
    d.sign *
    ((((d.years * 365 + d.months * 30 + d.weeks * 7 + d.days) * 24 + d.hours) * 60 + d.minutes) *
      MINUTE +
      d.seconds * 1000)
  );
}

/**
 * Minutes a duration moves the local clock: its clock part, signed. Calendar parts keep the
 * local time ("1 day" later is the same time of day).
 */
export function clockShiftMinutes(d: Duration): number {
  return d.sign * (d.hours * 60 + d.minutes + d.seconds / 60);
}

/** Subtracts a duration: the start of a "within the last …" window. */
export function subtractDuration(at: number, d: Duration, zone: string): number {
  return addDuration(at, d, zone, -1);
}

const UNITS: readonly [keyof Duration, string][] = [
  ['years', 'year'],
  ['months', 'month'],
  ['weeks', 'week'],
  ['days', 'day'],
  ['hours', 'hour'],
  ['minutes', 'minute'],
  ['seconds', 'second'],
];

/** A length of time in days, hours and minutes (seconds dropped), to describe it. */
export function durationOf(ms: number): Duration {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  return {
    sign: ms < 0 ? -1 : 1,
    years: 0,
    months: 0,
    weeks: 0,
    days: Math.floor(minutes / 1_440),
    hours: Math.floor((minutes % 1_440) / 60),
    minutes: minutes % 60,
    seconds: 0,
  };
}

/** "30 minutes", "1 day 2 hours", "1 week"; `-P1D` reads "1 day before". */
export function describeDuration(d: Duration): string {
  const words: string[] = [];
  for (const [key, unit] of UNITS) {
    const value = d[key];
    if (value > 0) words.push(`${value} ${unit}${value === 1 ? '' : 's'}`);
  }
  const text = words.length ? words.join(' ') : '0 minutes';
  return d.sign < 0 ? `${text} before` : text;
}

/** Describes a duration given as text, or returns the text itself when it does not parse. */
export function describeDurationText(text: string): string {
  const parsed = parseDuration(text);
  return parsed.ok ? describeDuration(parsed.duration) : text;
}

/** Writes a duration back as ISO 8601 text. */
export function formatDuration(d: Duration): string {
  let out = d.sign < 0 ? '-P' : 'P';
  if (d.years) out += `${d.years}Y`;
  if (d.months) out += `${d.months}M`;
  if (d.weeks) out += `${d.weeks}W`;
  if (d.days) out += `${d.days}D`;
  if (d.hours || d.minutes || d.seconds) {
    out += 'T';
    if (d.hours) out += `${d.hours}H`;
    if (d.minutes) out += `${d.minutes}M`;
    if (d.seconds) out += `${d.seconds}S`;
  }
  return out === 'P' || out === '-P' ? 'PT0S' : out;
}

/**
 * An elapsed time in words, to the minute: "2 hours 50 minutes", "26 hours", "8 days 2 hours".
 * From two days on, days and whole hours (rounded up), so a day and a bit reads in hours.
 */
export function describeMillis(ms: number): string {
  const minutes = Math.ceil(ms / MINUTE);
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (minutes < 60) return unit(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours < 48)
    return rest ? `${unit(hours, 'hour')} ${unit(rest, 'minute')}` : unit(hours, 'hour');
  const whole = Math.ceil(minutes / 60);
  const days = Math.floor(whole / 24);
  const left = whole % 24;
  return left ? `${unit(days, 'day')} ${unit(left, 'hour')}` : unit(days, 'day');
}
