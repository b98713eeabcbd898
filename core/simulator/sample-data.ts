import { Faker, base, en, nb_NO, sv, type LocaleDefinition } from '@faker-js/faker';
import type { JourneyEvent } from '../model/event';
import { makeProfile, type Profile } from '../model/profile';

/**
 * Realistic sample profiles and behaviour for trying a journey before any real data exists.
 * Everything is drawn from one seeded generator: the same seed gives the same people, byte for
 * byte. Addresses use the reserved example domains, so nothing can ever reach a real inbox.
 */

export const PERSONAS = [
  'new-subscriber',
  'regular',
  'vip',
  'bargain-hunter',
  'lapsed',
  'browser',
] as const;
export type Persona = (typeof PERSONAS)[number];

interface PersonaTraits {
  share: number;
  score: [number, number];
  orders: [number, number];
  /** Days since the last purchase, when there was one. */
  lastPurchaseDays: [number, number];
  tier: string;
  /** Per-day chance of a session (views), and of carting and buying in one. */
  activity: { session: number; cart: number; purchase: number };
}

const PERSONA_TRAITS: Record<Persona, PersonaTraits> = {
  'new-subscriber': {
    share: 0.22,
    score: [0, 25],
    orders: [0, 0],
    lastPurchaseDays: [0, 0],
    tier: 'none',
    activity: { session: 0.35, cart: 0.25, purchase: 0.2 },
  },
  regular: {
    share: 0.25,
    score: [30, 70],
    orders: [2, 8],
    lastPurchaseDays: [5, 60],
    tier: 'silver',
    activity: { session: 0.3, cart: 0.35, purchase: 0.45 },
  },
  vip: {
    share: 0.08,
    score: [70, 100],
    orders: [8, 40],
    lastPurchaseDays: [1, 30],
    tier: 'gold',
    activity: { session: 0.45, cart: 0.45, purchase: 0.6 },
  },
  'bargain-hunter': {
    share: 0.15,
    score: [20, 60],
    orders: [1, 5],
    lastPurchaseDays: [10, 90],
    tier: 'bronze',
    activity: { session: 0.4, cart: 0.5, purchase: 0.2 },
  },
  lapsed: {
    share: 0.15,
    score: [5, 40],
    orders: [1, 6],
    lastPurchaseDays: [100, 400],
    tier: 'bronze',
    activity: { session: 0.05, cart: 0.2, purchase: 0.2 },
  },
  browser: {
    share: 0.15,
    score: [0, 30],
    orders: [0, 0],
    lastPurchaseDays: [0, 0],
    tier: 'none',
    activity: { session: 0.5, cart: 0.15, purchase: 0.05 },
  },
};

const PLACES: readonly {
  country: string;
  zones: readonly string[];
  calling: string;
  weight: number;
}[] = [
  { country: 'SE', zones: ['Europe/Stockholm'], calling: '+46', weight: 0.22 },
  { country: 'NO', zones: ['Europe/Oslo'], calling: '+47', weight: 0.08 },
  { country: 'DK', zones: ['Europe/Copenhagen'], calling: '+45', weight: 0.08 },
  { country: 'FI', zones: ['Europe/Helsinki'], calling: '+358', weight: 0.06 },
  { country: 'DE', zones: ['Europe/Berlin'], calling: '+49', weight: 0.14 },
  { country: 'GB', zones: ['Europe/London'], calling: '+44', weight: 0.12 },
  { country: 'FR', zones: ['Europe/Paris'], calling: '+33', weight: 0.08 },
  {
    country: 'US',
    zones: ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles'],
    calling: '+1',
    weight: 0.18,
  },
  { country: 'AU', zones: ['Australia/Sydney'], calling: '+61', weight: 0.04 },
];

