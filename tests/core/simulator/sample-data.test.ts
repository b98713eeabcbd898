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
