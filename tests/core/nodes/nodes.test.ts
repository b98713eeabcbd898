import { describe, expect, it } from 'vitest';
import { NODE_DEFINITIONS } from '../../../core/nodes/node-list';
import { NODE_KINDS, nodeDefinition } from '../../../core/nodes/registry';
import { nextAnniversary, parseMonthDay } from '../../../core/nodes/trigger.node';
import { pickVariant } from '../../../core/nodes/split.node';
import type { NodeDefinition } from '../../../core/nodes/node-definition';
import { z } from 'zod';

function checked(kind: string, config: unknown) {
  const definition = nodeDefinition(kind);
  const parsed = definition.schema.safeParse(config);
  if (!parsed.success)
    return { schema: parsed.error.issues.map((i) => i.message), check: [] as string[] };
  return {
    schema: [] as string[],
    check: definition.check(parsed.data).map((i) => `${i.code}: ${i.message}`),
  };
}

function summary(kind: string, config: unknown): string {
  const definition: NodeDefinition = nodeDefinition(kind);
  return definition.summary(definition.schema.parse(config));
}

describe('node registry', () => {
  it('has the seven kinds in palette order', () => {
    expect(NODE_KINDS).toEqual([
      'trigger',
      'wait',
      'condition',
      'split',
      'message',
      'update',
      'exit',
    ]);
  });

  it.each(NODE_DEFINITIONS.map((d) => [d.kind, d] as const))(
    '%s: defaults pass its schema and checks',
    (_kind, d) => {
      const definition = d as NodeDefinition;
      const parsed = definition.schema.safeParse(definition.defaults());
      expect(parsed.success).toBe(true);
      if (parsed.success) expect(definition.check(parsed.data)).toEqual([]);
      expect(definition.label).not.toBe('');
      expect(definition.description).not.toBe('');
    },
  );

  it.each(NODE_DEFINITIONS.map((d) => [d.kind, d] as const))(
    '%s: its schema becomes a form description',
    (_kind, d) => {
      expect(() => z.toJSONSchema(d.schema as z.ZodType, { unrepresentable: 'any' })).not.toThrow();
    },
  );

  it.each(NODE_DEFINITIONS.map((d) => [d.kind, d] as const))(
    '%s: every config key of its schema has a place in saved files',
    (_kind, d) => {
      const schema = z.toJSONSchema(d.schema as z.ZodType, { unrepresentable: 'any' }) as {
        properties?: Record<string, unknown>;
        oneOf?: { properties?: Record<string, unknown> }[];
      };
      const keys = new Set([
        ...Object.keys(schema.properties ?? {}),
        ...(schema.oneOf ?? []).flatMap((s) => Object.keys(s.properties ?? {})),
      ]);
      for (const key of keys) expect(d.configKeys).toContain(key);
    },
  );
});

describe('trigger', () => {
  it('has one port and reads in words', () => {
    expect(nodeDefinition('trigger').ports({ on: 'event', event: 'cart' })).toEqual([
      { id: 'next', label: 'Next' },
    ]);
    expect(summary('trigger', { on: 'event', event: 'cart' })).toBe('When cart happens');
    expect(
      summary('trigger', {
        on: 'event',
        event: 'cart',
        where: [{ property: 'price', op: 'gt', value: 10 }],
      }),
    ).toBe('When cart happens (1 filter)');
    expect(
      summary('trigger', { on: 'segment', condition: { attribute: 'vip', op: 'eq', value: true } }),
    ).toBe('When vip is true');
    expect(summary('trigger', { on: 'date', attribute: 'birthday' })).toBe(
      'Yearly on birthday at 09:00',
    );
    expect(
      summary('trigger', { on: 'date', attribute: 'birthday', offset: '-P1D', time: '10:00' }),
    ).toBe('Yearly 1 day before birthday at 10:00');
  });

  it('rejects a bad mode, time, offset or segment condition', () => {
    expect(checked('trigger', { on: 'sometimes' }).schema).toEqual([
      'on must be "event", "segment" or "date"',
    ]);
    expect(checked('trigger', { on: 'date', attribute: 'birthday', time: '9am' }).check[0]).toMatch(
      /^time-invalid/,
    );
    expect(
      checked('trigger', { on: 'date', attribute: 'birthday', offset: '1 day' }).check[0],
    ).toMatch(/^duration-invalid/);
    expect(
      checked('trigger', {
        on: 'segment',
        condition: { event: 'purchase', op: 'performed', since: 'entry' },
      }).check[0],
    ).toMatch(/^condition-invalid: "since": "entry" means since entering/);
  });

  it('finds the next birthday at local time, with an offset and on leap days', () => {
    const config = { on: 'date' as const, attribute: 'birthday', time: '09:00' };
    const from = Date.parse('2026-05-01T00:00:00Z');
    expect(nextAnniversary(config, { birthday: '1990-05-17' }, from, 'Europe/Stockholm')).toBe(
      Date.parse('2026-05-17T07:00:00Z'),
    );
    expect(nextAnniversary(config, { birthday: '1990-04-17' }, from, 'UTC')).toBe(
      Date.parse('2027-04-17T09:00:00Z'),
    );
    expect(nextAnniversary({ ...config, offset: '-P1D' }, { birthday: '05-17' }, from, 'UTC')).toBe(
      Date.parse('2026-05-16T09:00:00Z'),
    );
    expect(
      nextAnniversary(
        config,
        { birthday: '2000-02-29' },
        Date.parse('2027-01-01T00:00:00Z'),
        'UTC',
      ),
    ).toBe(Date.parse('2027-02-28T09:00:00Z'));
    expect(nextAnniversary(config, { birthday: 'soon' }, from, 'UTC')).toBeUndefined();
    expect(nextAnniversary(config, {}, from, 'UTC')).toBeUndefined();
    expect(parseMonthDay('2001-02-29')).toBeUndefined();
    expect(parseMonthDay('--12-24')).toEqual({ month: 12, day: 24 });
  });
});