const DOMAINS = ['example.com', 'example.org', 'example.net'];
const BRANDS = [
  'apple',
  'samsung',
  'xiaomi',
  'sony',
  'lenovo',
  'bosch',
  'nike',
  'adidas',
  'lego',
  'ikea',
];
const CATEGORIES = [
  'electronics.smartphone',
  'computers.notebook',
  'appliances.kitchen',
  'apparel.shoes',
  'furniture.living_room',
  'kids.toys',
];
const DAY = 86_400_000;

/** The languages sample customers' names can be in: English (US), Swedish, Norwegian. */
export const SAMPLE_NAME_LANGUAGES = ['en', 'sv', 'nb'] as const;
export type SampleNameLanguage = (typeof SAMPLE_NAME_LANGUAGES)[number];

/** Where names in another language than English come from (English fills what a list lacks). */
const NAME_LOCALES: Record<Exclude<SampleNameLanguage, 'en'>, LocaleDefinition[]> = {
  sv: [sv, en, base],
  nb: [nb_NO, en, base],
};

/** A name as the local part of an address: å → a, ø → o, æ → ae; anything else not a–z left out. */
function addressPart(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .normalize('NFD')
    .replace(/[^a-z0-9.@-]/g, '');
}

export interface SampleProfileOptions {
  count: number;
  seed?: number;
  /** The language of the customers' names; English unless chosen. */
  names?: SampleNameLanguage;
  /** "Today" for ages, sign-up and last-purchase dates (epoch ms); fixed, never the system clock. */
  asOf: number;
}

function pickWeighted<T extends { weight: number }>(faker: Faker, items: readonly T[]): T {
  let roll = faker.number.float({ min: 0, max: 1 });
  for (const item of items) {
    roll -= item.weight;
    if (roll < 0) return item;
  }
  return items[items.length - 1] as T;
}

function pickPersona(faker: Faker): Persona {
  let roll = faker.number.float({ min: 0, max: 1 });
  for (const persona of PERSONAS) {
    roll -= PERSONA_TRAITS[persona].share;
    if (roll < 0) return persona;
  }
  return 'regular';
}

