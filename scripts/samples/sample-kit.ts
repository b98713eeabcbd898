import { DateTime } from 'luxon';

/**
 * Building blocks for the starter journeys' sample data: a seeded random source, Nordic people,
 * the Nordic Shop catalogue, local times and CSV. Everything is derived from the seed, so the
 * files are the same on every run and every machine.
 */

/** A seeded random source (mulberry32): the same seed gives the same sequence everywhere. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A whole number in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks by weight: `[[value, weight], …]`. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [value, weight] of items) {
      r -= weight;
      if (r < 0) return value;
    }
    return (items[items.length - 1] as readonly [T, number])[0];
  }
}

const FIRST_NAMES = [
  'Anna',
  'Erik',
  'Maja',
  'Lars',
  'Ingrid',
  'Oskar',
  'Elsa',
  'Nils',
  'Astrid',
  'Johan',
  'Sofia',
  'Mikael',
  'Linnea',
  'Henrik',
  'Frida',
  'Anders',
  'Karin',
  'Gustav',
  'Ebba',
  'Axel',
  'Sigrid',
  'Magnus',
  'Hanna',
  'Olof',
  'Saga',
  'Emil',
  'Liv',
  'Jonas',
  'Kerstin',
  'Viktor',
  'Aino',
  'Mikko',
  'Helmi',
  'Juha',
  'Freja',
  'Mads',
  'Ida',
  'Rasmus',
  'Nora',
  'Sander',
  'Ingeborg',
  'Håkon',
  'Tuva',
  'Sven',
  'Märta',
  'Björn',
  'Åsa',
  'Ulf',
  'Klara',
  'Leo',
];
const LAST_NAMES = [
  'Andersson',
  'Johansson',
  'Karlsson',
  'Nilsson',
  'Eriksson',
  'Larsson',
  'Olsson',
  'Persson',
  'Svensson',
  'Lindqvist',
  'Berg',
  'Lund',
  'Holm',
  'Sandberg',
  'Ekström',
  'Hansen',
  'Johansen',
  'Olsen',
  'Nielsen',
  'Jensen',
  'Virtanen',
  'Korhonen',
  'Mäkinen',
  'Nieminen',
  'Dahl',
  'Strand',
  'Bakke',
  'Sjöberg',
  'Åberg',
  'Lindgren',
];

/** Where Nordic Shop's customers live: time zone, country, cities, and how many live there. */
const PLACES = [
  ['Europe/Stockholm', 'SE', ['Stockholm', 'Göteborg', 'Malmö', 'Uppsala', 'Umeå'], 52],
  ['Europe/Oslo', 'NO', ['Oslo', 'Bergen', 'Trondheim'], 15],
  ['Europe/Copenhagen', 'DK', ['København', 'Aarhus', 'Odense'], 12],
  ['Europe/Helsinki', 'FI', ['Helsinki', 'Tampere', 'Turku'], 13],
  ['Europe/London', 'GB', ['London', 'Edinburgh'], 4],
  ['America/New_York', 'US', ['New York', 'Minneapolis'], 4],
] as const;

export const CATEGORIES = ['home textiles', 'kitchen', 'outdoor', 'lighting'] as const;

export interface Product {
  product_id: string;
  product_name: string;
  brand: string;
  category: (typeof CATEGORIES)[number];
  price: number;
}

export const CATALOG: readonly Product[] = [
  ['Gotland Wool Throw', 'Gotlandsull', 'home textiles', 1290],
  ['Linen Duvet Cover', 'Linneväveriet', 'home textiles', 1590],
  ['Sheepskin Rug', 'Gotlandsull', 'home textiles', 1890],
  ['Mora Bread Knife', 'Mora Smide', 'kitchen', 695],
  ['Cast Iron Skillet 26 cm', 'Gjuteriet', 'kitchen', 899],
  ['Oak Cutting Board', 'Ekträ', 'kitchen', 450],
  ['Enamel Coffee Pot', 'Emaljverket', 'kitchen', 549],
  ['Stoneware Mugs, Set of 4', 'Lerverket', 'kitchen', 420],
  ['Linen Apron', 'Linneväveriet', 'kitchen', 349],
  ['Merino Base Layer', 'Fjällvind', 'outdoor', 899],
  ['Down Jacket', 'Fjällvind', 'outdoor', 2990],
  ['Trail Backpack 28 L', 'Bergslag', 'outdoor', 1490],
  ['Wool Hiking Socks', 'Fjällvind', 'outdoor', 199],
  ['Rain Jacket', 'Bergslag', 'outdoor', 1790],
  ['Birch Table Lamp', 'Ljusverk', 'lighting', 1190],
  ['Brass Candle Holder', 'Ljusverk', 'lighting', 395],
].map(([product_name, brand, category, price], i) => ({
  product_id: `P${String(101 + i)}`,
  product_name: product_name as string,
  brand: brand as string,
  category: category as Product['category'],
  price: price as number,
}));

