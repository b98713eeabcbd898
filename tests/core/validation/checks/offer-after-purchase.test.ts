import { describe, expect, it } from 'vitest';
import type { JourneySettings } from '../../../../core/model/journey';
import { offerWording } from '../../../../core/validation/checks/offer-after-purchase.check';
import { chain, edge, journey, node } from '../../build';
import { calm, found, mail, notBought, trigger, waitEvent, waitFor, where } from './helpers';

const offer = (id = 'offer') => mail(id, 'Still thinking? 15% off your cart', '<p>Use BACK15.</p>');
const settings = (extra: JourneySettings = {}): JourneySettings => ({ ...calm, ...extra });

describe('offer-after-purchase: what an offer is', () => {
  const wording = (subject: string, html = '<p>Hi</p>') =>
    offerWording({ channel: 'email', from: 'a@example.com', subject, html });

  it('reads discount, coupon and free-shipping wording in the subject or body', () => {
    expect(wording('20% off everything')).toBe('20% off');
    expect(wording('Hi', '<p>Here is a <b>coupon</b> for you</p>')).toBe('coupon');
    expect(wording('Free shipping this week')).toBe('Free shipping');
    expect(wording('A discount for you')).toBe('discount');
    expect(wording('Take 100 kr off')).toBe('100 kr off');
    expect(offerWording({ channel: 'sms', text: 'Use promo code SPRING' })).toBe('promo code');
    expect(offerWording({ channel: 'push', title: 'Hi', body: 'Shipping is on us' })).toBe(
      'Shipping is on us',
    );
  });

  it('ignores what the reader does not see: Liquid markup, HTML tags, webhooks', () => {
    expect(wording('Your order', '<a href="https://shop.example.com/?coupon=X">Track</a>')).toBe(
      undefined,
    );
    expect(
      wording('{{ profile.discount_tier }} news', '<p>{% if profile.coupon %}Hi{% endif %}</p>'),
    ).toBe(undefined);
    expect(wording('Your cart is waiting')).toBe(undefined);
    expect(
      offerWording({
        channel: 'webhook',
        url: 'https://crm.example.com/discount',
        body: '20% off',
      }),
    ).toBe(undefined);
  });
});

