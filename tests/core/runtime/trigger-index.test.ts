import { describe, expect, it } from 'vitest';
import { compileJourney, type CompiledJourney } from '../../../core/runtime/compiled-journey';
import { TriggerIndex } from '../../../core/runtime/trigger-index';
import { journey, node } from '../build';

function entered(id: string, trigger: Record<string, unknown>): CompiledJourney {
  return compileJourney(journey([node('start', 'trigger', trigger)], [], {}, id));
}

const cart = entered('cart', { on: 'event', event: 'cart' });
const bigCart = entered('big-cart', {
  on: 'event',
  event: 'cart',
  where: [{ property: 'value', op: 'gt', value: 100 }],
});
const signup = entered('signup', { on: 'event', event: 'signup' });
const pro = entered('pro', {
  on: 'segment',
  condition: { attribute: 'plan', op: 'eq', value: 'pro' },
});
const lapsed = entered('lapsed', {
  on: 'segment',
  condition: { not: { event: 'purchase', op: 'performed', within: 'P30D' } },
});
const birthday = entered('birthday', { on: 'date', attribute: 'birthday' });

describe('trigger index', () => {
  const index = new TriggerIndex([cart, signup, pro, bigCart, birthday, lapsed]);

  it('finds the journeys an event lets in, in catalog order, with their filters', () => {
    expect(index.eventRoutes('cart').map((r) => [r.journey.id, r.where])).toEqual([
      ['cart', undefined],
      ['big-cart', [{ property: 'value', op: 'gt', value: 100 }]],
    ]);
    expect(index.eventRoutes('signup').map((r) => r.journey.id)).toEqual(['signup']);
    expect(index.eventRoutes('purchase')).toEqual([]);
  });

  it('lists segment journeys and tells those whose condition reads events', () => {
    expect(index.segments.map((s) => [s.journey.id, s.usesEvents])).toEqual([
      ['pro', false],
      ['lapsed', true],
    ]);
    expect(index.segmentOf('lapsed')?.condition).toEqual({
      not: { event: 'purchase', op: 'performed', within: 'P30D' },
    });
    expect(index.segmentOf('cart')).toBeUndefined();
  });

  it('lists journeys entered on a date', () => {
    expect(index.dated.map((j) => j.id)).toEqual(['birthday']);
    expect(index.datedJourney('birthday')).toBe(birthday);
    expect(index.datedJourney('pro')).toBeUndefined();
  });

  it('keeps the list it was built from, so a changed catalog is noticed', () => {
    const live = [cart];
    expect(new TriggerIndex(live).source).toBe(live);
  });
});
