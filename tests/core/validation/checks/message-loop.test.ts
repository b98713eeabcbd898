import { describe, expect, it } from 'vitest';
import { chain, edge, journey, node } from '../../build';
import { found, mail, notBought, trigger, waitFor, where } from './helpers';

describe('message-in-loop', () => {
  it('warns on a loop back to an earlier step that holds a message, naming its steps', () => {
    const j = journey(
      [trigger(), waitFor('w', 'PT1H'), notBought(), mail('remind', 'Your cart')],
      [...chain('start', 'w', 'bought'), edge('bought', 'remind', 'no'), edge('remind', 'w')],
    );
    const [issue] = found('message-in-loop', j);
    expect(issue).toMatchObject({ severity: 'warning', nodeId: 'remind', path: ['nodes', 3] });
    expect(issue?.message).toBe(
      '“Wait 1 hour” → “If purchase performed since entry” → “Email: Your cart” form a loop, and “Email: Your cart” is sent each time round: a profile who keeps going round gets it again and again. Give the loop a way out (e.g. a condition on the goal event) and set a frequency cap.',
    );
  });

  it('names steps by their labels, and lists every message of the loop once', () => {
    const j = journey(
      [
        trigger(),
        { ...waitFor('w', 'P1D'), label: 'A day later' },
        { ...mail('a'), label: 'First nudge' },
        { ...mail('b'), label: 'Second nudge' },
      ],
      [...chain('start', 'w', 'a', 'b'), edge('b', 'w')],
    );
    expect(found('message-in-loop', j).map((i) => i.message)).toEqual([
      '“A day later” → “First nudge” → “Second nudge” form a loop, and “First nudge” and “Second nudge” are sent each time round: a profile who keeps going round gets them again and again. Give the loop a way out (e.g. a condition on the goal event) and set a frequency cap.',
    ]);
  });

  it('leaves loops without a message, and journeys without loops, alone', () => {
    const quietLoop = journey(
      [
        trigger(),
        waitFor('w', 'P1D'),
        node('c', 'condition', { attribute: 'vip', op: 'exists' }),
        mail('m'),
      ],
      [...chain('start', 'w', 'c'), edge('c', 'w', 'no'), edge('c', 'm', 'yes')],
    );
    expect(where('message-in-loop', quietLoop)).toEqual([]);
    const straight = journey([trigger(), waitFor('w', 'P1D'), mail('m')], chain('start', 'w', 'm'));
    expect(where('message-in-loop', straight)).toEqual([]);
  });
});