function isoDate(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** Generates `count` profiles across personas, countries and time zones, with consent flags. */
export function generateProfiles(options: SampleProfileOptions): Profile[] {
  const faker = new Faker({ locale: [en, base], seed: options.seed ?? 1 });
  // Names in another language come from a generator of their own with the same seed: the English
  // names are still drawn, so a seed gives the same customers (persona, country, orders, consent)
  // in every language, and only their names differ.
  const language = options.names ?? 'en';
  const names =
    language === 'en'
      ? undefined
      : new Faker({ locale: NAME_LOCALES[language], seed: options.seed ?? 1 });
  const width = String(options.count).length;
  const profiles: Profile[] = [];
  for (let i = 0; i < options.count; i++) {
    const persona = pickPersona(faker);
    const traits = PERSONA_TRAITS[persona];
    const place = pickWeighted(faker, PLACES);
    const englishFirst = faker.person.firstName();
    const englishLast = faker.person.lastName();
    const firstName = names ? names.person.firstName() : englishFirst;
    const lastName = names ? names.person.lastName() : englishLast;
    const id = `cust-${String(i + 1).padStart(Math.max(5, width), '0')}`;
    const orders = faker.number.int({ min: traits.orders[0], max: traits.orders[1] });
    const birthday = faker.date.birthdate({ mode: 'age', min: 18, max: 78, refDate: options.asOf });
    const attributes: Record<string, unknown> = {
      first_name: firstName,
      last_name: lastName,
      email: addressPart(
        `${firstName}.${lastName}.${i + 1}@${faker.helpers.arrayElement(DOMAINS)}`,
      ),
      phone: `${place.calling}${faker.string.numeric({ length: 9, allowLeadingZeros: false })}`,
      country: place.country,
      timezone: faker.helpers.arrayElement(place.zones),
      persona,
      tier: traits.tier,
      score: faker.number.int({ min: traits.score[0], max: traits.score[1] }),
      orders,
      lifetime_value: Math.round(orders * faker.number.float({ min: 25, max: 180 }) * 100) / 100,
      birthday: isoDate(birthday.getTime()),
      signup_date: isoDate(
        options.asOf -
          faker.number.int({
            min: persona === 'new-subscriber' ? 0 : 60,
            max: persona === 'new-subscriber' ? 14 : 1200,
          }) *
            DAY,
      ),
    };
    if (orders > 0) {
      attributes.last_purchase_at = isoDate(
        options.asOf -
          faker.number.int({ min: traits.lastPurchaseDays[0], max: traits.lastPurchaseDays[1] }) *
            DAY,
      );
    }
    if (faker.number.float({ min: 0, max: 1 }) < 0.4)
      attributes.push_token = faker.string.alphanumeric(24);
    // Consent as it is in real lists: a few people have opted out of everything or of a channel.
    const consent = faker.number.float({ min: 0, max: 1 });
    if (consent < 0.04) attributes.unsubscribed = true;
    else if (consent < 0.07) attributes.email_opt_out = true;
    if (faker.number.float({ min: 0, max: 1 }) < 0.12) attributes.sms_opt_out = true;
    if (persona === 'vip') attributes.vip = true;
    profiles.push(makeProfile(id, attributes));
  }
  return profiles;
}

export interface SampleEventOptions {
  seed?: number;
  start: number;
  days: number;
}

/**
 * Behaviour for sample profiles over `days` from `start`: sessions of product views, carts and
 * purchases at plausible local hours, more or less often by persona. Events come out in time order.
 */
export function generateEvents(
  profiles: readonly Profile[],
  options: SampleEventOptions,
): JourneyEvent[] {
  const faker = new Faker({ locale: [en, base], seed: options.seed ?? 1 });
  const events: JourneyEvent[] = [];
  for (const profile of profiles) {
    const persona = (profile.attributes.persona as Persona | undefined) ?? 'regular';
    const { activity } = PERSONA_TRAITS[persona] ?? PERSONA_TRAITS.regular;
    if (persona === 'new-subscriber') {
      events.push({
        profileId: profile.id,
        name: 'signup',
        time:
          options.start + faker.number.int({ min: 0, max: Math.min(options.days, 2) * DAY - 1 }),
        properties: { source: faker.helpers.arrayElement(['web', 'app', 'store']) },
      });
    }
    for (let day = 0; day < options.days; day++) {
      if (faker.number.float({ min: 0, max: 1 }) >= activity.session) continue;
      // Mostly daytime and evening in UTC terms; good enough for sample behaviour.
      let time =
        options.start + day * DAY + faker.number.int({ min: 7 * 3600, max: 23 * 3600 }) * 1000;
      const brand = faker.helpers.arrayElement(BRANDS);
      const category = faker.helpers.arrayElement(CATEGORIES);
      const price = Math.round(faker.number.float({ min: 9, max: 900 }) * 100) / 100;
      const product = {
        product_id: faker.string.numeric(7),
        brand,
        category_code: category,
        price,
      };
      for (let v = faker.number.int({ min: 1, max: 6 }); v > 0; v--) {
        events.push({
          profileId: profile.id,
          name: 'view',
          time,
          properties: { ...product, product_id: faker.string.numeric(7) },
        });
        time += faker.number.int({ min: 20, max: 240 }) * 1000;
      }
      if (faker.number.float({ min: 0, max: 1 }) >= activity.cart) continue;
      events.push({ profileId: profile.id, name: 'cart', time, properties: product });
      if (faker.number.float({ min: 0, max: 1 }) >= activity.purchase) continue;
      time += faker.number.int({ min: 60, max: 3 * 3600 }) * 1000;
      events.push({ profileId: profile.id, name: 'purchase', time, properties: product });
    }
  }
  return events.sort((a, b) => a.time - b.time);
}