describe('offer-after-purchase', () => {
  it('warns about an offer after a wait with no purchase check and no goal', () => {
    const j = journey(
      [trigger(), waitFor('wait', 'P1D'), offer()],
      chain('start', 'wait', 'offer'),
      settings(),
    );
    const [issue] = found('offer-after-purchase', j);
    expect(issue?.nodeId).toBe('offer');
    expect(issue?.message).toBe(
      'Email "offer" is an offer ("15% off") that can reach people who have already bought since they entered: the journey has no goal, and nothing on the way to it checks for purchase after the last wait. Add a condition "purchase performed since entry" just before it, or make purchase the journey\'s goal so buyers leave.',
    );
  });

  it('is satisfied by a purchase check after the last wait', () => {
    const j = journey(
      [trigger(), waitFor('wait', 'P1D'), notBought(), offer()],
      [...chain('start', 'wait', 'bought'), edge('bought', 'offer', 'no')],
      settings(),
    );
    expect(where('offer-after-purchase', j)).toEqual([]);
  });

  it('does not count a check that a later wait makes stale, or the wrong port', () => {
    const stale = journey(
      [trigger(), notBought(), waitFor('wait', 'P1D'), offer()],
      [edge('start', 'bought'), edge('bought', 'wait', 'no'), edge('wait', 'offer')],
      settings(),
    );
    expect(where('offer-after-purchase', stale)).toEqual(['offer']);
    const wrongPort = journey(
      [trigger(), waitFor('wait', 'P1D'), notBought(), offer()],
      [...chain('start', 'wait', 'bought'), edge('bought', 'offer', 'yes')],
      settings(),
    );
    expect(where('offer-after-purchase', wrongPort)).toEqual(['offer']);
  });

  it('needs the check on every path: one unchecked path is enough to warn', () => {
    const j = journey(
      [
        trigger(),
        waitFor('w1', 'P1D'),
        waitFor('w2', 'P2D'),
        notBought(),
        node('vip', 'condition', { attribute: 'vip', op: 'eq', value: true }),
        offer(),
      ],
      [
        ...chain('start', 'vip'),
        edge('vip', 'w1', 'yes'),
        edge('vip', 'w2', 'no'),
        edge('w1', 'bought'),
        edge('bought', 'offer', 'no'),
        edge('w2', 'offer'),
      ],
      settings(),
    );
    expect(where('offer-after-purchase', j)).toEqual(['offer']);
  });

  it('is satisfied by a goal on purchase that ends the journey', () => {
    const j = (goal: JourneySettings['goal']) =>
      journey(
        [trigger(), waitFor('wait', 'P3D'), offer()],
        chain('start', 'wait', 'offer'),
        settings({ goal }),
      );
    expect(where('offer-after-purchase', j({ event: 'purchase' }))).toEqual([]);
    expect(where('offer-after-purchase', j({ event: 'purchase', within: 'P14D' }))).toEqual([]);
    // A goal that keeps buyers in, or stops counting before the offer goes out, does not protect.
    expect(where('offer-after-purchase', j({ event: 'purchase', exit: false }))).toEqual(['offer']);
    const [late] = found('offer-after-purchase', j({ event: 'purchase', within: 'P2D' }));
    expect(late?.message).toMatch(
      /the goal stops counting purchase after 2 days, which can be before it is sent/,
    );
  });

  it('reads "bought" as the goal event when there is one', () => {
    const checked = (event: string) =>
      journey(
        [
          trigger(),
          waitFor('wait', 'P1D'),
          node('bought', 'condition', { event, op: 'performed', since: 'entry' }),
          offer(),
        ],
        [...chain('start', 'wait', 'bought'), edge('bought', 'offer', 'no')],
        settings({ goal: { event: 'order_completed', exit: false } }),
      );
    expect(where('offer-after-purchase', checked('purchase'))).toEqual(['offer']);
    expect(where('offer-after-purchase', checked('order_completed'))).toEqual([]);
  });

  it('counts the timeout of a wait for a purchase, and logic that proves "not bought"', () => {
    const waited = journey(
      [trigger(), waitEvent('paid', 'purchase'), offer()],
      [edge('start', 'paid'), edge('paid', 'offer', 'timeout')],
      settings(),
    );
    expect(where('offer-after-purchase', waited)).toEqual([]);
    const condition = (config: Record<string, unknown>, port: string) =>
      journey(
        [trigger(), waitFor('wait', 'P1D'), node('check', 'condition', config), offer()],
        [...chain('start', 'wait', 'check'), edge('check', 'offer', port)],
        settings(),
      );
    const bought = { event: 'purchase', op: 'performed', since: 'entry' };
    const vip = { attribute: 'vip', op: 'eq', value: true };
    expect(where('offer-after-purchase', condition({ not: bought }, 'yes'))).toEqual([]);
    expect(
      where('offer-after-purchase', condition({ all: [{ not: bought }, vip] }, 'yes')),
    ).toEqual([]);
    expect(where('offer-after-purchase', condition({ any: [bought, vip] }, 'no'))).toEqual([]);
    expect(
      where('offer-after-purchase', condition({ any: [{ not: bought }, vip] }, 'yes')),
    ).toEqual(['offer']);
    // "Not in the last 12 hours" does not cover a day in the journey; "not in the last 7 days" does.
    const within = (window: string) => ({ event: 'purchase', op: 'not_performed', within: window });
    expect(where('offer-after-purchase', condition(within('PT12H'), 'yes'))).toEqual(['offer']);
    expect(where('offer-after-purchase', condition(within('P7D'), 'yes'))).toEqual([]);
  });

  it('leaves messages without offer wording alone', () => {
    const j = journey(
      [trigger(), waitFor('wait', 'P1D'), mail('plain', 'Your cart is waiting')],
      chain('start', 'wait', 'plain'),
      settings(),
    );
    expect(where('offer-after-purchase', j)).toEqual([]);
  });
});
