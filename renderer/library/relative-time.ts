const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

const formats = new Map<string, Intl.RelativeTimeFormat>();

/**
 * "5 minutes ago", "yesterday" ("för 5 minuter sedan", "i går" in Swedish); `justNow` under a
 * minute. `locale` is the language's formatting locale (`en-GB`, `sv-SE`, `nb-NO`).
 */
export function relativeTime(
  iso: string,
  now: number,
  locale = 'en-GB',
  justNow = 'just now',
): string {
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    formats.set(locale, format);
  }
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '';
  const delta = at - now;
  for (const [unit, size] of UNITS) {
    if (Math.abs(delta) >= size) return format.format(Math.round(delta / size), unit);
  }
  return justNow;
}

export type ElapsedUnit = 'now' | Intl.RelativeTimeFormatUnit;

/**
 * How long ago an instant was, as a unit and a whole amount of it (`{ unit: 'minute', amount: 5 }`),
 * for a sentence kept to be worded later, whose message says "5 minutes ago" in its language;
 * `now` under a minute.
 */
export function elapsed(iso: string, now: number): { unit: ElapsedUnit; amount: number } {
  const delta = now - Date.parse(iso);
  if (Number.isNaN(delta)) return { unit: 'now', amount: 0 };
  for (const [unit, size] of UNITS) {
    if (delta >= size) return { unit, amount: Math.round(delta / size) };
  }
  return { unit: 'now', amount: 0 };
}
