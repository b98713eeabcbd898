import { describe, expect, it } from 'vitest';
import {
  isValidTimeZone,
  isWithinLocalWindow,
  localClock,
  nextLocalTime,
  parseTimeOfDay,
} from '../../../core/model/local-time';
import { parseEventTime } from '../../../core/model/event';

const at = (iso: string) => Date.parse(iso);

describe('local time', () => {
  it('parses HH:MM and rejects anything else', () => {
    expect(parseTimeOfDay('09:00')).toEqual({ ok: true, minutes: 540 });
    expect(parseTimeOfDay('23:59')).toEqual({ ok: true, minutes: 1439 });
    for (const bad of ['9:00', '24:00', '21:60', '9pm', ''])
      expect(parseTimeOfDay(bad).ok).toBe(false);
  });

  it('knows IANA zones', () => {
    expect(isValidTimeZone('Europe/Stockholm')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Europe/Stockolm')).toBe(false);
  });

  it('reads the local clock in a zone and in UTC', () => {
    expect(localClock(at('2026-07-01T19:30:00Z'), 'Europe/Stockholm')).toEqual({
      minute: 21 * 60 + 30,
      weekday: 2,
    });
    expect(localClock(at('2026-07-01T19:30:00Z'), 'UTC')).toEqual({
      minute: 19 * 60 + 30,
      weekday: 2,
    });
  });

  it('finds the next local time, on allowed days only', () => {
    // Wednesday 1 July 2026, 10:00 Stockholm.
    const now = at('2026-07-01T08:00:00Z');
    expect(nextLocalTime(now, 'Europe/Stockholm', 9 * 60)).toBe(at('2026-07-02T07:00:00Z'));
    expect(nextLocalTime(now, 'Europe/Stockholm', 11 * 60)).toBe(at('2026-07-01T09:00:00Z'));
    // Mondays only: Monday 6 July.
    expect(nextLocalTime(now, 'Europe/Stockholm', 9 * 60, [0])).toBe(at('2026-07-06T07:00:00Z'));
    // Strictly after: at 09:00 exactly, the next 09:00 is tomorrow.
    expect(nextLocalTime(at('2026-07-01T07:00:00Z'), 'Europe/Stockholm', 9 * 60)).toBe(
      at('2026-07-02T07:00:00Z'),
    );
  });

  it('keeps local time across a DST change', () => {
    // Saturday 28 March 2026 22:00 CET; clocks go forward on Sunday at 02:00.
    const now = at('2026-03-28T21:00:00Z');
    expect(nextLocalTime(now, 'Europe/Stockholm', 8 * 60)).toBe(at('2026-03-29T06:00:00Z'));
  });

  it('tests windows that cross midnight', () => {
    const start = 21 * 60;
    const end = 8 * 60;
    expect(isWithinLocalWindow(at('2026-07-01T20:00:00Z'), 'Europe/Stockholm', start, end)).toBe(
      true,
    ); // 22:00
    expect(isWithinLocalWindow(at('2026-07-01T05:59:00Z'), 'Europe/Stockholm', start, end)).toBe(
      true,
    ); // 07:59
    expect(isWithinLocalWindow(at('2026-07-01T06:00:00Z'), 'Europe/Stockholm', start, end)).toBe(
      false,
    ); // 08:00
    expect(isWithinLocalWindow(at('2026-07-01T18:59:00Z'), 'Europe/Stockholm', start, end)).toBe(
      false,
    ); // 20:59
  });
});

describe('event times', () => {
  it('reads the three accepted formats', () => {
    expect(parseEventTime('2019-10-01 00:00:05 UTC')).toBe(at('2019-10-01T00:00:05Z'));
    expect(parseEventTime('2019-10-01T00:00:05Z')).toBe(at('2019-10-01T00:00:05Z'));
    expect(parseEventTime('2019-10-01T02:00:05+02:00')).toBe(at('2019-10-01T00:00:05Z'));
    expect(parseEventTime('2019-10-01T00:00:05')).toBe(at('2019-10-01T00:00:05Z'));
    expect(parseEventTime('2019-10-01')).toBe(at('2019-10-01T00:00:00Z'));
    expect(parseEventTime('1569888005000')).toBe(at('2019-10-01T00:00:05Z'));
    expect(parseEventTime(1569888005000)).toBe(at('2019-10-01T00:00:05Z'));
  });

  it('reads the form toISOString writes as Date.parse does, early years included', () => {
    for (const text of [
      '2019-10-01T00:00:05.123Z',
      '2024-02-29T23:59:59.999Z',
      '0050-06-01T12:00:00Z',
      '0150-06-01T12:00:00.500Z',
      ' 2019-10-01T00:00:05Z',
    ]) {
      expect(parseEventTime(text)).toBe(at(text.trim()));
    }
    expect(parseEventTime('2019-10-01T00:00:05 UTC')).toBe(at('2019-10-01T00:00:05Z'));
    expect(parseEventTime('2020-02-29 23:59:59 UTC')).toBe(at('2020-02-29T23:59:59Z'));
    // The UTC form has always read a two-digit century as Date.UTC does.
    expect(parseEventTime('0050-06-01 12:00:00 UTC')).toBe(Date.UTC(50, 5, 1, 12));
  });

  it.each([
    'yesterday',
    '2019-13-01 00:00:00 UTC',
    '2019-02-30 00:00:00 UTC',
    '2019-10-01 00:00:60 UTC',
    '2019-02-30T10:00:00Z',
    '2019-10-01T25:00:00Z',
    '2019-10-01T10:00:60.000Z',
    '2019-1O-01T10:00:00.000Z',
    '01/10/2019',
    '',
  ])('rejects %j', (text) => {
    expect(parseEventTime(text)).toBeUndefined();
  });
});
