import { nb_NO, sv } from '@faker-js/faker';
import { describe, expect, it } from 'vitest';
import { isValidTimeZone } from '../../../core/model/local-time';
import { PERSONAS, generateEvents, generateProfiles } from '../../../core/simulator/sample-data';

const asOf = Date.parse('2026-05-01T00:00:00Z');

describe('sample profiles', () => {
  const profiles = generateProfiles({ count: 2000, seed: 7, asOf });

  it('are the same for the same seed, and different for another', () => {
    expect(generateProfiles({ count: 50, seed: 7, asOf })).toEqual(profiles.slice(0, 50));
    expect(generateProfiles({ count: 50, seed: 8, asOf })).not.toEqual(profiles.slice(0, 50));
  });

  it('look like real customers, with addresses that can never reach anyone', () => {
    const ids = new Set(profiles.map((p) => p.id));
    expect(ids.size).toBe(2000);
    expect(profiles[0]?.id).toBe('cust-00001');
    for (const { attributes } of profiles) {
      expect(attributes.email).toMatch(/^[a-z0-9.-]+@example\.(com|org|net)$/);
      expect(attributes.phone).toMatch(/^\+\d{8,13}$/);
      expect(isValidTimeZone(attributes.timezone as string)).toBe(true);
      expect(attributes.birthday).toMatch(/^(19[4-9]\d|200\d)-\d\d-\d\d$/);
      expect(attributes.score).toBeGreaterThanOrEqual(0);
      expect(attributes.score).toBeLessThanOrEqual(100);
    }
    expect(new Set(profiles.map((p) => p.attributes.email)).size).toBe(2000);
  });

  it('cover every persona, several time zones, and realistic consent', () => {
    const personas = new Set(profiles.map((p) => p.attributes.persona));
    expect([...personas].sort()).toEqual([...PERSONAS].sort());
    expect(new Set(profiles.map((p) => p.attributes.timezone)).size).toBeGreaterThan(6);
    const unsubscribed =
      profiles.filter((p) => p.attributes.unsubscribed === true).length / profiles.length;
    expect(unsubscribed).toBeGreaterThan(0.02);
    expect(unsubscribed).toBeLessThan(0.07);
    expect(
      profiles.filter((p) => p.attributes.vip === true).every((p) => p.attributes.tier === 'gold'),
    ).toBe(true);
  });
});

describe('sample names in the marketer’s language', () => {
  const NAMES = ['first_name', 'last_name', 'email'];
  const without = (attributes: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(attributes).filter(([k]) => !NAMES.includes(k)));
  const english = generateProfiles({ count: 300, seed: 7, asOf });
  const swedish = generateProfiles({ count: 300, seed: 7, asOf, names: 'sv' });
  const norwegian = generateProfiles({ count: 300, seed: 7, asOf, names: 'nb' });
  const firstNames = (profiles: typeof english) =>
    profiles.map((p) => p.attributes.first_name as string);
  const lastNames = (profiles: typeof english) =>
    profiles.map((p) => p.attributes.last_name as string);

  it('keep English exactly as it was for a seed', () => {
    expect(generateProfiles({ count: 300, seed: 7, asOf, names: 'en' })).toEqual(english);
    expect(
      generateProfiles({ count: 3, seed: 1, asOf }).map(
        (p) => `${p.attributes.first_name as string} ${p.attributes.last_name as string}`,
      ),
    ).toEqual(['Brielle Hegmann', 'Guido Pouros', 'Sonny Heller']);
  });

  it('are Swedish names from Swedish lists, with å, ä and ö, the same for a seed', () => {
    const swedishFirst = new Set(Object.values(sv.person?.first_name ?? {}).flat());
    const swedishLast = new Set(Object.values(sv.person?.last_name ?? {}).flat());
    for (const profile of swedish) {
      expect(swedishFirst.has(profile.attributes.first_name as string)).toBe(true);
      // A Swede may carry two surnames ("Ström Berg").
      for (const part of (profile.attributes.last_name as string).split(' '))
        expect(swedishLast.has(part)).toBe(true);
      expect(profile.attributes.email).toMatch(/^[a-z0-9.-]+@example\.(com|org|net)$/);
    }
    expect(lastNames(swedish).some((n) => /[åäö]/i.test(n))).toBe(true);
    expect(firstNames(swedish)).not.toEqual(firstNames(english));
    expect(generateProfiles({ count: 300, seed: 7, asOf, names: 'sv' })).toEqual(swedish);
    expect(generateProfiles({ count: 300, seed: 8, asOf, names: 'sv' })).not.toEqual(swedish);
  });

  it('are Norwegian names from Norwegian lists, addressed in plain letters (ø as o)', () => {
    const norwegianLast = new Set(Object.values(nb_NO.person?.last_name ?? {}).flat());
    for (const profile of norwegian)
      for (const part of (profile.attributes.last_name as string).split(' '))
        expect(norwegianLast.has(part)).toBe(true);
    const withLetter = norwegian.find((p) => /ø/.test(p.attributes.last_name as string));
    expect(withLetter).toBeDefined();
    const { last_name: last, email } = withLetter!.attributes as {
      last_name: string;
      email: string;
    };
    expect(email).toContain(last.toLowerCase().replace(/ø/g, 'o').replace(/ /g, ''));
  });

  it('give the same customers in every language, only their names differ', () => {
    expect(swedish.map((p) => without(p.attributes))).toEqual(
      english.map((p) => without(p.attributes)),
    );
    expect(norwegian.map((p) => p.id)).toEqual(english.map((p) => p.id));
  });
});

describe('sample events', () => {
  const profiles = generateProfiles({ count: 500, seed: 3, asOf });
  const events = generateEvents(profiles, { seed: 3, start: asOf, days: 14 });

  it('are reproducible, in time order, and inside the window', () => {
    expect(generateEvents(profiles, { seed: 3, start: asOf, days: 14 })).toEqual(events);
    for (let i = 1; i < events.length; i++)
      expect(events[i]!.time).toBeGreaterThanOrEqual(events[i - 1]!.time);
    expect(events[0]!.time).toBeGreaterThanOrEqual(asOf);
    expect(events.at(-1)!.time).toBeLessThan(asOf + 15 * 86_400_000);
  });

  it('follow the funnel: views, fewer carts, fewer purchases; sign-ups for new subscribers', () => {
    const count = (name: string) => events.filter((e) => e.name === name).length;
    expect(count('view')).toBeGreaterThan(count('cart'));
    expect(count('cart')).toBeGreaterThan(count('purchase'));
    expect(count('purchase')).toBeGreaterThan(0);
    const newcomers = profiles.filter((p) => p.attributes.persona === 'new-subscriber').length;
    expect(count('signup')).toBe(newcomers);
    const purchase = events.find((e) => e.name === 'purchase');
    expect(purchase?.properties).toMatchObject({
      brand: expect.any(String) as unknown,
      price: expect.any(Number) as unknown,
    });
  });
});
