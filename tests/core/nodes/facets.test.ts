import { describe, expect, it } from 'vitest';
import { requireDuration } from '../../../core/model/duration';
import type { NodeDefinition } from '../../../core/nodes/node-definition';
import { NODE_KINDS, isEntryKind, nodeDefinition } from '../../../core/nodes/registry';

const HOUR = 3_600_000;

/** A kind's definition and a config its schema parsed, as the app hands facets their configs. */
function parsed(kind: string, config: unknown): { definition: NodeDefinition; config: unknown } {
  const definition = nodeDefinition(kind);
  return { definition, config: definition.schema.parse(config) };
}

describe('what each kind is', () => {
  it('has one entry kind, and only waits break instant loops', () => {
    expect(NODE_KINDS.filter(isEntryKind)).toEqual(['trigger']);
    expect(isEntryKind('teleport')).toBe(false);
    expect(
      NODE_KINDS.filter((k) => nodeDefinition(k).holdsTime?.breaksInstantCycles === true),
    ).toEqual(['wait']);
    expect(NODE_KINDS.filter((k) => nodeDefinition(k).sends)).toEqual(['message']);
    expect(NODE_KINDS.filter((k) => nodeDefinition(k).branches)).toEqual(['split']);
    expect(NODE_KINDS.filter((k) => nodeDefinition(k).decides)).toEqual(['condition']);
  });
});

describe('holdsTime (wait)', () => {
  const hold = (config: unknown) => {
    const { definition, config: c } = parsed('wait', config);
    const facet = definition.holdsTime!;
    return {
      longest: facet.longest(c),
      clock: (port: string) => facet.clockAfter(c, port),
      awaits: facet.awaits(c),
    };
  };

  it('holds a day for at most 25 hours, and moves the clock by its clock part only', () => {
    const wait = hold({ mode: 'duration', duration: 'P1DT2H' });
    expect(wait.longest).toBe(27 * HOUR);
    expect(wait.clock('next')).toEqual({ after: requireDuration('P1DT2H') });
    expect(wait.awaits).toBeUndefined();
  });

  it('holds until a time of day at most a day, or a week on some days, and ends at that time', () => {
    expect(hold({ mode: 'until', time: '09:30' }).longest).toBe(25 * HOUR);
    const weekly = hold({ mode: 'until', time: '09:30', days: ['mon'] });
    expect(weekly.longest).toBe(7 * 25 * HOUR);
    expect(weekly.clock('next')).toEqual({ at: 9 * 60 + 30 });
  });

  it('waits for an event: the event can come at any hour, the timeout ends on the clock', () => {
    const wait = hold({
      mode: 'event',
      event: 'purchase',
      where: [{ property: 'price', op: 'gt', value: 10 }],
      timeout: 'PT3H',
    });
    expect(wait.longest).toBe(3 * HOUR);
    expect(wait.clock('event')).toBe('any');
    expect(wait.clock('timeout')).toEqual({ after: requireDuration('PT3H') });
    expect(wait.awaits).toEqual({
      event: 'purchase',
      where: [{ property: 'price', op: 'gt', value: 10 }],
      port: 'event',
      timeoutPort: 'timeout',
    });
  });
});

describe('entry (trigger)', () => {
  const routes = (config: unknown) => {
    const { definition, config: c } = parsed('trigger', config);
    return definition.entry!.routes(c);
  };

  it('fires on a date at its local time, moved by the offset’s hours', () => {
    expect(routes({ on: 'date', attribute: 'birthday' }).dated?.localTime).toBe(9 * 60);
    expect(
      routes({ on: 'date', attribute: 'birthday', time: '01:00', offset: '-P1DT2H' }).dated
        ?.localTime,
    ).toBe(23 * 60);
    // A time that does not parse has no fixed time (its check says why); nothing throws.
    expect(routes({ on: 'date', attribute: 'birthday', time: '9' }).dated?.localTime).toBe(
      undefined,
    );
  });
});

describe('reads', () => {
  const names = (kind: string, config: unknown) => {
    const { definition, config: c } = parsed(kind, config);
    return definition.reads!.names(c);
  };

  it('tells the events whose history a condition reads from events it only reacts to', () => {
    const condition = {
      all: [
        { event: 'purchase', op: 'performed', since: 'entry' },
        { attribute: 'country', op: 'eq', value: 'SE' },
      ],
    };
    expect(names('condition', condition)).toEqual({
      events: ['purchase'],
      history: ['purchase'],
      attributes: ['country'],
    });
    expect(names('trigger', { on: 'segment', condition })).toEqual({
      events: ['purchase'],
      history: ['purchase'],
      attributes: ['country'],
    });
    expect(names('trigger', { on: 'event', event: 'cart' })).toEqual({ events: ['cart'] });
    expect(names('trigger', { on: 'date', attribute: 'birthday' })).toEqual({
      attributes: ['birthday'],
    });
    expect(names('wait', { mode: 'event', event: 'paid', timeout: 'P1D' })).toEqual({
      events: ['paid'],
    });
  });

  it('names the attributes a message prints and an update gives a value', () => {
    expect(
      names('message', {
        channel: 'email',
        from: 'shop@example.com',
        subject: 'Hi {{ profile.first_name }}',
        html: '{% if profile.vip %}VIP{% endif %}',
      }),
    ).toEqual({ attributes: ['first_name', 'vip'] });
    expect(
      names('update', { set: { stage: 'warm' }, increment: { score: 5 }, unset: ['old'] }),
    ).toEqual({ updates: ['stage', 'score'] });
  });
});

describe('sends, branches and decides', () => {
  it('says the channel, the variants and the condition with its ports', () => {
    const message = parsed('message', { channel: 'sms', text: 'Hi' });
    expect(message.definition.sends!.channel(message.config)).toBe('sms');
    const split = parsed('split', {
      variants: [
        { key: 'A', label: 'Control', weight: 20 },
        { key: 'B', weight: 80 },
      ],
    });
    expect(split.definition.branches!.variants(split.config)).toEqual([
      { key: 'A', label: 'Control', weight: 20 },
      { key: 'B', weight: 80 },
    ]);
    const rule = { attribute: 'vip', op: 'eq', value: true };
    const condition = parsed('condition', rule);
    expect(condition.definition.decides!.decision(condition.config)).toEqual({
      condition: rule,
      yes: 'yes',
      no: 'no',
    });
  });
});
