import { describe, expect, it } from 'vitest';
import { checkCondition } from '../../../core/conditions/check-condition';
import type { Condition } from '../../../core/conditions/condition';
import {
  compileCondition,
  evaluateCondition,
  type ConditionContext,
} from '../../../core/conditions/evaluate';
import type { StoredEvent } from '../../../core/model/event';

const NOW = Date.parse('2026-06-15T12:00:00Z');
const DAY = 86_400_000;

let seq = 0;
function ev(name: string, daysAgo: number, properties: Record<string, unknown> = {}): StoredEvent {
  return { profileId: 'p1', name, time: NOW - daysAgo * DAY, properties, seq: ++seq };
}

const events: StoredEvent[] = [
  ev('purchase', 40, { price: 120, brand: 'apple' }),
  ev('view', 10, { brand: 'samsung' }),
  ev('purchase', 5, { price: 15, brand: 'xiaomi' }),
  ev('cart', 1, { brand: 'apple', price: 999 }),
  ev('view', 0.5, { brand: 'Apple' }),
  ev('view', 0, { brand: 'apple' }),
  // Not yet happened at NOW: must never count.
  { profileId: 'p1', name: 'purchase', time: NOW + DAY, properties: {}, seq: ++seq },
];

const ctx: ConditionContext = {
  attributes: {
    id: 'p1',
    country: 'SE',
    score: 42,
    vip: false,
    tags: ['newsletter', 'beta'],
    signup: '2026-01-10',
    email: 'a@b.se',
    empty: '',
  },
  events,
  now: NOW,
  zone: 'UTC',
  entryAt: NOW - 2 * DAY,
  triggerSeq: 4,
};

const holds = (condition: Condition, context: ConditionContext = ctx) =>
  evaluateCondition(condition, context);

describe('attribute rules', () => {
  it.each<[Condition, boolean]>([
    [{ attribute: 'country', op: 'eq', value: 'SE' }, true],
    [{ attribute: 'country', op: 'eq', value: 'se' }, false],
    [{ attribute: 'country', op: 'neq', value: 'NO' }, true],
    [{ attribute: 'missing', op: 'neq', value: 'NO' }, true],
    [{ attribute: 'score', op: 'eq', value: '42' }, true],
    [{ attribute: 'score', op: 'gt', value: 41 }, true],
    [{ attribute: 'score', op: 'gte', value: 42 }, true],
    [{ attribute: 'score', op: 'lt', value: 42 }, false],
    [{ attribute: 'score', op: 'lte', value: 42 }, true],
    [{ attribute: 'vip', op: 'eq', value: false }, true],
    [{ attribute: 'vip', op: 'eq', value: 'false' }, true],
    [{ attribute: 'tags', op: 'contains', value: 'beta' }, true],
    [{ attribute: 'tags', op: 'not_contains', value: 'vip' }, true],
    [{ attribute: 'email', op: 'contains', value: '@B.SE' }, true],
    [{ attribute: 'country', op: 'in', value: ['NO', 'SE'] }, true],
    [{ attribute: 'country', op: 'not_in', value: ['NO', 'DK'] }, true],
    [{ attribute: 'tags', op: 'in', value: ['vip', 'beta'] }, true],
    [{ attribute: 'signup', op: 'lt', value: '2026-02-01' }, true],
    [{ attribute: 'signup', op: 'gt', value: '2026-02-01' }, false],
    [{ attribute: 'email', op: 'exists' }, true],
    [{ attribute: 'empty', op: 'exists' }, false],
    [{ attribute: 'missing', op: 'not_exists' }, true],
    [{ attribute: 'missing', op: 'gt', value: 1 }, false],
    [{ attribute: 'country', op: 'gt', value: 5 }, false],
  ])('%j → %s', (condition, expected) => {
    expect(holds(condition)).toBe(expected);
  });
});

