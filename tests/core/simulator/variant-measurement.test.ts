import { describe, expect, it } from 'vitest';
import type { JourneySettings } from '../../../core/model/journey';
import { edge } from '../build';
import { at, cartTrigger, email, ev, journey, node, run } from './helpers';

/** An A/B test whose control group goes straight to an exit: the REES46 finding of issue #12. */
const controlExits = (goal: JourneySettings['goal']) =>
  journey(
    [
      cartTrigger(),
      node('ab', 'split', {
        variants: [
          { key: 'A', weight: 50 },
          { key: 'control', weight: 50 },
        ],
      }),
      node('w', 'wait', { mode: 'duration', duration: 'P1D' }),
      email('offer'),
      node('out', 'exit'),
    ],
    [edge('start', 'ab'), edge('ab', 'w', 'A'), edge('w', 'offer'), edge('ab', 'out', 'control')],
    { goal },
  );

const ids = Array.from({ length: 40 }, (_, i) => `p${i}`);
const carts = ids.map((id) => ev(id, 'cart', '2026-05-01T10:00:00Z'));

/** Which variant each profile was drawn into, read off its trace. */
function assignment(result: ReturnType<typeof run>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [profileId, steps] of result.traces) {
    const drawn = steps.find((s) => s.type === 'variant');
    if (drawn) out.set(profileId, drawn.text.replace('assigned to variant ', ''));
  }
  return out;
}

/** Hand count: assigned profiles per variant, and those among them in `buyers`. */
function handCount(variants: Map<string, string>, buyers: ReadonlySet<string>) {
  const out: Record<string, { entered: number; converted: number }> = {};
  for (const [profileId, key] of variants) {
    const row = (out[key] ??= { entered: 0, converted: 0 });
    row.entered++;
    if (buyers.has(profileId)) row.converted++;
  }
  return out;
}

describe('conversions by variant (DESIGN §4)', () => {
  it('measures a control group that goes straight to an exit like the variant', () => {
    // Every second profile buys two hours after its cart: the control had left at once, the
    // variant was still waiting. Before, the control measured 0%.
    const buyers = new Set(ids.filter((_, i) => i % 2 === 0));
    const result = run(controlExits({ event: 'purchase' }), {
      events: [...carts, ...[...buyers].map((id) => ev(id, 'purchase', '2026-05-01T12:00:00Z'))],
      end: at('2026-05-03T00:00:00Z'),
    });
    const variants = assignment(result);
    expect(variants.size).toBe(40);
    const expected = handCount(variants, buyers);
    expect(expected.control?.converted).toBeGreaterThan(0);
    expect(result.report.conversions.byVariant).toEqual({ ab: expected });
    // The journey's own conversions keep their meaning: only enrollments still inside count.
    expect(result.report.conversions.total).toBe(expected.A?.converted);
  });

  it('counts a purchase up to the attribution window after the assignment, 7 days by default', () => {
    // p0–p9 buy exactly 7 days later (counted), p10–p19 a minute after that (not counted).
    const onTime = new Set(ids.slice(0, 10));
    const late = ids.slice(10, 20);
    const result = run(controlExits({ event: 'purchase' }), {
      events: [
        ...carts,
        ...[...onTime].map((id) => ev(id, 'purchase', '2026-05-08T10:00:00Z')),
        ...late.map((id) => ev(id, 'purchase', '2026-05-08T10:01:00Z')),
      ],
    });
    expect(result.report.conversions.byVariant).toEqual({
      ab: handCount(assignment(result), onTime),
    });
  });

  it('takes the goal’s own window and filters, and counts each assignment once', () => {
    const buyers = new Set(ids.slice(0, 20));
    const result = run(
      controlExits({
        event: 'purchase',
        within: 'PT6H',
        where: [{ property: 'price', op: 'gte', value: 10 }],
      }),
      {
        events: [
          ...carts,
          // Within 6 hours and at least 10: counted once though bought twice.
          ...[...buyers].map((id) => ev(id, 'purchase', '2026-05-01T11:00:00Z', { price: 20 })),
          ...[...buyers].map((id) => ev(id, 'purchase', '2026-05-01T12:00:00Z', { price: 30 })),
          // Too cheap, or too late.
          ...ids
            .slice(20, 30)
            .map((id) => ev(id, 'purchase', '2026-05-01T11:00:00Z', { price: 5 })),
          ...ids.slice(30).map((id) => ev(id, 'purchase', '2026-05-01T16:01:00Z', { price: 50 })),
        ],
      },
    );
    expect(result.report.conversions.byVariant).toEqual({
      ab: handCount(assignment(result), buyers),
    });
  });

  it('does not count a purchase made before the assignment', () => {
    const j = journey(
      [
        cartTrigger(),
        node('w', 'wait', { mode: 'duration', duration: 'PT2H' }),
        node('ab', 'split', {
          variants: [
            { key: 'A', weight: 50 },
            { key: 'B', weight: 50 },
          ],
        }),
        email('a'),
        email('b'),
      ],
      [edge('start', 'w'), edge('w', 'ab'), edge('ab', 'a', 'A'), edge('ab', 'b', 'B')],
      { goal: { event: 'purchase', exit: false } },
    );
    const result = run(j, {
      events: [
        ...carts,
        // Bought while waiting, before being drawn into a variant: not the test's doing.
        ...ids.slice(0, 10).map((id) => ev(id, 'purchase', '2026-05-01T11:00:00Z')),
        ...ids.slice(10, 15).map((id) => ev(id, 'purchase', '2026-05-01T13:00:00Z')),
      ],
    });
    expect(result.report.conversions.byVariant).toEqual({
      ab: handCount(assignment(result), new Set(ids.slice(10, 15))),
    });
  });
});
