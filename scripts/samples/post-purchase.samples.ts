import {
  CATALOG,
  DAY,
  PERSON_COLUMNS,
  Random,
  csv,
  eventsCsv,
  localMoment,
  people,
  productProperties,
  sameLocalDay,
  type SampleEvent,
  type SampleSet,
} from './sample-kit';

/**
 * 300 customers, about 210 of whom order in the first 16 days. Nine parcels in ten are delivered
 * one to four days later, in daytime; the rest are late (no delivery within a week). About one
 * customer in six orders again within three weeks, which the series counts as its goal and which
 * keeps the next-order incentive from them.
 */
export function postPurchaseSamples(start: number): SampleSet {
  const random = new Random(4004);
  const customers = people(random, 'pp', 300);
  const events: SampleEvent[] = [];
  let order = 20000;
  const place = (id: string, time: number, zone: string, deliver: boolean) => {
    const product = random.pick(CATALOG);
    const orderId = `NS-${++order}`;
    events.push({
      profile_id: id,
      name: 'purchase',
      time,
      properties: { order_id: orderId, ...productProperties(product) },
    });
    if (deliver) {
      const day = time + random.int(1, 4) * DAY;
      events.push({
        profile_id: id,
        name: 'order_delivered',
        time: sameLocalDay(random, day, zone, 9, 17),
        properties: { order_id: orderId },
      });
    }
  };
  for (const person of customers) {
    if (!random.chance(0.7)) continue;
    const first = localMoment(random, start, random.int(0, 15), person.timezone);
    place(person.id, first, person.timezone, random.chance(0.9));
    if (random.chance(0.17))
      place(person.id, first + random.int(4, 21) * DAY, person.timezone, true);
  }
  return { profiles: csv(PERSON_COLUMNS, customers), events: eventsCsv(events) };
}
