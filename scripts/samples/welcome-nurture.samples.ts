import {
  CATALOG,
  CATEGORIES,
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
 * 300 people, 260 of whom sign up over the first 18 days (from the newsletter form, the checkout
 * or a pop-up). About 45% then browse a lot (three or more product views in their first week),
 * the rest a little; about one in five buys within ten days, which ends their welcome series.
 */
export function welcomeNurtureSamples(start: number): SampleSet {
  const random = new Random(2002);
  const subscribers = people(random, 'wn', 300).map((person) => ({
    ...person,
    favourite_category: random.chance(0.5) ? random.pick(CATEGORIES) : undefined,
    lead_score: 0,
  }));
  const events: SampleEvent[] = [];
  subscribers.forEach((person, i) => {
    if (i >= 260) return;
    const signup = localMoment(random, start, random.int(0, 17), person.timezone);
    const source = random.weighted([
      ['newsletter_form', 5],
      ['checkout', 3],
      ['popup', 2],
    ] as const);
    events.push({ profile_id: person.id, name: 'signup', time: signup, properties: { source } });
    const engaged = random.chance(0.45);
    const views = engaged ? random.int(3, 8) : random.int(0, 2);
    for (let v = 0; v < views; v++) {
      const at = signup + random.int(10, 6 * 24 * 60) * MINUTE;
      events.push({
        profile_id: person.id,
        name: 'view',
        time: at,
        properties: productProperties(random.pick(CATALOG)),
      });
    }
    const buys = random.weighted([
      ['early', 10],
      ['later', 10],
      ['no', 80],
    ] as const);
    if (buys !== 'no') {
      const after = buys === 'early' ? random.int(4, 60) * HOUR : random.int(4, 10) * DAY;
      events.push({
        profile_id: person.id,
        name: 'purchase',
        time: signup + after,
        properties: { order_id: `NS-${7000 + i}`, ...productProperties(random.pick(CATALOG)) },
      });
    }
  });
  return {
    profiles: csv([...PERSON_COLUMNS, 'favourite_category', 'lead_score'], subscribers),
    events: eventsCsv(events, ['source']),
  };
}
