import { describe, expect, it } from 'vitest';
import type { JourneyNode } from '../../../core/model/journey';
import { readySummary } from '../../../core/nodes/step-title';
import { STARTERS } from '../../../core/templates/starters';
import { nodeSummary } from '../../../renderer/nodes/node-summary';
import { translator } from '../translator';

const en = translator('en');
const sv = translator('sv');
const nb = translator('nb');

function node(kind: string, config: Record<string, unknown>): JourneyNode {
  return { id: 'n', kind, config };
}

/** Steps of every kind and variant, beyond what the starters hold. */
const VARIED: JourneyNode[] = [
  node('wait', { mode: 'duration', duration: 'P1DT2H' }),
  node('wait', { mode: 'until', time: '09:00', days: ['mon', 'fri'] }),
  node('wait', { mode: 'event', event: 'purchase', timeout: 'P3D' }),
  node('trigger', {
    on: 'event',
    event: 'cart',
    where: [{ property: 'value', op: 'gt', value: 500 }],
  }),
  node('trigger', { on: 'segment', condition: { attribute: 'vip', op: 'eq', value: true } }),
  node('trigger', { on: 'date', attribute: 'birthday', offset: '-P1D', time: '08:00' }),
  node('condition', {
    any: [
      { attribute: 'country', op: 'in', value: ['SE', 'NO'] },
      { not: { attribute: 'email', op: 'exists' } },
      {
        event: 'purchase',
        op: 'not_performed',
        within: 'P30D',
        count: { op: 'gte', value: 2 },
        where: [{ property: 'brand', op: 'eq', value: 'Acme' }],
      },
    ],
  }),
  node('split', {
    variants: [
      { key: 'A', weight: 1 },
      { key: 'B', weight: 1 },
      { key: 'C', weight: 1 },
    ],
  }),
  node('update', { set: { stage: 'warm' }, increment: { score: 10, credits: -2 }, unset: ['tmp'] }),
  node('update', {}),
  node('message', { channel: 'push', title: 'Hi {{ profile.first_name }}', body: 'x' }),
  node('message', { channel: 'webhook', url: 'https://example.com/hook' }),
  node('exit', {}),
];

describe('step summaries on the cards', () => {
  it('say in English exactly what the journey file’s own summaries say', () => {
    const nodes = [...STARTERS.flatMap((s) => s.journey.nodes), ...VARIED];
    expect(nodes.length).toBeGreaterThan(40);
    for (const step of nodes) {
      expect(nodeSummary(en, step).text, step.id).toBe(readySummary(step));
    }
  });

  it('speak Swedish', () => {
    expect(nodeSummary(sv, node('wait', { mode: 'duration', duration: 'P3D' })).text).toBe(
      'Vänta 3 dagar',
    );
    expect(nodeSummary(sv, node('wait', { mode: 'duration', duration: 'PT1H' })).text).toBe(
      'Vänta 1 timme',
    );
    expect(
      nodeSummary(sv, node('condition', { attribute: 'cart_value', op: 'gt', value: 1500 })).text,
    ).toBe('Om cart_value är mer än 1\u00a0500');
    expect(
      nodeSummary(sv, node('condition', { event: 'purchase', op: 'performed', since: 'entry' }))
        .text,
    ).toBe('Om purchase har skett sedan starten');
    expect(
      nodeSummary(sv, node('wait', { mode: 'until', time: '09:00', days: ['mon'] })).text,
    ).toBe('Vänta till 09:00 på mån');
    expect(
      nodeSummary(
        sv,
        node('message', { channel: 'email', from: 'a@b.se', subject: 'Hej', html: 'x' }),
      ).text,
    ).toBe('E-post: Hej');
    expect(
      nodeSummary(
        sv,
        node('split', {
          variants: [
            { key: 'A', weight: 2 },
            { key: 'B', weight: 1 },
          ],
        }),
      ).text,
    ).toBe('Dela A 66,7\u00a0% / B 33,3\u00a0%');
    expect(nodeSummary(sv, node('exit', {})).text).toBe('Lämna resan');
    expect(nodeSummary(sv, node('wait', { mode: 'soon' }))).toEqual({
      text: 'Behöver ställas in',
      ready: false,
    });
  });

  it('speak Norwegian, with the day before a birthday', () => {
    expect(
      nodeSummary(nb, node('trigger', { on: 'date', attribute: 'birthday', offset: '-P1D' })).text,
    ).toBe('Hvert år 1 dag før birthday kl. 09:00');
    expect(nodeSummary(nb, node('update', { increment: { score: 10 } })).text).toBe(
      'Legg til 10 på score',
    );
  });
});