describe('event rules at a fixed instant', () => {
  it.each<[string, Condition, boolean]>([
    ['ever performed', { event: 'purchase', op: 'performed' }, true],
    ['in the last 7 days', { event: 'purchase', op: 'performed', within: 'P7D' }, true],
    ['in the last 3 days', { event: 'purchase', op: 'performed', within: 'P3D' }, false],
    ['not in the last 3 days', { event: 'purchase', op: 'not_performed', within: 'P3D' }, true],
    ['never performed', { event: 'signup', op: 'not_performed' }, true],
    ['a future event does not count', { event: 'purchase', op: 'performed', within: 'P1D' }, false],
    [
      'where',
      { event: 'purchase', op: 'performed', where: [{ property: 'price', op: 'gt', value: 100 }] },
      true,
    ],
    [
      'where, none match',
      {
        event: 'purchase',
        op: 'performed',
        where: [{ property: 'brand', op: 'eq', value: 'sony' }],
      },
      false,
    ],
    ['count gte', { event: 'view', op: 'performed', count: { op: 'gte', value: 3 } }, true],
    ['count eq', { event: 'purchase', op: 'performed', count: { op: 'eq', value: 2 } }, true],
    [
      'count within',
      { event: 'view', op: 'performed', within: 'P1D', count: { op: 'eq', value: 2 } },
      true,
    ],
    [
      'count with where (case-insensitive contains)',
      {
        event: 'view',
        op: 'performed',
        where: [{ property: 'brand', op: 'contains', value: 'apple' }],
        count: { op: 'eq', value: 2 },
      },
      true,
    ],
    [
      'not_performed with count',
      { event: 'view', op: 'not_performed', count: { op: 'gte', value: 5 } },
      true,
    ],
    // Entered 2 days ago; the trigger (the cart, seq 4) is excluded.
    ['since entry excludes the trigger', { event: 'cart', op: 'performed', since: 'entry' }, false],
    [
      'since entry',
      { event: 'view', op: 'performed', since: 'entry', count: { op: 'eq', value: 2 } },
      true,
    ],
    ['since entry, nothing older', { event: 'purchase', op: 'performed', since: 'entry' }, false],
  ])('%s', (_name, condition, expected) => {
    expect(holds(condition)).toBe(expected);
  });

  it('counts events at the entry instant, except the trigger', () => {
    const entryAt = NOW - DAY;
    const atEntry: StoredEvent[] = [
      { profileId: 'p1', name: 'cart', time: entryAt, properties: {}, seq: 100 },
      { profileId: 'p1', name: 'cart', time: entryAt, properties: {}, seq: 101 },
    ];
    const context = { ...ctx, events: atEntry, entryAt, triggerSeq: 100 };
    expect(
      holds(
        { event: 'cart', op: 'performed', since: 'entry', count: { op: 'eq', value: 1 } },
        context,
      ),
    ).toBe(true);
  });

  it('without an enrollment, since entry matches nothing', () => {
    expect(
      holds(
        { event: 'view', op: 'performed', since: 'entry' },
        { ...ctx, entryAt: undefined, triggerSeq: undefined },
      ),
    ).toBe(false);
  });

  it('uses calendar months in the profile zone', () => {
    const march31 = Date.parse('2026-03-31T10:00:00Z');
    const feb28 = {
      profileId: 'p',
      name: 'purchase',
      time: Date.parse('2026-02-28T12:00:00Z'),
      properties: {},
      seq: 1,
    };
    const context = { ...ctx, now: march31, events: [feb28] };
    // One calendar month before 31 March is 28 February (clamped): the purchase at 12:00 is inside.
    expect(holds({ event: 'purchase', op: 'performed', within: 'P1M' }, context)).toBe(true);
    expect(holds({ event: 'purchase', op: 'performed', within: 'P30D' }, context)).toBe(false);
  });
});

