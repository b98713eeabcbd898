import { pickVariant } from '../../core/nodes/split.node';
import { splitBucket } from '../../core/runtime/hash';
import type { SplitConfig } from '../../core/nodes/split.node';
import {
  CATALOG,
  PERSON_COLUMNS,
  Random,
  csv,
  eventsCsv,
  localMoment,
  people,
  productProperties,
  type SampleEvent,
  type SampleSet,
} from './sample-kit';

/**
 * 600 customers with a year of order history before the window: 40% have not ordered for 90 days
 * or more, 15% reach 90 days during the window, 30% order regularly and 15% never ordered.
 * Lapsed customers come back in the window at the rate an effective campaign would show:
 * about 14% of those the split sends an offer and 5% of the control group. To know who is
 * in which group, the split's own draw is used, exactly as the simulator makes it.
 */
export function winBackSamples(start: number, split: SplitConfig): SampleSet {
  const random = new Random(7007);
  const customers = people(random, 'wb', 600);
  const events: SampleEvent[] = [];
  let order = 50000;
  const buy = (id: string, time: number) =>
    events.push({
      profile_id: id,
      name: 'purchase',
      time,
      properties: { order_id: `NS-${++order}`, ...productProperties(random.pick(CATALOG)) },
    });
  for (const customer of customers) {
    const kind = random.weighted([
      ['lapsed', 40],
      ['lapsing', 15],
      ['regular', 30],
      ['never', 15],
    ] as const);
    if (kind === 'never') continue;
    const lastDaysAgo =
      kind === 'lapsed'
        ? random.int(91, 360)
        : kind === 'lapsing'
          ? random.int(60, 89)
          : random.int(3, 50);
    for (let earlier = random.int(0, 3); earlier > 0; earlier--)
      buy(
        customer.id,
        localMoment(random, start, -lastDaysAgo - random.int(20, 200), customer.timezone),
      );
    buy(customer.id, localMoment(random, start, -lastDaysAgo, customer.timezone));
    if (kind === 'regular') {
      if (random.chance(0.4))
        buy(customer.id, localMoment(random, start, random.int(0, 40), customer.timezone));
      continue;
    }
    const entersOnDay = Math.max(0, 90 - lastDaysAgo);
    const variant = pickVariant(split.variants, splitBucket(0, 'win-back', 'test', customer.id));
    if (random.chance(variant === 'control' ? 0.05 : 0.14))
      buy(
        customer.id,
        localMoment(random, start, entersOnDay + random.int(2, 25), customer.timezone),
      );
  }
  return { profiles: csv(PERSON_COLUMNS, customers), events: eventsCsv(events) };
}
