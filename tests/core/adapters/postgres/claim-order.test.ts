import { describe, expect, it } from 'vitest';
import { outOfOrder, percentile } from '../../../../bench/claim-order';

const w = (profile: string, seq: number) => ({ profile, seq });

describe("the claiming benchmark's order count", () => {
  it('counts nothing when each profile is written in the order its jobs were queued', () => {
    // Profiles interleave freely; only the order within one profile counts.
    expect(outOfOrder([w('a', 0), w('b', 0), w('a', 1), w('b', 1), w('a', 2)])).toBe(0);
  });

  it('counts each write that comes after a later job of the same profile', () => {
    // a: 0, 2, 1 — job 1 overtaken; b: 2, 0, 1 — jobs 0 and 1 overtaken by job 2.
    expect(outOfOrder([w('a', 0), w('a', 2), w('b', 2), w('a', 1), w('b', 0), w('b', 1)])).toBe(3);
  });

  it('counts a job done again after its successors, not one done again at once', () => {
    // a's job 1 written twice in a row (a retry before anything else ran) keeps the order;
    // b's job 0 written again after job 1 does not.
    expect(outOfOrder([w('a', 0), w('a', 1), w('a', 1), w('b', 0), w('b', 1), w('b', 0)])).toBe(1);
  });
});

describe("the claiming benchmark's percentiles", () => {
  it('takes the nearest rank, and says NaN for no values', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile([], 50)).toBeNaN();
  });
});
