/** Numbers, shares and times as the simulation views print them. */

export function count(n: number): string {
  return n.toLocaleString('en');
}

/** `12.3%`; whole numbers lose the decimal (`50%`), tiny shares keep one digit (`0.4%`). */
export function percent(rate: number, digits = 1): string {
  const value = rate * 100;
  const text = value.toFixed(digits);
  return `${text.replace(/\.0+$/, '')}%`;
}

/** A change with its sign: `+12`, `−3` (a real minus), `±0`. */
export function signed(delta: number, format: (n: number) => string = count): string {
  if (delta === 0) return '±0';
  return `${delta > 0 ? '+' : '−'}${format(Math.abs(delta))}`;
}

/** A difference of two rates in percentage points: `+2.1 pts`. */
export function points(difference: number): string {
  const value = Math.abs(difference * 100).toFixed(1);
  if (value === '0.0') return '±0 pts';
  return `${difference > 0 ? '+' : '−'}${value} pts`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

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

/** A zone as people say it: `UTC`, `Stockholm time`. */
export function zoneName(timeZone: string): string {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return 'UTC';
  return `${(timeZone.split('/').pop() ?? timeZone).replace(/_/g, ' ')} time`;
}

/** `1 Oct 2019 02:05`: an instant, short, in the given zone. */
export function instant(iso: string | number, timeZone = 'UTC'): string {
  return `${date(iso, timeZone)} ${clock(iso, timeZone)}`;
}

/** A simulation window in words: `1 Oct 2019 00:00 – 4 Oct 2019 00:00 UTC (3 days)`. */
export function windowText(window: { start: string; end: string }, timeZone = 'UTC'): string {
  const ms = Date.parse(window.end) - Date.parse(window.start);
  return `${instant(window.start, timeZone)} – ${instant(window.end, timeZone)} ${zoneName(timeZone)} (${duration(ms)})`;
}

/** A length of time in the largest sensible unit: `3 days`, `2 h 50 min`, `45 min`. */
export function duration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours < 48) return rest ? `${hours} h ${rest} min` : `${hours} h`;
  const days = ms / 86_400_000;
  return Number.isInteger(days) ? plural(days, 'day') : `${days.toFixed(1)} days`;
}

/** `Tue, 1 Oct 2019, 00:00 – 02:50`, the day said once when both ends fall on it. */
export function timeRange(start: string, end: string, timeZone = 'UTC'): string {
  if (date(start, timeZone) === date(end, timeZone))
    return `${dateTime(start, timeZone)} – ${clock(end, timeZone)}`;
  return `${dateTime(start, timeZone)} – ${dateTime(end, timeZone)}`;
}
