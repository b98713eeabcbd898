import { describe, expect, it } from 'vitest';
import type { JourneyNode, JourneySettings } from '../../../../core/model/journey';
import { chain, edge, journey, node } from '../../build';
import { found, mail, trigger, waitEvent, waitFor, waitUntil, where } from './helpers';

const cap: JourneySettings = { frequencyCap: { max: 3, per: 'P1D' } };
const line = (...nodes: JourneyNode[]) =>
  journey(nodes, chain(...nodes.map((n) => n.id)), { ...cap });

describe('quiet-hours-missing', () => {
  it('warns about a message an event trigger can send at any hour', () => {
    const [issue] = found('quiet-hours-missing', line(trigger(), waitFor('w', 'PT1H'), mail('m')));
    expect(issue?.nodeId).toBe('m');
    expect(issue?.message).toBe(
      'Email "m" can go out at any hour, night included, and the journey has no quiet hours. Set quiet hours (e.g. 21:00–08:00) in the journey settings, or put a wait until a daytime hour (e.g. 09:00) before it.',
    );
  });

  it('is satisfied by quiet hours', () => {
    const j = line(trigger(), mail('m'));
    j.settings.quietHours = { start: '21:00', end: '08:00' };
    expect(where('quiet-hours-missing', j)).toEqual([]);
  });

  it('is satisfied by a wait until a daytime hour before the message, and follows the clock after it', () => {
    expect(
      where('quiet-hours-missing', line(trigger(), waitUntil('w', '09:00'), mail('m'))),
    ).toEqual([]);
    // Two hours after 09:00 is still day; twelve hours after is 21:00, night.
    expect(
      where(
        'quiet-hours-missing',
        line(trigger(), waitUntil('w', '09:00'), waitFor('d', 'PT2H'), mail('m')),
      ),
    ).toEqual([]);
    const [late] = found(
      'quiet-hours-missing',
      line(trigger(), waitUntil('w', '09:00'), waitFor('d', 'PT12H'), mail('m')),
    );
    expect(late?.message).toMatch(/can go out at 21:00 local time/);
    // Whole days keep the local time of day.
    expect(
      where(
        'quiet-hours-missing',
        line(trigger(), waitUntil('w', '10:00'), waitFor('d', 'P3D'), mail('m')),
      ),
    ).toEqual([]);
    // A wait until a night hour does not help.
    expect(
      where('quiet-hours-missing', line(trigger(), waitUntil('w', '23:30'), mail('m'))),
    ).toEqual(['m']);
  });

  it('needs daytime on every path, and treats an awaited event as any hour', () => {
    const j = journey(
      [
        trigger(),
        waitUntil('morning', '09:00'),
        waitFor('hour', 'PT1H'),
        node('vip', 'condition', { attribute: 'vip', op: 'eq', value: true }),
        mail('m'),
      ],
      [
        edge('start', 'vip'),
        edge('vip', 'morning', 'yes'),
        edge('vip', 'hour', 'no'),
        edge('morning', 'm'),
        edge('hour', 'm'),
      ],
      cap,
    );
    expect(where('quiet-hours-missing', j)).toEqual(['m']);
    const event = journey(
      [
        trigger(),
        waitUntil('morning', '09:00'),
        waitEvent('opened', 'open', 'PT2H'),
        mail('after'),
        mail('timeout'),
      ],
      [
        ...chain('start', 'morning', 'opened'),
        edge('opened', 'after', 'event'),
        edge('opened', 'timeout', 'timeout'),
      ],
      cap,
    );
    expect(where('quiet-hours-missing', event)).toEqual(['after']);
  });

  it('knows when a date trigger fires, and reports a range', () => {
    const birthday = (time: string) =>
      node('start', 'trigger', { on: 'date', attribute: 'birthday', time });
    expect(where('quiet-hours-missing', line(birthday('09:00'), mail('m')))).toEqual([]);
    const both = journey(
      [
        birthday('18:00'),
        waitFor('two', 'PT2H'),
        waitFor('four', 'PT4H'),
        node('c', 'condition', { attribute: 'vip', op: 'exists' }),
        mail('m'),
      ],
      [
        edge('start', 'c'),
        edge('c', 'two', 'yes'),
        edge('c', 'four', 'no'),
        edge('two', 'm'),
        edge('four', 'm'),
      ],
      cap,
    );
    expect(found('quiet-hours-missing', both)[0]?.message).toMatch(
      /can go out between 20:00 and 22:00 local time/,
    );
  });

  it('gives up on the clock in a loop that moves it, and leaves webhooks alone', () => {
    const loop = journey(
      [trigger(), waitUntil('w', '09:00'), waitFor('d', 'PT5H'), mail('m')],
      [...chain('start', 'w', 'd', 'm'), edge('m', 'd')],
      cap,
    );
    expect(found('quiet-hours-missing', loop)[0]?.message).toMatch(/at any hour/);
    const hook = node('h', 'message', { channel: 'webhook', url: 'https://crm.example.com/x' });
    expect(where('quiet-hours-missing', line(trigger(), hook))).toEqual([]);
  });
});