describe('groups', () => {
  it('combines all, any and not', () => {
    expect(
      holds({
        all: [
          { attribute: 'country', op: 'eq', value: 'SE' },
          { event: 'purchase', op: 'performed' },
        ],
      }),
    ).toBe(true);
    expect(
      holds({
        all: [
          { attribute: 'country', op: 'eq', value: 'SE' },
          { event: 'signup', op: 'performed' },
        ],
      }),
    ).toBe(false);
    expect(
      holds({
        any: [
          { attribute: 'country', op: 'eq', value: 'NO' },
          { event: 'cart', op: 'performed' },
        ],
      }),
    ).toBe(true);
    expect(holds({ not: { attribute: 'vip', op: 'eq', value: true } })).toBe(true);
    expect(holds({ not: { any: [{ attribute: 'vip', op: 'eq', value: false }] } })).toBe(false);
  });
});

describe('when a result changes without new data', () => {
  it('is the instant the newest qualifying event leaves the window', () => {
    const lapsed: Condition = { event: 'purchase', op: 'not_performed', within: 'P7D' };
    const past = { ...ctx, events: events.filter((e) => e.time <= NOW) };
    // The purchase 5 days ago leaves the 7-day window 2 days from now.
    expect(compileCondition(lapsed).nextChange(past)).toBe(NOW + 2 * DAY + 1);
    // An event stamped in the future may change the result when its time comes.
    expect(compileCondition(lapsed).nextChange(ctx)).toBe(NOW + DAY);
    expect(
      compileCondition({ attribute: 'vip', op: 'eq', value: true }).nextChange(ctx),
    ).toBeUndefined();
  });
});

describe('checking conditions', () => {
  const problems = (c: unknown, allowSinceEntry = true) =>
    checkCondition(c, [], { allowSinceEntry }).map(
      (p) => `${p.path?.join('.') ?? ''}: ${p.message}`,
    );

  it('accepts every form of the language', () => {
    expect(
      problems({
        all: [
          { attribute: 'country', op: 'in', value: ['SE'] },
          {
            not: {
              event: 'purchase',
              op: 'performed',
              within: 'P7D',
              since: 'entry',
              where: [{ property: 'price', op: 'gte', value: 1 }],
              count: { op: 'gt', value: 1 },
            },
          },
          { any: [{ attribute: 'vip', op: 'exists' }] },
        ],
      }),
    ).toEqual([]);
  });

  it('explains each mistake at its place', () => {
    expect(problems({ attribute: 'score', op: 'greater', value: 5 })).toEqual([
      'op: "greater" is not an operator; use one of eq, neq, gt, gte, lt, lte, contains, not_contains, in, not_in, exists, not_exists.',
    ]);
    expect(problems({ attribute: 'score', op: 'gt' })).toEqual([
      ': The test ""score" gt" needs a value to compare with.',
    ]);
    expect(problems({ attribute: 'country', op: 'in', value: 'SE' })[0]).toMatch(
      /^value: .*non-empty list/,
    );
    expect(problems({ attribute: 'score', op: 'gt', value: 'high' })[0]).toMatch(
      /numbers or dates/,
    );
    expect(problems({ all: [] })).toEqual(['all: "all" needs a non-empty list of conditions.']);
    expect(problems({ any: [{ attribute: '', op: 'exists' }] })).toEqual([
      'any.0.attribute: The attribute must be a non-empty name.',
    ]);
    expect(problems({ event: 'purchase', op: 'done' })[0]).toMatch(
      /^op: An event rule's op is "performed" or "not_performed"/,
    );
    expect(problems({ event: 'purchase', op: 'performed', within: '7d' })[0]).toMatch(
      /^within: "within": "7d" is not a duration/,
    );
    expect(
      problems({ event: 'purchase', op: 'performed', count: { op: 'gte', value: -1 } })[0],
    ).toMatch(/^count: /);
    expect(problems({ event: 'purchase', op: 'performed', withn: 'P7D' })).toEqual([
      'withn: An event rule has no "withn"; it takes event, op, within, since, where, count.',
    ]);
    expect(problems({ attribute: 'a', event: 'b', op: 'exists' })[0]).toMatch(/exactly one of/);
    expect(problems({ event: 'purchase', op: 'performed', since: 'entry' }, false)[0]).toMatch(
      /no meaning before a profile has entered/,
    );
    expect(problems('vip')).toEqual([
      ': A condition must be an object: a rule, or an all/any/not group.',
    ]);
  });
});
