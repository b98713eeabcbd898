import { DateTime, IANAZone } from 'luxon';

/** Weekday names as journeys write them, Monday first (ISO order). */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const WEEKDAY_NAMES: Record<Weekday, string> = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
};

export function isWeekday(value: unknown): value is Weekday {
  return typeof value === 'string' && (WEEKDAYS as readonly string[]).includes(value);
}

export function weekdayLabel(day: Weekday): string {
  return WEEKDAY_NAMES[day];
}

/** Minutes after local midnight, parsed from `HH:MM` (24-hour clock). */
export type TimeOfDayParse = { ok: true; minutes: number } | { ok: false; reason: string };

export function parseTimeOfDay(text: string): TimeOfDayParse {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  if (!match) {
    return {
      ok: false,
      reason: `"${text}" is not a time of day; use 24-hour HH:MM, e.g. 09:00 or 21:30`,
    };
  }
  return { ok: true, minutes: Number(match[1]) * 60 + Number(match[2]) };
}

export function requireTimeOfDay(text: string): number {
  const parsed = parseTimeOfDay(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.minutes;
}

const zoneValidity = new Map<string, boolean>();

/** True for IANA time zone names this runtime knows (`Europe/Stockholm`, `UTC`). */
export function isValidTimeZone(zone: string): boolean {
  let valid = zoneValidity.get(zone);
  if (valid === undefined) {
    valid = zone === 'UTC' || IANAZone.isValidZone(zone);
    zoneValidity.set(zone, valid);
  }
  return valid;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Local minute of the day and ISO weekday index (0 = Monday) of an instant in a zone. */
export function localClock(at: number, zone: string): { minute: number; weekday: number } {
  if (zone === 'UTC') {
    const inDay = ((at % DAY) + DAY) % DAY;
    const dayIndex = Math.floor(at / DAY);
    // 1970-01-01 was a Thursday (index 3).
    return { minute: Math.floor(inDay / MINUTE), weekday: (((dayIndex + 3) % 7) + 7) % 7 };
  }
  const local = DateTime.fromMillis(at, { zone });
  return { minute: local.hour * 60 + local.minute, weekday: local.weekday - 1 };
}

/**
 * The first instant strictly after `at` whose local time is `minuteOfDay` on one of `weekdays`
 * (ISO indexes, 0 = Monday; all days when empty). When that local time does not exist on a day
 * (a spring-forward gap) the instant moves forward by the gap, as a wall clock would.
 */
export function nextLocalTime(
  at: number,
  zone: string,
  minuteOfDay: number,
  weekdays: readonly number[] = [],
): number {
  const allowed = weekdays.length === 0 ? undefined : new Set(weekdays);
  const start = DateTime.fromMillis(at, { zone });
  for (let offset = 0; offset <= 8; offset++) {
    const day = start.plus({ days: offset });
    if (allowed && !allowed.has(day.weekday - 1)) continue;
    const candidate = day
      .set({
        hour: Math.floor(minuteOfDay / 60),
        minute: minuteOfDay % 60,
        second: 0,
        millisecond: 0,
      })
      .toMillis();
    if (candidate > at) return candidate;
  }
  // Unreachable with at least one allowed weekday; keeps the function total.
  return at + 7 * DAY;
}

/** Whether local time at `at` falls in [start, end); a window may cross midnight (21:00–08:00). */
export function isWithinLocalWindow(at: number, zone: string, start: number, end: number): boolean {
  if (start === end) return false;
  const { minute } = localClock(at, zone);
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/** Day key `YYYY-MM-DD` of an instant in a zone, for per-day figures. */
export function localDate(at: number, zone: string): string {
  if (zone === 'UTC') return new Date(at).toISOString().slice(0, 10);
  return DateTime.fromMillis(at, { zone }).toISODate() ?? new Date(at).toISOString().slice(0, 10);
}

/** ISO 8601 text of an instant in UTC. */
export function isoTime(at: number): string {
  return new Date(at).toISOString();
}
