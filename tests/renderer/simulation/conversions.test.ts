import { describe, expect, it } from 'vitest';
import { breakdownText } from '../../../renderer/simulation/conversions';
import { wordsIn } from '../words';

const english = wordsIn();

describe('which conversions a total is', () => {
  it('says when every conversion came before any message (a run that sent nothing)', () => {
    expect(breakdownText(english, 70, { beforeMessage: 70, afterMessage: 0, caused: 0 })).toBe(
      'all before any message was sent',
    );
  });

  it('splits the rest into after a message and caused by one', () => {
    expect(
      breakdownText(english, 1_250, { beforeMessage: 1_000, afterMessage: 200, caused: 50 }),
    ).toBe('1,000 before any message · 200 after one · 50 caused by one');
    expect(breakdownText(english, 5, { beforeMessage: 2, afterMessage: 3, caused: 0 })).toBe(
      '2 before any message · 3 after one',
    );
  });

  it('says nothing without conversions, or for a run saved before the breakdown existed', () => {
    expect(
      breakdownText(english, 0, { beforeMessage: 0, afterMessage: 0, caused: 0 }),
    ).toBeUndefined();
    expect(breakdownText(english, 3, undefined)).toBeUndefined();
  });
});
