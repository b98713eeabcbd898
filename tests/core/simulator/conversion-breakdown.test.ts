import { describe, expect, it } from 'vitest';
import { chain } from '../build';
import { at, cartTrigger, email, ev, journey, node, profile, run } from './helpers';

describe('conversions by what came before them', () => {
  const j = journey(
    [
      cartTrigger(),
      node('w1', 'wait', { mode: 'duration', duration: 'PT1H' }),
      email('mail'),
      node('w2', 'wait', { mode: 'duration', duration: 'P1D' }),
      email('mail2'),
    ],
    chain('start', 'w1', 'mail', 'w2', 'mail2'),
    { goal: { event: 'purchase' } },
  );

  it('tells a purchase before any message from one after a message, and one a message caused', () => {
    const result = run(j, {
      profiles: [profile('noaddress', { email: undefined })],
      events: [
        ...['early', 'after', 'caused', 'noaddress', 'never'].map((id) =>
          ev(id, 'cart', '2026-05-01T10:00:00Z'),
        ),
        // During the first wait: before any message.
        ev('early', 'purchase', '2026-05-01T10:30:00Z'),
        // After the first email.
        ev('after', 'purchase', '2026-05-01T12:00:00Z'),
        // After the first email, and a forecast's response says the email caused it.
        ev('caused', 'purchase', '2026-05-01T13:00:00Z', { caused_by: 'mail' }),
        // Its email was not sent (no address): still before any message.
        ev('noaddress', 'purchase', '2026-05-01T12:00:00Z'),
      ],
      end: at('2026-05-03T00:00:00Z'),
    });
    const { report } = result;
    expect(report.messages.mail).toMatchObject({ sent: 3, skipped: { no_address: 1 } });
    // By hand: early and noaddress before; after after; caused caused.
    expect(report.conversions.breakdown).toEqual({ beforeMessage: 2, afterMessage: 1, caused: 1 });
    expect(report.conversions.total).toBe(4);
    const { beforeMessage, afterMessage, caused } = report.conversions.breakdown;
    expect(beforeMessage + afterMessage + caused).toBe(report.conversions.total);
  });
});
