import {
  CATALOG,
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
 * 300 visitors with a lead score from earlier activity (most below 20, a fifth between 35 and
 * 45, so one or two more visits make them high scorers). Over 20 days each has up to six
 * browsing visits of a few product views; a quarter of visits end in the cart and a few in a
 * purchase. Frequent visitors show the frequency cap at work.
 */
export function browseAbandonmentSamples(start: number): SampleSet {
  const random = new Random(3003);
  const visitors = people(random, 'ba', 300).map((person) => ({
    ...person,
    lead_score: random.weighted([
      [random.int(0, 15), 50],
      [random.int(16, 34), 30],
      [random.int(35, 45), 20],
    ] as const),
  }));
  const events: SampleEvent[] = [];
  let order = 9000;
  for (const person of visitors) {
    const visits = random.weighted([
      [0, 10],
      [1, 25],
      [2, 25],
      [3, 18],
      [4, 10],
      [5, 7],
      [6, 5],
    ] as const);
    for (let v = 0; v < visits; v++) {
      let at = localMoment(random, start, random.int(0, 19), person.timezone);
      const favourite = random.pick(CATALOG);
      for (let views = random.int(1, 5); views > 0; views--) {
        const product = random.chance(0.6) ? favourite : random.pick(CATALOG);
        events.push({
          profile_id: person.id,
          name: 'view',
          time: at,
          properties: productProperties(product),
        });
        at += random.int(1, 8) * MINUTE;
      }
      const outcome = random.weighted([
        ['cart', 25],
        ['purchase', 6],
        ['leave', 69],
      ] as const);
      if (outcome === 'cart')
        events.push({
          profile_id: person.id,
          name: 'cart',
          time: at + random.int(1, 30) * MINUTE,
          properties: productProperties(favourite),
        });
      if (outcome === 'purchase')
        events.push({
          profile_id: person.id,
          name: 'purchase',
          time: at + random.int(3, 30) * HOUR,
          properties: { order_id: `NS-${++order}`, ...productProperties(favourite) },
        });
    }
  }
  return { profiles: csv([...PERSON_COLUMNS, 'lead_score'], visitors), events: eventsCsv(events) };
}
