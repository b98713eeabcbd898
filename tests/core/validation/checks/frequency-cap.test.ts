import { describe, expect, it } from 'vitest';
import type { JourneySettings } from '../../../../core/model/journey';
import { chain, edge, journey, node } from '../../build';
import { found, mail, trigger, waitFor, where } from './helpers';

const quiet: JourneySettings = { quietHours: { start: '21:00', end: '08:00' } };

describe('frequency-cap-missing', () => {
  const two = (settings: JourneySettings) =>
    journey(
      [trigger(), mail('first'), waitFor('w', 'P1D'), mail('second')],
      chain('start', 'first', 'w', 'second'),
      settings,
    );

  it('warns when one profile can get two messages and there is no cap', () => {
    const [issue] = found('frequency-cap-missing', two(quiet));
    expect(issue?.nodeId).toBeUndefined();
    expect(issue?.path).toEqual(['settings']);
    expect(issue?.message).toBe(
      'This journey has no frequency cap, and one profile can get up to 2 messages from it ("first" and "second"). Set one in the journey settings (e.g. at most 2 messages per day) so a busy profile is not flooded.',
    );
  });

  it('is satisfied by a frequency cap', () => {
    expect(
      where('frequency-cap-missing', two({ ...quiet, frequencyCap: { max: 2, per: 'P1D' } })),
    ).toEqual([]);
  });

  it('counts messages on one path, not across the branches of a split', () => {
    const ab = journey(
      [
        trigger(),
        node('ab', 'split', {
          variants: [
            { key: 'A', weight: 50 },
            { key: 'B', weight: 50 },
          ],
        }),
        mail('a'),
        mail('b'),
      ],
      [edge('start', 'ab'), edge('ab', 'a', 'A'), edge('ab', 'b', 'B')],
      { ...quiet, goal: { event: 'purchase' } },
    );
    expect(where('frequency-cap-missing', ab)).toEqual([]);
    const hook = node('hook', 'message', { channel: 'webhook', url: 'https://crm.example.com/x' });
    const withHook = journey([trigger(), mail('m'), hook], chain('start', 'm', 'hook'), quiet);
    expect(where('frequency-cap-missing', withHook)).toEqual([]);
  });

  it('warns about a message in a loop, and about parallel entries', () => {
    const loop = journey(
      [trigger(), waitFor('w', 'P1D'), mail('m')],
      [...chain('start', 'w', 'm'), edge('m', 'w')],
      quiet,
    );
    expect(found('frequency-cap-missing', loop)[0]?.message).toMatch(
      /a loop can send "m" again and again/,
    );
    const always = journey([trigger('view'), mail('m')], chain('start', 'm'), {
      ...quiet,
      reentry: 'always',
    });
    expect(found('frequency-cap-missing', always)[0]?.message).toMatch(
      /re-entry is "always", so a profile who repeats view gets "m" once per entry/,
    );
    expect(where('frequency-cap-missing', { ...always, settings: quiet })).toEqual([]);
  });
});
