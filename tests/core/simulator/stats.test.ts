import { describe, expect, it } from 'vitest';
import { compareRuns } from '../../../core/simulator/compare-runs';
import { compareVariants } from '../../../core/forecast/variant-comparison';
import { wilsonInterval } from '../../../core/forecast/statistics';
import { chain, edge } from '../build';
import { at, cartTrigger, email, ev, journey, node, run } from './helpers';

describe('confidence intervals', () => {
  it('match published Wilson intervals', () => {
    // 81 successes in 263 trials: the worked example of Newcombe (1998), 0.2553–0.3662 (approximately).
    const { rate, low, high } = wilsonInterval(81, 263);
    expect(rate).toBeCloseTo(0.308, 3);
    expect(low).toBeCloseTo(0.2553, 3);
    expect(high).toBeCloseTo(0.3662, 3);
    expect(wilsonInterval(0, 10)).toMatchObject({ rate: 0, low: 0 });
    expect(wilsonInterval(0, 10).high).toBeCloseTo(0.2775, 3);
    expect(wilsonInterval(0, 0)).toEqual({ rate: 0, low: 0, high: 0 });
  });

  it('compare each variant with the control', () => {
    const [a, b, control] = compareVariants({
      A: { entered: 1000, converted: 150 },
      B: { entered: 1000, converted: 108 },
      control: { entered: 1000, converted: 100 },
    });
    expect(control).toMatchObject({ key: 'control', entered: 1000, converted: 100 });
    expect(control?.difference).toBeUndefined();
    expect(a?.difference).toBeCloseTo(0.05, 10);
    expect(a?.significant).toBe(true);
    expect(a?.pValue).toBeLessThan(0.01);
    expect(b?.significant).toBe(false);
    expect(b?.pValue).toBeGreaterThan(0.5);
  });
});

describe('comparing runs', () => {
  it('lists what changed node by node', () => {
    const base = journey(
      [
        cartTrigger(),
        node('w', 'wait', { mode: 'duration', duration: 'PT1H' }),
        node('c', 'condition', { event: 'purchase', op: 'performed', since: 'entry' }),
        email('mail'),
      ],
      [...chain('start', 'w', 'c'), edge('c', 'mail', 'no')],
    );
    const longer = {
      ...base,
      nodes: base.nodes.map((n) =>
        n.id === 'w' ? { ...n, config: { mode: 'duration', duration: 'PT3H' } } : n,
      ),
    };
    const events = [
      ev('a', 'cart', '2026-05-01T10:00:00Z'),
      ev('b', 'cart', '2026-05-01T10:00:00Z'),
      ev('a', 'purchase', '2026-05-01T12:00:00Z'),
    ];
    const first = run(base, { events, end: at('2026-05-02T00:00:00Z') }).report;
    const second = run(longer, { events, end: at('2026-05-02T00:00:00Z') }).report;
    const diff = compareRuns(first, second);
    expect(diff.sent).toEqual({ before: 2, after: 1, delta: -1 });
    expect(diff.nodes.map((n) => n.nodeId)).toEqual(['c', 'mail']);
    expect(diff.nodes[0]?.ports).toEqual({
      yes: { before: 0, after: 1, delta: 1 },
      no: { before: 2, after: 1, delta: -1 },
    });
    expect(compareRuns(first, first).nodes).toEqual([]);
  });
});
