import { expect, it } from 'vitest';
import { engineTables } from '../../../core/adapters/engine-tables';
import { ProfileAliases } from '../../../core/adapters/sqlite/profile-aliases';
import { makeProfile } from '../../../core/model/profile';
import { compileJourney } from '../../../core/runtime/compiled-journey';
import { Interpreter, fixedCatalog } from '../../../core/runtime/interpreter';
import type { EngineStore } from '../../../core/runtime/ports';
import { MAX_MERGED_IDS } from '../../../core/runtime/profile-merge';
import { MemoryStore } from '../../../core/simulator/memory-store';
import { describeEachStore, type TestStore } from '../adapters/postgres/test-stores';
import { chain, journey, node } from '../build';

const T = Date.parse('2026-05-04T10:00:00Z');

const cart = compileJourney(
  journey(
    [
      node('start', 'trigger', { on: 'event', event: 'cart' }),
      node('w', 'wait', { mode: 'duration', duration: 'P1D' }),
    ],
    chain('start', 'w'),
    {},
    'cart',
  ),
);

async function opened(on: TestStore) {
  const db = await on.open();
  const { store } = engineTables(db, { now: () => 0 });
  const interpreter = new Interpreter({ catalog: fixedCatalog([cart]), store });
  /** Each call in a transaction of its own, as the executor runs a unit. */
  const unit = <T>(work: () => T): T => store.transaction(work);
  const dump = () => ({
    profiles: db.prepare('SELECT id, attributes FROM profiles ORDER BY id').all(),
    events: db.prepare('SELECT seq, profile_id, name FROM events ORDER BY seq').all(),
    enrollments: db.prepare('SELECT id, profile_id, status FROM enrollments ORDER BY ord').all(),
    aliases: db.prepare('SELECT alias, profile_id, merged_at FROM profile_aliases').all(),
  });
  return { db, store, interpreter, unit, dump };
}

describeEachStore('merging an anonymous profile into a known one', (on) => {
  it('gives the known profile the attributes it lacks, the events and the enrollments', async () => {
    const { store, interpreter, unit } = await opened(on);
    unit(() => store.putProfile(makeProfile('ann', { email: 'ann@example.com', city: 'Oslo' })));
    unit(() => interpreter.handleIdentify('a-1', { city: 'Bergen', shoe_size: 38 }, T));
    unit(() =>
      interpreter.handleEvent({ profileId: 'a-1', name: 'cart', time: T, properties: {} }, T),
    );
    unit(() => interpreter.handleIdentify('ann', { first_name: 'Ann' }, T + 1, 'a-1'));
    unit(() => {
      expect(store.getProfile('ann')?.attributes).toEqual({
        id: 'ann',
        email: 'ann@example.com',
        city: 'Oslo',
        shoe_size: 38,
        first_name: 'Ann',
      });
      expect(store.getProfile('a-1')).toBeUndefined();
      expect(store.eventsOf('ann').map((e) => e.name)).toEqual(['cart']);
      expect(store.enrollmentsOf('ann').map((e) => [e.id, e.profileId, e.status])).toEqual([
        ['cart:a-1:1', 'ann', 'active'],
      ]);
    });
  });

  it('changes nothing when the same identify comes again, and keeps the first merge of an id', async () => {
    const { store, interpreter, unit, dump } = await opened(on);
    unit(() =>
      interpreter.handleEvent({ profileId: 'a-1', name: 'cart', time: T, properties: {} }, T),
    );
    unit(() => interpreter.handleIdentify('ann', { email: 'ann@example.com' }, T + 1, 'a-1'));
    const once = dump();
    unit(() => interpreter.handleIdentify('ann', { email: 'ann@example.com' }, T + 2, 'a-1'));
    expect(dump()).toEqual(once);
    // The same anonymous id named with someone else later: it stays Ann's.
    unit(() => interpreter.handleIdentify('bo', { email: 'bo@example.com' }, T + 3, 'a-1'));
    expect(dump().aliases).toEqual(once.aliases);
    expect(dump().enrollments).toEqual(once.enrollments);
    unit(() => expect(store.enrollmentsOf('bo')).toEqual([]));
  });

  it('is all or nothing: a unit that fails after merging leaves both profiles as they were', async () => {
    const { store, interpreter, unit, dump } = await opened(on);
    unit(() =>
      interpreter.handleEvent({ profileId: 'a-1', name: 'cart', time: T, properties: {} }, T),
    );
    unit(() => store.putProfile(makeProfile('ann', { email: 'ann@example.com' })));
    const before = dump();
    expect(() =>
      unit(() => {
        interpreter.handleIdentify('ann', {}, T + 1, 'a-1');
        throw new Error('the disk is full');
      }),
    ).toThrow('the disk is full');
    expect(dump()).toEqual(before);
  });

  it(`keeps the latest ${MAX_MERGED_IDS} merged ids of a profile, in the database and in memory alike`, async () => {
    const { store, interpreter, unit, db } = await opened(on);
    const memory = new MemoryStore();
    const inMemory = new Interpreter({ catalog: fixedCatalog([cart]), store: memory });
    const ids = Array.from({ length: MAX_MERGED_IDS + 5 }, (_, i) => `a-${i}`);
    const drive = (run: (i: Interpreter, s: EngineStore) => void) => {
      unit(() => run(interpreter, store));
      run(inMemory, memory);
    };
    ids.forEach((id, i) =>
      drive((it) => {
        it.handleEvent({ profileId: id, name: 'visit', time: T + i, properties: {} }, T + i);
        it.handleIdentify('ann', {}, T + i, id);
      }),
    );
    const kept = new ProfileAliases(db).mergedInto('ann').map((m) => m.id);
    expect(kept).toEqual(ids.slice(5).reverse());
    // Every anonymous profile was merged whole, forgotten id or not.
    unit(() => expect(store.eventsOf('ann')).toHaveLength(ids.length));
    expect(memory.eventsOf('ann')).toHaveLength(ids.length);
    // A forgotten id names a new anonymous profile; a kept one is Ann's.
    drive((it, s) => {
      it.handleEvent({ profileId: 'a-0', name: 'visit', time: T + 99, properties: {} }, T + 99);
      it.handleEvent({ profileId: 'a-9', name: 'visit', time: T + 99, properties: {} }, T + 99);
      expect(s.eventsOf('a-0')).toHaveLength(1);
      expect(s.eventsOf('ann')).toHaveLength(ids.length + 1);
    });
  });
});
