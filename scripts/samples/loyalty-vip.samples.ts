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
 * 300 Nordic Club members with loyalty points from earlier orders (Gold VIPs from 50 points),
 * review counts and a last NPS answer (missing for a quarter). Over four weeks about 250 orders
 * come in, some members ordering two or three times. About 60% of the members the journey will
 * invite to be ambassadors (VIPs with two reviews and an NPS of 9 or 10) join a few days after
 * the invitation.
 */
export function loyaltyVipSamples(start: number): SampleSet {
  const random = new Random(5005);
  const members = people(random, 'lv', 300).map((person) => {
    const points = random.weighted([
      [random.int(0, 29), 55],
      [random.int(30, 49), 28],
      [random.int(50, 90), 17],
    ] as const);
    return {
      ...person,
      loyalty_points: points,
      orders_count: Math.max(1, Math.round(points / 10)),
      vip: points >= 50,
      tier: points >= 50 ? 'gold' : 'member',
      // Loyal customers review and recommend more: the ambassador branch needs both.
      reviews_count: random.int(0, points >= 40 ? 6 : 3),
      nps_score: random.chance(0.25)
        ? undefined
        : random.weighted([
            [random.int(0, 6), 15],
            [random.int(7, 8), 30],
            [random.int(9, 10), points >= 40 ? 70 : 40],
          ] as const),
    };
  });
  const events: SampleEvent[] = [];
  let order = 30000;
  for (const member of members) {
    const orders = random.weighted([
      [0, 30],
      [1, 40],
      [2, 20],
      [3, 10],
    ] as const);
    const days = Array.from({ length: orders }, () => random.int(0, 27)).sort((a, b) => a - b);
    let points = member.loyalty_points;
    let vip = member.vip;
    let busyUntil = -Infinity;
    let invited = false;
    for (const day of days) {
      const at = localMoment(random, start, day, member.timezone);
      events.push({
        profile_id: member.id,
        name: 'purchase',
        time: at,
        properties: { order_id: `NS-${++order}`, ...productProperties(random.pick(CATALOG)) },
      });
      // Mirrors the journey: an order while a member is still in it (the VIP week) earns no points.
      if (at < busyUntil) continue;
      points += 10;
      vip ||= points >= 50;
      if (!vip) continue;
      busyUntil = at + 7 * DAY;
      const fits = member.reviews_count >= 2 && (member.nps_score ?? 0) >= 9;
      if (fits && !invited) {
        invited = true;
        // Invited members then wait up to a week for themselves to join.
        if (random.chance(0.6)) {
          const joined = sameLocalDay(
            random,
            busyUntil + random.int(1, 4) * DAY,
            member.timezone,
            9,
            21,
          );
          events.push({ profile_id: member.id, name: 'ambassador_joined', time: joined });
          busyUntil = joined;
        } else {
          busyUntil += 7 * DAY;
        }
      }
    }
  }
  return {
    profiles: csv(
      [
        ...PERSON_COLUMNS,
        'loyalty_points',
        'orders_count',
        'vip',
        'tier',
        'reviews_count',
        'nps_score',
      ],
      members,
    ),
    events: eventsCsv(events),
  };
}
