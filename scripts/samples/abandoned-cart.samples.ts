import {
  CATALOG,
  DAY,
  HOUR,
  MINUTE,
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
 * 300 shoppers; about a third ordered before the window (they count as returning customers).
 * Over the first 18 days about 230 carts are started, each after a few product views: some buy
 * within the hour (no reminder), some after the first reminder, some after the second, most never.
 */
export function abandonedCartSamples(start: number): SampleSet {
  const random = new Random(1001);
  const shoppers = people(random, 'ac', 300);
  const events: SampleEvent[] = [];
  let order = 5000;
  const buy = (id: string, time: number, product: (typeof CATALOG)[number]) =>
    events.push({
      profile_id: id,
      name: 'purchase',
      time,
      properties: { order_id: `NS-${++order}`, ...productProperties(product) },
    });
  for (const person of shoppers) {
    if (random.chance(0.35)) {
      const before = start - random.int(10, 120) * DAY;
      buy(person.id, localMoment(random, before, 0, person.timezone), random.pick(CATALOG));
    }
    const carts = random.weighted([
      [0, 30],
      [1, 50],
      [2, 15],
      [3, 5],
    ] as const);
    for (let c = 0; c < carts; c++) {
      const product = random.pick(CATALOG);
      let at = localMoment(random, start, random.int(0, 17), person.timezone);
      for (let v = random.int(1, 4); v > 0; v--) {
        events.push({
          profile_id: person.id,
          name: 'view',
          time: at,
          properties: productProperties(random.pick(CATALOG)),
        });
        at += random.int(1, 6) * MINUTE;
      }
      events.push({
        profile_id: person.id,
        name: 'view',
        time: at,
        properties: productProperties(product),
      });
      at += random.int(1, 4) * MINUTE;
      events.push({
        profile_id: person.id,
        name: 'cart',
        time: at,
        properties: productProperties(product),
      });
      if (random.chance(0.15)) {
        const second = random.pick(CATALOG);
        events.push({
          profile_id: person.id,
          name: 'cart',
          time: at + random.int(2, 9) * MINUTE,
          properties: productProperties(second),
        });
      }
      const outcome = random.weighted([
        ['soon', 18],
        ['after-first', 15],
        ['after-second', 10],
        ['never', 57],
      ] as const);
      if (outcome === 'soon') buy(person.id, at + random.int(8, 50) * MINUTE, product);
      if (outcome === 'after-first')
        buy(person.id, at + random.int(2 * 60, 20 * 60) * MINUTE, product);
      if (outcome === 'after-second') buy(person.id, at + random.int(26, 60) * HOUR, product);
    }
  }
  return { profiles: csv(PERSON_COLUMNS, shoppers), events: eventsCsv(events) };
}
