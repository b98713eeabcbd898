import { expect, it } from 'vitest';
import { ProfileAliases } from '../../../core/adapters/sqlite/profile-aliases';
import type { JourneyEvent } from '../../../core/model/event';
import { makeProfile } from '../../../core/model/profile';
import type { OutboxMessage } from '../../../core/runtime/ports';
import { describeEachStore } from '../adapters/postgres/test-stores';
import { loadJourney } from '../fixtures';
import { executeScenario, plain, simulateScenario, type Scenario } from './agreement';

const T0 = Date.UTC(2026, 4, 4, 10, 0, 0);
const MIN = 60_000;

function event(
  profileId: string,
  name: string,
  minutes: number,
  properties: Record<string, unknown> = {},
  anonymousId?: string,
): JourneyEvent {
  return {
    profileId,
    name,
    time: T0 + minutes * MIN,
    properties,
    ...(anonymousId !== undefined && { anonymousId }),
  };
}

/**
 * Shoppers who fill a cart before they log in (DESIGN §8): Ann's anonymous cart becomes hers when
 * she is named with her anonymous id; Bo is in the journey already when his anonymous cart is
 * merged, so that enrollment ends as `merged`; an anonymous id seen only in history joins Cy; a
 * visitor who never logs in keeps an anonymous profile nobody can be mailed at.
 */
function scenario(): Scenario {
  return {
    journey: loadJourney('abandoned-cart.json'),
    profiles: [
      makeProfile('ann', { email: 'ann@example.com', first_name: 'Ann' }),
      makeProfile('bo', { email: 'bo@example.com', first_name: 'Bo' }),
      makeProfile('cy', { email: 'cy@example.com' }),
    ],
    events: [
      event('anon-cy', 'purchase', -60, { total: 10 }),
      event('anon-ann', 'cart', 0, { brand: 'Fjällräven', price: 1299 }),
      event('anon-bo', 'cart', 1, { brand: 'Haglöfs' }),
      event('bo', 'cart', 2, { brand: 'Tretorn' }),
      event('anon-zed', 'cart', 3, { brand: 'Norrøna' }),
      event('ann', 'Viewed Checkout Page', 10, {}, 'anon-ann'),
      event('bo', 'Viewed Checkout Page', 11, {}, 'anon-bo'),
      event('cy', 'cart', 12, { brand: 'Didriksons' }, 'anon-cy'),
      // Named again: nothing changes.
      event('ann', 'Viewed Cart Page', 13, {}, 'anon-ann'),
      // Her anonymous id alone, after the merge: it is Ann's.
      event('anon-ann', 'Viewed Home Page', 14),
    ],
    start: T0,
    end: T0 + 3 * 60 * MIN,
  };
}

function perProfile(messages: readonly OutboxMessage[]): Record<string, OutboxMessage[]> {
  const out: Record<string, OutboxMessage[]> = {};
  for (const m of plain(messages)) (out[m.profileId] ??= []).push(m);
  return out;
}

describeEachStore(
  'anonymous profiles merged into known ones: simulation and execution agree',
  (store) => {
    it('follows the same paths and sends the same mail to the known addresses', async () => {
      const s = scenario();
      const sim = simulateScenario(s);
      const exec = await executeScenario(s, { db: await store.open() });

      expect(plain(Object.fromEntries(exec.paths))).toEqual(plain(Object.fromEntries(sim.paths)));
      expect(perProfile(exec.messages)).toEqual(perProfile(sim.messages));

      // Ann's anonymous cart reached her known address, with what was in the cart.
      const toAnn = exec.messages.filter((m) => m.to === 'ann@example.com');
      expect(toAnn).toHaveLength(1);
      expect(JSON.stringify(toAnn[0]?.content)).toContain('Fjällräven');
      expect(toAnn[0]?.profileId).toBe('ann');
      // Bo gets one reminder, for the cart of his own enrollment; the anonymous one was merged.
      const toBo = exec.messages.filter((m) => m.to === 'bo@example.com');
      expect(toBo).toHaveLength(1);
      expect(JSON.stringify(toBo[0]?.content)).toContain('Tretorn');
      const merged = exec.enrollments.filter((e) => e.status === 'merged');
      expect(merged.map((e) => [e.id, e.profileId])).toEqual([['abandoned-cart:anon-bo:1', 'bo']]);
      // Nobody can be mailed at the visitor who never logged in.
      expect(exec.messages.some((m) => m.profileId === 'anon-zed')).toBe(false);
      expect(sim.report).toMatchObject({ outcomes: { merged: 1 } });

      // The known profiles hold the merged ids and the anonymous events; the anonymous ones are gone.
      const aliases = new ProfileAliases(exec.db);
      expect(aliases.mergedInto('ann').map((m) => m.id)).toEqual(['anon-ann']);
      expect(aliases.mergedInto('cy').map((m) => m.id)).toEqual(['anon-cy']);
      expect(exec.store.getProfile('anon-ann')).toBeUndefined();
      expect(exec.store.eventsOf('ann').map((e) => e.name)).toEqual([
        'cart',
        'Viewed Checkout Page',
        'Viewed Cart Page',
        'Viewed Home Page',
      ]);
      expect(exec.store.eventsOf('cy').map((e) => e.name)).toEqual(['purchase', 'cart']);
      exec.db.close();
    });
  },
);