function ascii(text: string): string {
  return text
    .toLowerCase()
    .replace(/[åäá]/g, 'a')
    .replace(/[öø]/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z]/g, '');
}

/** A sample person: the attributes every starter's profiles share. */
export type Person = {
  id: string;
  email?: string;
  first_name?: string;
  last_name: string;
  timezone: string;
  country: string;
  city: string;
  unsubscribed: boolean;
};

/**
 * People with realistic gaps: about 1 in 20 gave no first name, 1 in 60 has no email address,
 * and 1 in 25 has unsubscribed, so the journeys' fallbacks and consent rules show in the numbers.
 */
export function people(random: Random, prefix: string, count: number): Person[] {
  return Array.from({ length: count }, (_, i) => {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const [timezone, country, cities] = random.weighted(PLACES.map((p) => [p, p[3]] as const));
    const id = `${prefix}-${String(i + 1).padStart(4, '0')}`;
    const noName = random.chance(0.05);
    const noEmail = random.chance(1 / 60);
    return {
      id,
      ...(noEmail ? {} : { email: `${ascii(first)}.${ascii(last)}.${i + 1}@example.com` }),
      ...(noName ? {} : { first_name: first }),
      last_name: last,
      timezone,
      country,
      city: random.pick(cities),
      unsubscribed: random.chance(0.04),
    };
  });
}

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const MINUTE = 60_000;

/** When people shop, by local hour: mostly evenings, a little at night. */
const HOUR_WEIGHTS = [
  1, 0.5, 0.3, 0.2, 0.2, 0.4, 1, 2, 3, 4, 5, 5, 6, 5, 5, 5, 5, 6, 7, 8, 9, 8, 6, 3,
];

/** An instant on the local day `day` days after `start` (UTC midnight), at a likely hour. */
export function localMoment(random: Random, start: number, day: number, zone: string): number {
  const date = DateTime.fromMillis(start + day * DAY, { zone: 'UTC' });
  const hour = random.weighted(HOUR_WEIGHTS.map((w, h) => [h, w] as const));
  return DateTime.fromObject(
    {
      year: date.year,
      month: date.month,
      day: date.day,
      hour,
      minute: random.int(0, 59),
      second: random.int(0, 59),
    },
    { zone },
  ).toMillis();
}

/** An instant at a given local hour range on the local day of `at`. */
export function sameLocalDay(
  random: Random,
  at: number,
  zone: string,
  fromHour: number,
  toHour: number,
): number {
  const local = DateTime.fromMillis(at, { zone });
  return local
    .set({
      hour: random.int(fromHour, toHour),
      minute: random.int(0, 59),
      second: random.int(0, 59),
    })
    .toMillis();
}

export interface SampleEvent {
  profile_id: string;
  name: string;
  time: number;
  properties?: Readonly<Record<string, string | number>>;
}

function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')
    throw new Error(`A CSV cell holds text, a number or true/false, not ${JSON.stringify(value)}`);
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV file: a header and a row per record, absent values as empty cells. */
export function csv(
  columns: readonly string[],
  rows: readonly Readonly<Record<string, unknown>>[],
): string {
  return `${[columns.join(','), ...rows.map((row) => columns.map((c) => cell(row[c])).join(','))].join('\n')}\n`;
}

export const PERSON_COLUMNS = [
  'id',
  'email',
  'first_name',
  'last_name',
  'timezone',
  'country',
  'city',
  'unsubscribed',
] as const;

const EVENT_COLUMNS = [
  'profile_id',
  'name',
  'time',
  'order_id',
  'product_id',
  'product_name',
  'brand',
  'category',
  'price',
] as const;

/** Events as CSV, in time order, times in ISO 8601 UTC to the second. */
export function eventsCsv(events: readonly SampleEvent[], extra: readonly string[] = []): string {
  const sorted = [...events].sort(
    (a, b) => a.time - b.time || a.profile_id.localeCompare(b.profile_id),
  );
  return csv(
    [...EVENT_COLUMNS, ...extra],
    sorted.map((e) => ({
      profile_id: e.profile_id,
      name: e.name,
      time: new Date(e.time).toISOString().replace('.000Z', 'Z'),
      ...e.properties,
    })),
  );
}

export function productProperties(product: Product): Record<string, string | number> {
  return { ...product };
}

/** A sample set: the files `assets/samples/<id>/` holds. */
export interface SampleSet {
  profiles: string;
  events: string;
}
