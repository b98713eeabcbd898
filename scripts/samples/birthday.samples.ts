import { DateTime } from 'luxon';
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
 * 500 members born between 1955 and 2006 (one in eight gave no birthday, one on 29 February),
 * an eighth of them Gold VIPs. About a third of those whose birthday falls in the window use
 * their gift within six days; everyone else orders now and then, as usual.
 */
export function birthdaySamples(start: number, end: number): SampleSet {
  const random = new Random(6006);
  const members = people(random, 'bd', 500).map((person, i) => {
    const year = random.int(1955, 2006);
    const date =
      i === 7
        ? DateTime.utc(1988, 2, 29)
        : DateTime.utc(year, 1, 1).plus({ days: random.int(0, 364) });
    return {
      ...person,
      birthday: random.chance(0.125) && i !== 7 ? undefined : date.toISODate(),
      vip: random.chance(0.125),
    };
  });
  const events: SampleEvent[] = [];
  let order = 40000;
  const buy = (id: string, time: number) =>
    events.push({
      profile_id: id,
      name: 'purchase',
      time,
      properties: { order_id: `NS-${++order}`, ...productProperties(random.pick(CATALOG)) },
    });
  const windowYear = DateTime.fromMillis(start, { zone: 'UTC' }).year;
  for (const member of members) {
    if (random.chance(0.08))
      buy(member.id, localMoment(random, start, random.int(0, 30), member.timezone));
    if (!member.birthday) continue;
    const [, month, day] = member.birthday.split('-').map(Number) as [number, number, number];
    const leapless = month === 2 && day === 29 && !DateTime.utc(windowYear).isInLeapYear;
    const birthday = DateTime.fromObject(
      { year: windowYear, month, day: leapless ? 28 : day, hour: 9 },
      { zone: member.timezone },
    ).toMillis();
    if (birthday < start || birthday > end) continue;
    if (random.chance(0.35))
      buy(
        member.id,
        sameLocalDay(random, birthday + random.int(0, 5) * DAY, member.timezone, 10, 21),
      );
  }
  return {
    profiles: csv([...PERSON_COLUMNS, 'birthday', 'vip'], members),
    events: eventsCsv(events),
  };
}
