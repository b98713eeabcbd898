/** Times as the simulation views print them, in the chosen language's formatting locale. */

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A formatter for a time zone; without one, the computer's own (for when runs were made). */
function formatter(
  timeZone: string | undefined,
  options: Intl.DateTimeFormatOptions,
  locale = 'en-GB',
): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone ?? ''}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(locale, { ...options, ...(timeZone && { timeZone }) });
    } catch {
      // An unknown zone in a hand-written file: fall back to UTC rather than fail the view.
      format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    }
    formatters.set(key, format);
  }
  return format;
}

/** `Tue 1 Oct 2019, 02:05` in the given zone (the computer's own when none is given). */
export function dateTime(iso: string | number, timeZone?: string, locale?: string): string {
  return formatter(
    timeZone,
    {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    },
    locale,
  ).format(new Date(iso));
}

/** `1 Oct 2019` in the given zone. */
export function date(iso: string | number, timeZone = 'UTC', locale?: string): string {
  return formatter(timeZone, { day: 'numeric', month: 'short', year: 'numeric' }, locale).format(
    new Date(iso),
  );
}

/** `02:05` in the given zone (24-hour in every language the app speaks). */
export function clock(iso: string | number, timeZone = 'UTC', locale?: string): string {
  return formatter(
    timeZone,
    { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
    locale,
  ).format(new Date(iso));
}

/** `Tue 1 Oct` in the given zone: a day of the trace. */
export function day(iso: string | number, timeZone = 'UTC', locale?: string): string {
  return formatter(timeZone, { weekday: 'short', day: 'numeric', month: 'short' }, locale).format(
    new Date(iso),
  );
}
