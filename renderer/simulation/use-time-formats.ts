import { useIntl } from 'react-intl';
import { useT } from '../i18n/I18nProvider';
import { clock, date, dateTime, day } from './format';

/** Counts, times and lengths of time as the simulation, run and data screens print them. */
export interface TimeFormats {
  /** `17,434` (en), `17 434` (sv, nb). */
  count: (n: number) => string;
  /** `Tue 1 Oct 2019, 02:05` (en), `tis 1 okt. 2019 02:05` (sv). */
  dateTime: (at: string | number, timeZone?: string) => string;
  date: (at: string | number, timeZone?: string) => string;
  /** `02:05`: 24-hour in every language. */
  clock: (at: string | number, timeZone?: string) => string;
  day: (at: string | number, timeZone?: string) => string;
  /** `1 Oct 2019 02:05`. */
  instant: (at: string | number, timeZone?: string) => string;
  /** `UTC`, `Stockholm time`. */
  zoneName: (timeZone: string) => string;
  /** `3 days`, `2 h 50 min`, `45 min`. */
  duration: (ms: number) => string;
  /** A simulation window: `1 Oct 2019 00:00 – 4 Oct 2019 00:00 UTC (3 days)`. */
  windowText: (window: { start: string; end: string }, timeZone?: string) => string;
  /** The day said once when both ends fall on it. */
  timeRange: (start: string, end: string, timeZone?: string) => string;
}

export function useTimeFormats(): TimeFormats {
  const intl = useIntl();
  const t = useT();
  const locale = intl.locale;
  const zoneName = (timeZone: string) =>
    timeZone === 'UTC' || timeZone === 'Etc/UTC'
      ? 'UTC'
      : t('time.zone', { city: (timeZone.split('/').pop() ?? timeZone).replace(/_/g, ' ') });
  const instant = (at: string | number, timeZone = 'UTC') =>
    `${date(at, timeZone, locale)} ${clock(at, timeZone, locale)}`;
  const duration = (ms: number) => {
    const minutes = Math.round(ms / 60_000);
    if (minutes < 60) return t('time.minutes', { minutes });
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    if (hours < 48) return t('time.hours', { hours, minutes: rest });
    const days = ms / 86_400_000;
    return t('time.days', { days: Number.isInteger(days) ? days : Number(days.toFixed(1)) });
  };
  return {
    count: (n) => intl.formatNumber(n),
    dateTime: (at, timeZone) => dateTime(at, timeZone, locale),
    date: (at, timeZone) => date(at, timeZone, locale),
    clock: (at, timeZone) => clock(at, timeZone, locale),
    day: (at, timeZone) => day(at, timeZone, locale),
    instant,
    zoneName,
    duration,
    windowText: (window, timeZone = 'UTC') =>
      `${instant(window.start, timeZone)} – ${instant(window.end, timeZone)} ${zoneName(timeZone)} (${duration(Date.parse(window.end) - Date.parse(window.start))})`,
    timeRange: (start, end, timeZone = 'UTC') =>
      date(start, timeZone, locale) === date(end, timeZone, locale)
        ? `${dateTime(start, timeZone, locale)} – ${clock(end, timeZone, locale)}`
        : `${dateTime(start, timeZone, locale)} – ${dateTime(end, timeZone, locale)}`,
  };
}
