import { describe, expect, it } from 'vitest';
import { durationToWords, wordsToDuration } from '../../renderer/inspector/widgets/duration-words';

describe('durations in words', () => {
  it.each([
    ['PT30M', 30, 'minutes'],
    ['PT1H', 1, 'hours'],
    ['PT90M', 90, 'minutes'],
    ['PT1H30M', 90, 'minutes'],
    ['P1DT12H', 36, 'hours'],
    ['P3D', 3, 'days'],
    ['P7D', 7, 'days'],
    ['P1W', 1, 'weeks'],
    ['P2M', 2, 'months'],
    ['P1Y', 12, 'months'],
    ['PT120S', 2, 'minutes'],
  ] as const)('reads %s as %s %s', (iso, amount, unit) => {
    expect(durationToWords(iso)).toEqual({ amount, unit, negative: false });
  });

  it('reads shifts backwards', () => {
    expect(durationToWords('-P1D')).toEqual({ amount: 1, unit: 'days', negative: true });
  });

  it('gives up on what one unit cannot say', () => {
    expect(durationToWords('P1M2D')).toBeNull();
    expect(durationToWords('PT90S')).toBeNull();
    expect(durationToWords('soon')).toBeNull();
  });

  it.each([
    [30, 'minutes', false, 'PT30M'],
    [2, 'hours', false, 'PT2H'],
    [3, 'days', false, 'P3D'],
    [1, 'weeks', false, 'P1W'],
    [6, 'months', false, 'P6M'],
    [1, 'days', true, '-P1D'],
    [0, 'minutes', true, 'PT0S'],
  ] as const)('writes %s %s (before: %s) as %s', (amount, unit, negative, iso) => {
    expect(wordsToDuration({ amount, unit, negative })).toBe(iso);
  });

  it('round-trips what it reads', () => {
    for (const iso of ['PT45M', 'PT6H', 'P2D', 'P3W', 'P1M', '-P2D']) {
      const words = durationToWords(iso);
      expect(words && wordsToDuration(words)).toBe(iso);
    }
  });
});
