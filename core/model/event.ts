/** Something a profile did, at an instant (epoch milliseconds, UTC). */
export interface JourneyEvent {
  readonly profileId: string;
  readonly name: string;
  readonly time: number;
  readonly properties: Readonly<Record<string, unknown>>;
  /** Sender's id for deduplicating retries (the Segment spec's `messageId`). */
  readonly messageId?: string;
  /**
   * The anonymous id the sender named beside `profileId` (Segment's `anonymousId`): the
   * anonymous profile of that id is merged into `profileId` before the event applies (DESIGN §8).
   * An event with only an anonymous id has it as `profileId`, and no `anonymousId`.
   */
  readonly anonymousId?: string;
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

/** The number written by `count` digits from `from`, or -1 when one of them is not a digit. */
function digitsAt(text: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * The two forms most exports use, read without regular expressions (it was the costliest step
 * of reading an event file): `YYYY-MM-DDTHH:MM:SSZ` or `YYYY-MM-DDTHH:MM:SS.sssZ`, as
 * `toISOString` writes, and `YYYY-MM-DD HH:MM:SS UTC`, as the REES46 exports do. Undefined for
 * anything else, which the general reading below then handles, with the same results.
 */
function commonTime(text: string): number | undefined {
  const length = text.length;
  const utcSuffix = length === 23 && text.endsWith(' UTC');
  if (!utcSuffix && length !== 20 && length !== 24) return undefined;
  const separator = text.charCodeAt(10);
  if (
    text.charCodeAt(4) !== 45 || // -
    text.charCodeAt(7) !== 45 ||
    !(separator === 84 || (utcSuffix && separator === 32)) || // T, or a space before UTC
    text.charCodeAt(13) !== 58 || // :
    text.charCodeAt(16) !== 58 ||
    (!utcSuffix && text.charCodeAt(length - 1) !== 90) || // Z
    (length === 24 && text.charCodeAt(19) !== 46) // .
  ) {
    return undefined;
  }
  const y = digitsAt(text, 0, 4);
  const mo = digitsAt(text, 5, 2);
  const d = digitsAt(text, 8, 2);
  const h = digitsAt(text, 11, 2);
  const mi = digitsAt(text, 14, 2);
  const s = digitsAt(text, 17, 2);
  const ms = length === 24 ? digitsAt(text, 20, 3) : 0;
  if (y < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || s < 0 || ms < 0) return undefined;
  // Date.UTC reads years below 100 as 19xx. The UTC form has always been read that way; ISO
  // text with such a year takes the general path, which reads it as written.
  if (!utcSuffix && y < 100) return undefined;
  return isRealDate(y, mo, d, h, mi, s) ? Date.UTC(y, mo - 1, d, h, mi, s, ms) : undefined;
}

/**
 * Reads an event time: ISO 8601 (`2019-10-01T00:00:00Z`; without an offset it is UTC),
 * `YYYY-MM-DD HH:MM:SS UTC` (as in the REES46 exports), or epoch milliseconds.
 * Returns undefined when the value is none of these, or names a day or time that does not exist.
 */
export function parseEventTime(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.trunc(value) : undefined;
  if (typeof value !== 'string') return undefined;
  const common = commonTime(value);
  if (common !== undefined) return common;
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
