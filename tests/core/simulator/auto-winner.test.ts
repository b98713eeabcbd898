import { describe, expect, it } from 'vitest';
import { HOUR, hourOf } from '../../../core/forecast/auto-winner';
import { probabilityBest } from '../../../core/forecast/statistics';
import { pickVariant } from '../../../core/nodes/split.node';
import { splitBucket } from '../../../core/runtime/hash';
import { decisionsOf } from '../../../core/simulator/report';
import { validateJourney } from '../../../core/validation/validate';
import { edge } from '../build';
import { at, cartTrigger, email, ev, journey, node, run } from './helpers';

const VARIANTS = [
  { key: 'A', weight: 40 },
  { key: 'B', weight: 40 },
  { key: 'control', weight: 20 },
];
const rule = { metric: 'conversion', minPerVariant: 10, confidence: 0.95 };
const test = journey(
  [
    cartTrigger(),
    node('ab', 'split', { variants: VARIANTS, autoWinner: rule }),
    email('a'),
    email('b'),
    node('out', 'exit'),
  ],
  [edge('start', 'ab'), edge('ab', 'a', 'A'), edge('ab', 'b', 'B'), edge('ab', 'out', 'control')],
  { goal: { event: 'purchase', within: 'P1D' } },
);

const START = at('2026-05-04T00:00:00Z');
const ids = Array.from({ length: 200 }, (_, i) => `p${i}`);
const drawn = (id: string) => pickVariant(VARIANTS, splitBucket(0, test.id, 'ab', id));
// One cart every 10 minutes; those first drawn into A buy 30 minutes later, a tenth of B's too.
const events = ids.flatMap((id, i) => {
  const cart = START + i * 10 * 60_000;
  const buys = drawn(id) === 'A' || (drawn(id) === 'B' && i % 10 === 0);
  return [
    ev(id, 'cart', new Date(cart).toISOString()),
    ...(buys ? [ev(id, 'purchase', new Date(cart + 30 * 60_000).toISOString())] : []),
  ];
});

describe('automatic winner in a simulation', () => {
  it('decides on the first whole hour the rule holds, from what came before it', () => {
    const result = run(test, { events, trace: 'all' });
    const winner = result.report.winners.ab;
    expect(winner?.variant).toBe('A');

    // By hand, on a run that decides nothing: each profile's variant and conversion from its
    // trace, the rule looked at on the hour of each arrival.
    const plain = run(test, { events, winners: {} });
    const log: { at: number; key: string; converted?: number }[] = [];
    for (const steps of plain.traces.values()) {
      const v = steps.find((s) => s.type === 'variant');
      const c = steps.find((s) => s.type === 'variant-convert');
      if (v?.type === 'variant')
        log.push({
          at: Date.parse(v.at),
          key: v.text.replace('assigned to variant ', ''),
          ...(c && { converted: Date.parse(c.at) }),
        });
    }
    let decided: { at: number; p: number } | undefined;
    for (const hour of [...new Set(log.map((a) => hourOf(a.at)))].sort((x, y) => x - y)) {
      const arm = (key: string) => {
        const mine = log.filter((a) => a.key === key && a.at < hour);
        return {
          entered: mine.length,
          converted: mine.filter((a) => a.converted !== undefined && a.converted < hour).length,
        };
      };
      const [a, b] = [arm('A'), arm('B')];
      if (a.entered < 10 || b.entered < 10) continue;
      const [pa] = probabilityBest([a, b]);
      if ((pa ?? 0) >= 0.95) {
        decided = { at: hour, p: pa ?? 0 };
        break;
      }
    }
    expect(decided).toBeDefined();
    expect(winner).toEqual({
      at: new Date(decided?.at ?? 0).toISOString(),
      variant: 'A',
      probability: decided?.p,
    });

    // From that hour on, whoever would have been drawn into B goes to A; the control keeps its share.
    const from = decided?.at ?? 0;
    for (const [profileId, steps] of result.traces) {
      const v = steps.find((s) => s.type === 'variant');
      if (v?.type !== 'variant') continue;
      const key = v.text.replace('assigned to variant ', '');
      const first = drawn(profileId);
      const expected = Date.parse(v.at) >= from && first === 'B' ? 'A' : first;
      expect(key).toBe(expected);
    }
    expect(result.report.conversions.byVariant.ab?.B?.entered).toBeLessThan(
      plain.report.conversions.byVariant.ab?.B?.entered ?? 0,
    );
  });

  it('keeps the decision when a run is traced again, one profile alone', () => {
    const { report } = run(test, { events, trace: new Set() });
    const decision = decisionsOf(report);
    const late = ids.find(
      (id, i) => drawn(id) === 'B' && START + i * 10 * 60_000 >= (decision.ab?.at ?? 0) + HOUR,
    );
    expect(late).toBeDefined();
    const alone = run(test, {
      events: events.filter((e) => e.profileId === late),
      winners: decision,
      start: START,
      end: START + 3 * 24 * HOUR,
    });
    expect(alone.traces.get(late ?? '')?.find((s) => s.type === 'variant')?.text).toBe(
      'assigned to variant A',
    );
  });

  it('is checked: two variants besides the control, and a rule in words', () => {
    const issues = (config: Record<string, unknown>) =>
      validateJourney(
        journey([cartTrigger(), node('ab', 'split', config)], [edge('start', 'ab')], {
          goal: { event: 'purchase' },
        }),
      ).issues.filter((i) => i.severity === 'error');
    expect(
      issues({
        variants: [
          { key: 'A', weight: 50 },
          { key: 'control', weight: 50 },
        ],
        autoWinner: { minPerVariant: 100 },
      }).map((i) => [i.code, i.message]),
    ).toEqual([
      [
        'auto-winner-invalid',
        'An automatic winner is picked among at least two variants besides the control; this split has 1.',
      ],
    ]);
    expect(
      issues({ variants: VARIANTS, autoWinner: { minPerVariant: 0, confidence: 2 } }).map(
        (i) => i.message,
      ),
    ).toEqual([
      expect.stringContaining('whole number, 1 or more'),
      expect.stringContaining('from 0.5 to 0.999'),
    ]);
    expect(issues({ variants: VARIANTS, autoWinner: { minPerVariant: 50 } })).toEqual([]);
  });
});
