import { describe, expect, it } from 'vitest';
import {
  addDuration,
  clockShiftMinutes,
  describeDurationText,
  formatDuration,
  longestMillis,
  parseDuration,
  requireDuration,
  shortestMillis,
} from '../../../core/model/duration';

const at = (iso: string) => Date.parse(iso);

describe('durations', () => {
  it.each([
    ['PT30M', '30 minutes'],
    ['P3D', '3 days'],
    ['P1W', '1 week'],
    ['PT1H30M', '1 hour 30 minutes'],
    ['-P1D', '1 day before'],
    ['P1Y2M', '1 year 2 months'],
  ])('reads %s as "%s" and writes it back unchanged', (text, words) => {
    expect(describeDurationText(text)).toBe(words);
    expect(formatDuration(requireDuration(text))).toBe(text);
  });

  it.each(['30 minutes', 'P', 'PT', 'P1.5D', 'p1d', ' PT1H', '1h', 'P1DT'])(
    'rejects %j with a hint',
    (text) => {
      const parsed = parseDuration(text);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.reason).toContain('PT30M');
    },
  );

  it('adds clock parts as elapsed time and days as calendar days', () => {
    const start = at('2026-03-28T12:00:00Z'); // Stockholm 13:00 CET, the day before DST starts
    // One calendar day later is 13:00 CEST, only 23 hours later.
    expect(addDuration(start, requireDuration('P1D'), 'Europe/Stockholm')).toBe(
      at('2026-03-29T11:00:00Z'),
    );
    // 24 hours is 24 hours, whatever the clocks do.
    expect(addDuration(start, requireDuration('PT24H'), 'Europe/Stockholm')).toBe(
      at('2026-03-29T12:00:00Z'),
    );
    expect(addDuration(start, requireDuration('P1D'), 'UTC')).toBe(at('2026-03-29T12:00:00Z'));
    expect(addDuration(start, requireDuration('-P1D'), 'UTC')).toBe(at('2026-03-27T12:00:00Z'));
    expect(addDuration(at('2026-01-31T00:00:00Z'), requireDuration('P1M'), 'UTC')).toBe(
      at('2026-02-28T00:00:00Z'),
    );
  });
});

describe('bounds of a duration', () => {
  const HOUR = 3_600_000;
  it('takes calendar parts at their longest or shortest, and clock parts as they are', () => {
    const d = requireDuration('P1M1DT2H30M');
    expect(longestMillis(d)).toBe((31 * 24 + 25 + 2.5) * HOUR);
    expect(shortestMillis(d)).toBe((28 * 24 + 23 + 2.5) * HOUR);
  });

  it('moves the local clock by the clock part only, backwards for a negative duration', () => {
    expect(clockShiftMinutes(requireDuration('P3DT1H30M'))).toBe(90);
    expect(clockShiftMinutes(requireDuration('-PT45M'))).toBe(-45);
    expect(clockShiftMinutes(requireDuration('P1W'))).toBe(0);
  });
});
