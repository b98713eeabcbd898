/**
 * Sample profiles the message preview renders for, until real profile data is loaded. Each comes
 * with the event that would have started the journey (a cart add, in REES46's property names).
 */
export interface Persona {
  id: string;
  name: string;
  /** Who this is, in a few words, to choose between them. */
  note: string;
  profile: Record<string, unknown>;
  event: Record<string, unknown>;
}

export const PERSONAS: readonly Persona[] = [
  {
    id: 'emma',
    name: 'Emma Lind',
    note: 'Stockholm · first-time shopper',
    profile: {
      id: 'u-10482',
      first_name: 'Emma',
      last_name: 'Lind',
      email: 'emma.lind@example.com',
      phone: '+46701234567',
      timezone: 'Europe/Stockholm',
      country: 'SE',
      city: 'Stockholm',
      score: 20,
      vip: false,
      birthday: '1991-05-17',
    },
    event: {
      brand: 'samsung',
      price: 289.99,
      category_code: 'electronics.smartphone',
      product_id: '1004767',
    },
  },
  {
    id: 'liam',
    name: 'Liam Carter',
    note: 'New York · VIP, buys often',
    profile: {
      id: 'u-20931',
      first_name: 'Liam',
      last_name: 'Carter',
      email: 'liam.carter@example.com',
      phone: '+12125550147',
      timezone: 'America/New_York',
      country: 'US',
      city: 'New York',
      score: 85,
      vip: true,
      plan: 'premium',
      birthday: '1984-11-02',
    },
    event: {
      brand: 'apple',
      price: 1299,
      category_code: 'computers.notebook',
      product_id: '1307067',
    },
  },
  {
    id: 'anonymous',
    name: 'No first name',
    note: 'Only an email address on file',
    profile: { id: 'u-33107', email: 'shopper-33107@example.net', country: 'DE' },
    event: { brand: 'xiaomi', price: 19.5, product_id: '1005115' },
  },
  {
    id: 'aiko',
    name: 'Aiko Tanaka',
    note: 'Tokyo · unsubscribed from email',
    profile: {
      id: 'u-41876',
      first_name: 'Aiko',
      last_name: 'Tanaka',
      email: 'aiko.tanaka@example.jp',
      timezone: 'Asia/Tokyo',
      country: 'JP',
      unsubscribed: true,
      score: 45,
    },
    event: { brand: 'sony', price: 349, category_code: 'electronics.audio.headphone' },
  },
];

export function findPersona(id: string): Persona {
  return PERSONAS.find((p) => p.id === id) ?? (PERSONAS[0] as Persona);
}

export const PREVIEW_UNSUBSCRIBE_URL = 'https://example.com/unsubscribe?preview=1';
