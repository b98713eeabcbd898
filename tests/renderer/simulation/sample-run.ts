import type { JourneyEvent } from '../../../core/model/event';
import type { Journey } from '../../../core/model/journey';
import { makeProfile } from '../../../core/model/profile';
import { simulate } from '../../../core/simulator/simulate';
import { loadJourney } from '../../core/fixtures';

const at = (time: string) => Date.parse(`2026-03-04T${time}:00Z`);
const cart = (profileId: string, time: string): JourneyEvent => ({
  profileId,
  name: 'cart',
  time: at(time),
  properties: { brand: 'Acme' },
});

/**
 * The abandoned-cart fixture over four shoppers: Ann gets the reminder, Bo has unsubscribed, Cy
 * has no address, Dee buys before the wait is over.
 */
export function sampleRun(journey: Journey = loadJourney('abandoned-cart.json')) {
  const profiles = [
    makeProfile('ann', { email: 'ann@example.com', first_name: 'Ann' }),
    makeProfile('bo', { email: 'bo@example.com', unsubscribed: true }),
    makeProfile('cy', { first_name: 'Cy' }),
    makeProfile('dee', { email: 'dee@example.com' }),
  ];
  const events = [
    cart('ann', '10:00'),
    cart('bo', '10:05'),
    cart('cy', '10:10'),
    cart('dee', '10:00'),
    { profileId: 'dee', name: 'purchase', time: at('10:10'), properties: {} },
  ];
  const result = simulate({
    journey,
    profiles,
    events,
    start: at('09:00'),
    end: at('23:00'),
    trace: new Set(['ann', 'dee']),
  });
  return { journey, ...result };
}