describe('wait', () => {
  it('has ports by mode', () => {
    const d = nodeDefinition('wait');
    expect(d.ports({ mode: 'duration', duration: 'PT1H' }).map((p) => p.id)).toEqual(['next']);
    expect(d.ports({ mode: 'event', event: 'purchase', timeout: 'P3D' }).map((p) => p.id)).toEqual([
      'event',
      'timeout',
    ]);
    expect(d.ports('garbage').map((p) => p.id)).toEqual(['next']);
  });

  it('reads in words', () => {
    expect(summary('wait', { mode: 'duration', duration: 'PT30M' })).toBe('Wait 30 minutes');
    expect(summary('wait', { mode: 'until', time: '09:00', days: ['mon', 'fri'] })).toBe(
      'Wait until 09:00 on Mon, Fri',
    );
    expect(summary('wait', { mode: 'event', event: 'purchase', timeout: 'P3D' })).toBe(
      'Wait up to 3 days for purchase',
    );
  });

  it('rejects zero, negative and malformed durations, bad times and days', () => {
    expect(checked('wait', { mode: 'duration', duration: 'PT0M' }).check).toEqual([
      'duration-invalid: Wait for must be longer than zero ("PT0M").',
    ]);
    expect(checked('wait', { mode: 'duration', duration: '-PT5M' }).check[0]).toMatch(
      /cannot be negative/,
    );
    expect(checked('wait', { mode: 'duration', duration: '5m' }).check[0]).toMatch(
      /^duration-invalid/,
    );
    expect(checked('wait', { mode: 'until', time: '25:00' }).check[0]).toMatch(/^time-invalid/);
    expect(checked('wait', { mode: 'until', time: '09:00', days: [] }).check[0]).toMatch(
      /at least one day/,
    );
    expect(checked('wait', { mode: 'until', time: '09:00', days: ['monday'] }).schema[0]).toMatch(
      /mon, tue/,
    );
    expect(checked('wait', { mode: 'event', event: 'purchase' }).schema[0]).toMatch(
      /At most must be a duration/,
    );
  });
});

describe('condition', () => {
  it('has yes and no', () => {
    expect(
      nodeDefinition('condition')
        .ports({})
        .map((p) => p.id),
    ).toEqual(['yes', 'no']);
  });

  it('reads in words', () => {
    expect(summary('condition', { event: 'purchase', op: 'performed', since: 'entry' })).toBe(
      'If purchase performed since entry',
    );
    expect(
      summary('condition', {
        all: [
          { attribute: 'country', op: 'in', value: ['SE', 'NO'] },
          {
            any: [
              { attribute: 'score', op: 'gte', value: 50 },
              { attribute: 'vip', op: 'exists' },
            ],
          },
        ],
      }),
    ).toBe('If country is one of "SE", "NO" and (score is at least 50 or vip is set)');
  });
});

