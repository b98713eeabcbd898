import { describe, expect, it } from 'vitest';
import {
  decideWinner,
  firstDecision,
  hourOf,
  type AutoWinnerRule,
} from '../../../core/forecast/auto-winner';

const T = Date.parse('2026-05-01T00:00:00Z');
const at = (hhmm: string) =>
  T + Number(hhmm.slice(0, 2)) * 3_600_000 + Number(hhmm.slice(3)) * 60_000;
const rule = (confidence: number, minPerVariant = 3): AutoWinnerRule => ({
  metric: 'conversion',
  minPerVariant,
  confidence,
});

// A gets profiles at 00:10, 00:20, 00:30, 01:10, 01:20, 02:10 and converts at 00:40, 00:50, 01:30,
// 02:20; B gets profiles five minutes after A's and never converts; the control gets a few.
const log = {
  assigned: [
    ...['00:10', '00:20', '00:30', '01:10', '01:20', '02:10'].map((t) => ({ at: at(t), key: 'A' })),
    ...['00:15', '00:25', '00:35', '01:15', '01:25', '02:15'].map((t) => ({ at: at(t), key: 'B' })),
    ...['00:05', '01:05'].map((t) => ({ at: at(t), key: 'control' })),
  ],
  converted: [
    ...['00:40', '00:50', '01:30', '02:20'].map((t) => ({ at: at(t), key: 'A' })),
    { at: at('00:45'), key: 'control' },
  ],
};
const variants = ['A', 'B', 'control'];

describe('the automatic winner rule', () => {
  it('is looked at on whole UTC hours', () => {
    expect(hourOf(at('01:59') + 59_999)).toBe(at('01:00'));
    expect(hourOf(at('02:00'))).toBe(at('02:00'));
  });

  it('decides at the first hour the best variant is likely enough, on what came before it', () => {
    // At 01:00, by hand: A 2 of 3, B 0 of 3. P(A best) = P(Beta(3,2) > Beta(1,4))
    // = 1 − E[(1 − X)^4] for X ~ Beta(3,2) = 1 − B(3,6)/B(3,2) = 13/14.
    const sure90 = firstDecision(log, variants, rule(0.9));
    expect(sure90).toMatchObject({ at: at('01:00'), variant: 'A' });
    expect(sure90?.probability).toBeCloseTo(13 / 14, 6);
    // Sure to 95%: not yet at 01:00; at 02:00 A 3 of 5, B 0 of 5:
    // 1 − B(4,9)/B(4,3) = 32/33.
    const sure95 = firstDecision(log, variants, rule(0.95));
    expect(sure95).toMatchObject({ at: at('02:00'), variant: 'A' });
    expect(sure95?.probability).toBeCloseTo(32 / 33, 6);
    expect(firstDecision(log, variants, rule(0.99))).toBeUndefined();
  });

  it('waits until every variant but the control has enough profiles', () => {
    // At 01:00 each has 3, at 02:00 each has 5: with 4 needed, 02:00 is the first chance.
    expect(firstDecision(log, variants, rule(0.9, 4))?.at).toBe(at('02:00'));
    expect(firstDecision(log, variants, rule(0.9, 6))).toBeUndefined();
  });

  it('looks only at hours someone arrives in, as execution does', () => {
    // Nobody arrives between 00:35 and 01:05: had the first arrival been at 03:00, the rule
    // would have been looked at then, on everything before 03:00.
    const shift = (e: { at: number; key: string }) =>
      e.at >= at('01:00') ? { ...e, at: e.at + 2 * 3_600_000 } : e;
    const late = { assigned: log.assigned.map(shift), converted: log.converted.map(shift) };
    expect(firstDecision(late, variants, rule(0.9))?.at).toBe(at('03:00'));
  });

  it('picks among the variants, never the control, and needs two of them', () => {
    const arms = [
      { key: 'A', entered: 100, converted: 10 },
      { key: 'B', entered: 100, converted: 30 },
      { key: 'control', entered: 100, converted: 90 },
    ];
    expect(decideWinner(arms, rule(0.95))).toMatchObject({ variant: 'B' });
    expect(decideWinner(arms.slice(1), rule(0.5))).toBeUndefined();
  });
});
