import { describe, expect, it } from 'vitest';
import { resolveAssumptions, isRateAssumption } from '../../../core/forecast/assumptions';
import { EngagementCounter, engagementBasis } from '../../../core/forecast/data-estimates';
import { ATTRIBUTED_NOTE, LIBRARY_DEFAULTS } from '../../../core/forecast/defaults';
import { OUTCOMES } from '../../../core/forecast/expect';
import { PURPOSE_KEYS } from '../../../core/forecast/forecast-settings';
import type { JourneyEvent } from '../../../core/model/event';
import { chain, node } from '../build';
import { START, mail, signupJourney } from './helpers';

const rates = (j: ReturnType<typeof signupJourney>, defaults = false) =>
  resolveAssumptions(j, { defaults }).filter(isRateAssumption);

describe('where each assumed rate comes from', () => {
  const j = signupJourney(
    [mail('m1', { open: 0.5, within: 'P1D' }), mail('m2')],
    chain('start', 'm1', 'm2'),
    { purpose: 'abandoned_cart', expect: { click: 0.02, within: 'P2D' } },
  );

  it('takes the message’s own, then the journey’s, and nothing else unless asked', () => {
    expect(rates(j).map((a) => [a.node, a.outcome, a.rate, a.within, a.source])).toEqual([
      ['m1', 'open', 0.5, 'P1D', 'node'],
      ['m1', 'click', 0.02, 'P1D', 'journey'],
      ['m2', 'click', 0.02, 'P2D', 'journey'],
    ]);
  });

  it('fills the rest from the library’s published rates for the channel and purpose', () => {
    const all = rates(j, true);
    const convert = all.find((a) => a.node === 'm2' && a.outcome === 'convert');
    expect(convert).toEqual({
      node: 'm2',
      outcome: 'convert',
      rate: 0.0205,
      within: 'P2D',
      source: 'default',
      reference: {
        publisher: 'Bluecore',
        title: '2018 Retail Email Benchmark Report',
        year: 2018,
        url: 'https://www.mediapost.com/publications/article/317050/',
        via: 'MediaPost',
        measures: 'conversions within 5 days of a cart-abandonment email',
      },
      note: ATTRIBUTED_NOTE,
    });
    expect(all.find((a) => a.node === 'm2' && a.outcome === 'open')?.rate).toBe(0.4032);
    expect(all.filter((a) => a.node === 'm1').map((a) => a.source)).toEqual([
      'node',
      'journey',
      'default',
      'default',
      'default',
    ]);
  });

  it('assumes no opens for SMS, where nobody can count them, and nothing for webhooks', () => {
    const k = signupJourney(
      [
        node('text', 'message', { channel: 'sms', text: 'Hi' }),
        node('hook', 'message', { channel: 'webhook', url: 'https://example.com/h' }),
      ],
      chain('start', 'text', 'hook'),
      { purpose: 'welcome' },
    );
    const all = rates(k, true);
    expect(all.map((a) => `${a.node} ${a.outcome} ${a.rate}`)).toEqual([
      'text click 0.103',
      'text convert 0.02',
      'text unsubscribe 0.031',
    ]);
  });

  it('draws no conversion for a journey without a goal', () => {
    const k = signupJourney([mail('m1', { convert: 0.1, open: 0.3 })], chain('start', 'm1'), {
      goal: undefined,
    });
    expect(rates(k).map((a) => a.outcome)).toEqual(['open']);
  });
});

describe('rates estimated from the data', () => {
  /** 100 delivered emails; 40 opened, 12 clicked, 3 unsubscribed; 10 followed by a purchase. */
  function engagement(deliveries: number): JourneyEvent[] {
    const events: JourneyEvent[] = [];
    for (let i = 0; i < deliveries; i++) {
      const profileId = `p${i}`;
      const at = START + i * 60_000;
      const event = (name: string, after: number, properties = {}) =>
        events.push({ profileId, name, time: at + after, properties });
      event('Email Delivered', 0);
      if (i % 5 < 2) event('Email Opened', 3_600_000);
      if (i % 25 < 3) event('Email Link Clicked', 4_000_000);
      if (i % 100 < 3) event('Unsubscribed', 5_000_000);
      if (i % 10 === 0) event('purchase', 86_400_000, { price: 40 });
    }
    // A purchase long after its delivery is not counted as following it.
    events.push({
      profileId: 'p1',
      name: 'purchase',
      time: START + 30 * 86_400_000,
      properties: {},
    });
    return events;
  }
  const j = signupJourney([mail('m1')], chain('start', 'm1'), { purpose: 'welcome' });

  it('gives each rate with the counts behind it, and says the order rate is attributed', () => {
    const counter = new EngagementCounter(engagementBasis(j));
    for (const e of engagement(100)) counter.add(e);
    const data = counter.estimates();
    const all = resolveAssumptions(j, { defaults: true, data });
    const m1 = all.filter(isRateAssumption);
    expect(m1.map((a) => [a.outcome, a.rate, a.source, a.basis?.text])).toEqual([
      ['open', 0.4, 'data', '40 opens of 100 emails delivered'],
      ['click', 0.12, 'data', '12 clicks of 100 emails delivered'],
      ['convert', 0.1, 'data', '10 deliveries followed by the goal event of 100 emails delivered'],
      ['unsubscribe', 0.03, 'data', '3 unsubscribes of 100 emails delivered'],
      ['complain', 0.00012, 'default', undefined],
    ]);
    expect(m1[2]?.note).toMatch(/not necessarily caused/);
    expect(all.at(-1)).toMatchObject({ outcome: 'value', value: 40, source: 'data' });
  });

  it('trusts the library over fewer than 30 deliveries', () => {
    const counter = new EngagementCounter(engagementBasis(j));
    for (const e of engagement(20)) counter.add(e);
    const all = resolveAssumptions(j, { defaults: true, data: counter.estimates() });
    expect(all.filter(isRateAssumption).every((a) => a.source === 'default')).toBe(true);
  });
});

describe('the library’s defaults', () => {
  const rows = Object.entries(LIBRARY_DEFAULTS).flatMap(([channel, byPurpose]) =>
    PURPOSE_KEYS.map((purpose) => ({ channel, purpose, row: byPurpose[purpose] })),
  );

  it('cover every purpose of every channel that reaches a person', () => {
    expect(Object.keys(LIBRARY_DEFAULTS)).toEqual(['email', 'sms', 'push']);
    for (const { row } of rows) expect(row.convert?.rate).toBeGreaterThan(0);
  });

  it('are shares with a source, clicks never above opens, published order rates marked attributed', () => {
    for (const { channel, purpose, row } of rows) {
      const where = `${channel} ${purpose}`;
      for (const outcome of OUTCOMES) {
        const figure = row[outcome];
        if (!figure) continue;
        expect(figure.rate, where).toBeGreaterThan(0);
        expect(figure.rate, where).toBeLessThan(1);
        expect(figure.source.publisher, where).not.toBe('');
        expect(figure.source.measures.length, where).toBeGreaterThan(10);
        const ours = figure.source.publisher === 'Journey Studio';
        expect(ours ? figure.source.title : figure.source.url, where).toMatch(
          ours ? /^assumption$/ : /^https:\/\//,
        );
        expect(figure.attributed === true, `${where} ${outcome}`).toBe(
          outcome === 'convert' && !ours,
        );
      }
      if (row.open && row.click) expect(row.click.rate, where).toBeLessThanOrEqual(row.open.rate);
    }
  });
});