describe('split', () => {
  it('has a port per variant, labelled with its share', () => {
    const config = {
      variants: [
        { key: 'A', weight: 1 },
        { key: 'B', weight: 1 },
        { key: 'control', label: 'Control', weight: 2 },
      ],
    };
    expect(nodeDefinition('split').ports(config)).toEqual([
      { id: 'A', label: 'A 25%' },
      { id: 'B', label: 'B 25%' },
      { id: 'control', label: 'Control 50%' },
    ]);
    expect(summary('split', config)).toBe('Split A 25% / B 25% / control 50%');
    expect(
      summary('split', {
        variants: [
          { key: 'A', weight: 50 },
          { key: 'B', weight: 50 },
        ],
      }),
    ).toBe('Split A 50% / B 50%');
  });

  it('rejects non-positive weights, duplicate keys and a single variant', () => {
    expect(
      checked('split', {
        variants: [
          { key: 'A', weight: 0 },
          { key: 'A', weight: 5 },
        ],
      }).check,
    ).toEqual([
      'split-weight-invalid: Variant "A" needs a weight above zero (it has 0).',
      'split-key-duplicate: Two variants are called "A"; each needs its own key.',
    ]);
    expect(checked('split', { variants: [{ key: 'A', weight: 100 }] }).check).toEqual([
      'config-invalid: A split needs at least two variants.',
    ]);
  });

  it('picks variants by cumulative weight', () => {
    const variants = [
      { key: 'A', weight: 45 },
      { key: 'B', weight: 45 },
      { key: 'control', weight: 10 },
    ];
    expect(pickVariant(variants, 0)).toBe('A');
    expect(pickVariant(variants, 0.449)).toBe('A');
    expect(pickVariant(variants, 0.45)).toBe('B');
    expect(pickVariant(variants, 0.9)).toBe('control');
    expect(pickVariant(variants, 0.9999)).toBe('control');
  });
});

describe('message', () => {
  it('reads in words for every channel', () => {
    expect(
      summary('message', {
        channel: 'email',
        from: 'a@b.se',
        subject: 'Your cart is waiting',
        html: '<p/>',
      }),
    ).toBe('Email: Your cart is waiting');
    expect(summary('message', { channel: 'sms', text: 'Hi' })).toBe('SMS: Hi');
    expect(summary('message', { channel: 'push', title: 'Sale', body: 'Now' })).toBe('Push: Sale');
    expect(summary('message', { channel: 'webhook', url: 'https://x.example/hook' })).toBe(
      'Webhook: POST https://x.example/hook',
    );
  });

  it('rejects bad senders, broken templates and non-http webhooks', () => {
    expect(
      checked('message', { channel: 'email', from: 'shop', subject: 'S', html: '<p/>' }).check,
    ).toEqual(['config-invalid: From "shop" is not an email address.']);
    expect(
      checked('message', {
        channel: 'email',
        from: 'Shop <shop@example.com>',
        subject: '{{ x',
        html: '',
      }).check[0],
    ).toMatch(/^template-invalid: Subject:/);
    expect(
      checked('message', {
        channel: 'email',
        from: 'shop@example.com',
        subject: 'S',
        html: '{{ x | nosuch }}',
      }).check[0],
    ).toMatch(/no filter called "nosuch"/);
    expect(checked('message', { channel: 'webhook', url: 'ftp://x' }).check[0]).toMatch(/http/);
    expect(checked('message', { channel: 'fax', text: 'x' }).schema).toEqual([
      'channel must be "email", "sms", "push" or "webhook"',
    ]);
  });
});

describe('update', () => {
  it('reads in words', () => {
    expect(
      summary('update', {
        set: { vip: true, stage: 'lead' },
        increment: { score: 10, debt: -5 },
        unset: ['coupon'],
      }),
    ).toBe(
      'Set vip = true · Set stage = "lead" · Add 10 to score · Subtract 5 from debt · Remove coupon',
    );
  });

  it('rejects empty updates, id changes and an attribute changed twice', () => {
    expect(checked('update', {}).check).toEqual([
      'config-invalid: This update changes nothing: set, add to or remove an attribute.',
    ]);
    expect(checked('update', { set: { id: 'x' } }).check[0]).toMatch(/id cannot be changed/);
    expect(checked('update', { set: { score: 1 }, increment: { score: 2 } }).check[0]).toMatch(
      /changed twice/,
    );
    expect(checked('update', { increment: { score: 'ten' } }).schema[0]).toMatch(/must be numbers/);
  });
});

describe('exit', () => {
  it('has no ports', () => {
    expect(nodeDefinition('exit').ports({})).toEqual([]);
    expect(summary('exit', {})).toBe('Exit journey');
  });
});
