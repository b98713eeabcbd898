import type { JourneyEvent } from '../../../core/model/event';
import type { Journey } from '../../../core/model/journey';
import { makeProfile, type Profile } from '../../../core/model/profile';
import { edge, journey, node } from '../build';

export const DAY = 86_400_000;
export const START = Date.parse('2026-05-04T08:00:00Z');
/** When version 2 is published: three and a half days in. */
export const PUBLISH_AT = START + 3.5 * DAY;

const mail = (id: string, subject: string) =>
  node(id, 'message', {
    channel: 'email',
    from: 'shop@example.com',
    subject,
    html: `<p>${subject}</p>`,
  });

/**
 * Version 1: a cart, two days' wait, a split: A mails at once, B waits a day and mails; both
 * then wait five days on “tail”.
 */
export const V1: Journey = {
  ...journey(
    [
      node('start', 'trigger', { on: 'event', event: 'cart' }),
      { ...node('w1', 'wait', { mode: 'duration', duration: 'P2D' }), label: 'Wait 2 days' },
      node('s', 'split', {
        variants: [
          { key: 'A', weight: 50, label: 'Now' },
          { key: 'B', weight: 50, label: 'Later' },
        ],
      }),
      mail('ma', 'Come back'),
      { ...node('wb', 'wait', { mode: 'duration', duration: 'P1D' }), label: 'Wait a day' },
      mail('mb', 'Still there?'),
      { ...node('tail', 'wait', { mode: 'duration', duration: 'P5D' }), label: 'Cool down' },
    ],
    [
      edge('start', 'w1'),
      edge('w1', 's'),
      edge('s', 'ma', 'A'),
      edge('s', 'wb', 'B'),
      edge('wb', 'mb'),
      edge('ma', 'tail'),
      edge('mb', 'tail'),
    ],
  ),
  id: 'cart',
  name: 'Cart',
};

/**
 * Version 2: the first wait is three days; variant B and its steps are gone, variant C mails
 * something else at once.
 */
export const V2: Journey = {
  ...V1,
  nodes: [
    node('start', 'trigger', { on: 'event', event: 'cart' }),
    { ...node('w1', 'wait', { mode: 'duration', duration: 'P3D' }), label: 'Wait 2 days' },
    node('s', 'split', {
      variants: [
        { key: 'A', weight: 50, label: 'Now' },
        { key: 'C', weight: 50, label: 'Discount' },
      ],
    }),
    mail('ma', 'Come back'),
    mail('mc', '10% off'),
    { ...node('tail', 'wait', { mode: 'duration', duration: 'P5D' }), label: 'Cool down' },
  ],
  edges: [
    edge('start', 'w1'),
    edge('w1', 's'),
    edge('s', 'ma', 'A'),
    edge('s', 'mc', 'C'),
    edge('ma', 'tail'),
    edge('mc', 'tail'),
  ],
};

/** Twelve people a day put something in their cart, on days 0, 1 and 2. */
export function cohort(): { profiles: Profile[]; events: JourneyEvent[] } {
  const profiles: Profile[] = [];
  const events: JourneyEvent[] = [];
  for (let day = 0; day < 3; day++)
    for (let i = 0; i < 12; i++) {
      const id = `p${day}-${i}`;
      profiles.push(makeProfile(id, { email: `${id}@example.com` }));
      events.push({
        profileId: id,
        name: 'cart',
        time: START + day * DAY + i * 60_000,
        properties: {},
      });
    }
  return { profiles, events };
}
