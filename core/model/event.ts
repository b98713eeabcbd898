/** Something a profile did, at an instant (epoch milliseconds, UTC). */
export interface JourneyEvent {
  readonly profileId: string;
  readonly name: string;
  readonly time: number;
  readonly properties: Readonly<Record<string, unknown>>;
  /** Sender's id for deduplicating retries (the Segment spec's `messageId`). */
  readonly messageId?: string;
}

/** An event as the engine has applied it: `seq` orders events that share an instant. */
export interface StoredEvent extends JourneyEvent {
  readonly seq: number;
}

const SPACE_UTC = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))? UTC$/;
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether year-month-day names a real day and hh:mm:ss a real time. */
function isRealDate(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): boolean {
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (mo === 2 ? (leap ? 29 : 28) : (DAYS_IN_MONTH[mo - 1] ?? 31));
}

/**
 * Reads an event time: ISO 8601 (`2019-10-01T00:00:00Z`; without an offset it is UTC),
 * `YYYY-MM-DD HH:MM:SS UTC` (as in the REES46 exports), or epoch milliseconds.
 * Returns undefined when the value is none of these, or names a day or time that does not exist.
 */
export function parseEventTime(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.trunc(value) : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const utc = SPACE_UTC.exec(text);
  if (utc) {
    const [y, mo, d, h, mi, s] = utc.slice(1, 7).map(Number) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    if (!isRealDate(y, mo, d, h, mi, s)) return undefined;
    const ms = utc[7] ? Number(utc[7].padEnd(3, '0')) : 0;
    return Date.UTC(y, mo - 1, d, h, mi, s, ms);
  }
  if (/^-?\d{1,16}$/.test(text)) return Number(text);
  const iso = ISO.exec(text);
  if (!iso) return undefined;
  const [y, mo, d, h, mi, s] = iso.slice(1, 7).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (!isRealDate(y, mo, d, h, mi, s)) return undefined;
  const normalized = text.length === 10 ? `${text}T00:00:00` : text.replace(' ', 'T');
  const time = Date.parse(iso[7] ? normalized : `${normalized}Z`);
  return Number.isNaN(time) ? undefined : time;
}
