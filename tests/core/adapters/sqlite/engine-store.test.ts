import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { engineTables } from '../../../../core/adapters/engine-tables';
import { openDatabase } from '../../../../core/adapters/sqlite/database';
import { SqliteEngineStore } from '../../../../core/adapters/sqlite/engine-store';
import { makeProfile } from '../../../../core/model/profile';
import type { EngineStore, Enrollment, Wake } from '../../../../core/runtime/ports';
import { MemoryStore } from '../../../../core/simulator/memory-store';
import { Rng } from '../../executor/scenario-generator';
import { describeEachStore, type TestStore } from '../postgres/test-stores';

const T = Date.parse('2026-05-01T10:00:00Z');

function sqlite(file: string): SqliteEngineStore {
  return new SqliteEngineStore(openDatabase(file), { now: () => T });
}

/** The engine's store on a new database of `on`: SQLite's, or PostgreSQL's subclass of it. */
async function opened(on: TestStore): Promise<SqliteEngineStore> {
  return engineTables(await on.open(), { now: () => T }).store;
}

function enrollment(id: string, profileId: string, journeyId = 'j'): Enrollment {
  return {
    id,
    journeyId,
    version: 1,
    profileId,
    entry: 1,
    enteredAt: T,
    via: 'event',
    status: 'active',
    nodeId: 'start',
    visits: 0,
    variants: {},
  };
}

/** Drains the due wake-ups of either store, in the order each hands them out. */
function drain(store: EngineStore): Wake[] {
  if (store instanceof MemoryStore) {
    const out: Wake[] = [];
    for (let w = store.wakes.pop(); w; w = store.wakes.pop()) out.push(w);
    return out;
  }
  const s = store as SqliteEngineStore;
  const out: Wake[] = [];
  for (let next = s.nextWake(); next; next = s.nextWake()) {
    expect(s.takeWake(next)).toBe(true);
    out.push(next.wake);
  }
  return out;
}

describeEachStore('the engine store has the semantics of MemoryStore', (on) => {
  it('shows enrollments of every journey in creation order, with writes made earlier in the same transaction', async () => {
    const store = await opened(on);
    store.transaction(() => {
      store.putEnrollment(enrollment('j:p:1', 'p'));
      store.putEnrollment(enrollment('k:p:1', 'p', 'k'));
    });
    store.discardCache();
    store.transaction(() => {
      const [first] = store.enrollmentsOf('p');
      first!.status = 'completed';
      store.putEnrollment(first!);
      store.putEnrollment(enrollment('j:p:2', 'p'));
      // The same objects, changed, and the new one at the end.
      expect(store.enrollmentsOf('p').map((e) => [e.id, e.status])).toEqual([
        ['j:p:1', 'completed'],
        ['k:p:1', 'active'],
        ['j:p:2', 'active'],
      ]);
      expect(store.getEnrollment('j:p:1')).toBe(first);
    });
    store.discardCache();
    expect(store.enrollmentsOf('p').map((e) => [e.id, e.status])).toEqual([
      ['j:p:1', 'completed'],
      ['k:p:1', 'active'],
      ['j:p:2', 'active'],
    ]);
    expect(store.enrollmentsOf('nobody')).toEqual([]);
  });

  it('forgets writes of a transaction that fails', async () => {
    const store = await opened(on);
    expect(() =>
      store.transaction(() => {
        store.putProfile(makeProfile('p', { email: 'p@example.com' }));
        store.putEnrollment(enrollment('j:p:1', 'p'));
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(store.getProfile('p')).toBeUndefined();
    expect(store.enrollmentsOf('p')).toEqual([]);
  });

  it('takes wake-ups in exactly the order of the simulator’s queue, replacements included', async () => {
    const rng = new Rng(7);
    const memory = new MemoryStore();
    const store = await opened(on);
    const wakes: Wake[] = [];
    for (let i = 0; i < 400; i++) {
      const at = T + rng.int(0, 20) * 1000;
      const profileId = `p${rng.int(0, 30)}`;
      wakes.push(
        rng.chance(0.5)
          ? {
              kind: 'enrollment',
              at,
              journeyId: 'j',
              profileId,
              enrollmentId: `j:${profileId}:1`,
              token: i,
            }
          : {
              kind: rng.pick(['segment', 'date'] as const),
              at,
              journeyId: rng.pick(['j', 'k']),
              profileId,
            },
      );
    }
    store.transaction(() => {
      for (const wake of wakes) {
        memory.schedule(wake);
        store.schedule(wake);
      }
    });
    // Both leave a superseded enrollment wake-up in place (the interpreter ignores it by its
    // token) and replace segment and date wake-ups by key.
    const expected = drain(memory);
    expect(expected.length).toBeLessThan(wakes.length);
    expect(store.transaction(() => drain(store))).toEqual(expected);
  });

  it('counts messages a journey enqueued to a profile since a time, and matches suppressions lower-cased', async () => {
    const store = await opened(on);
    const memory = new MemoryStore({ suppressed: ['email:ann@example.com'] });
    store.db
      .prepare(
        "INSERT INTO suppressions (entry, reason, created_at) VALUES ('email:ann@example.com', 't', 0)",
      )
      .run();
    const message = (key: string, at: number, journeyId = 'j') => ({
      key,
      journeyId,
      version: 1,
      nodeId: 'm',
      enrollmentId: 'e',
      profileId: 'p',
      channel: 'email' as const,
      to: 'p@example.com',
      at,
      content: { channel: 'email' as const, from: 'a@b.c', subject: 's', html: 'h' },
    });
    for (const s of [store, memory] as EngineStore[]) {
      s.addMessage(message('1', T));
      s.addMessage(message('2', T + 10));
      s.addMessage(message('3', T + 20, 'k'));
      expect([
        s.sentCount('j', 'p', T),
        s.sentCount('j', 'p', T + 5),
        s.sentCount('k', 'p', 0),
      ]).toEqual([2, 1, 1]);
      expect(s.isSuppressed('email', 'Ann@Example.COM')).toBe(true);
      expect(s.isSuppressed('sms', 'ann@example.com')).toBe(false);
    }
    // A replayed step cannot enqueue its message twice.
    store.addMessage(message('1', T));
    expect((store.db.prepare('SELECT COUNT(*) AS n FROM outbox').get() as { n: number }).n).toBe(3);
  });

  it('keeps segment membership and profiles', async () => {
    const store = await opened(on);
    store.transaction(() => {
      expect(store.getSegmentMembership('j', 'p')).toBeUndefined();
      store.setSegmentMembership('j', 'p', true);
      store.putProfile(makeProfile('p', { score: 3, tags: ['a'] }));
    });
    store.discardCache();
    expect(store.getSegmentMembership('j', 'p')).toBe(true);
    expect(store.getProfile('p')).toEqual(makeProfile('p', { score: 3, tags: ['a'] }));
  });

  it('dedupes inputs by message id, across transactions', async () => {
    const store = await opened(on);
    const track = (messageId?: string) => ({
      type: 'track' as const,
      event: { profileId: 'p', name: 'x', properties: {}, ...(messageId && { messageId }) },
    });
    expect(store.transaction(() => store.accept([track('m1'), track('m1'), track()], T))).toEqual([
      'accepted',
      'duplicate',
      'accepted',
    ]);
    expect(store.transaction(() => store.accept([track('m1')], T + 1))).toEqual(['duplicate']);
    const pending = store.pendingInputs(10);
    expect(pending).toHaveLength(2);
    // An event without a time happened when it was accepted.
    expect(pending[0]).toMatchObject({
      receivedAt: T,
      input: { event: { time: T, messageId: 'm1' } },
    });
  });
});

// A file reopened: SQLite's own promise (PostgreSQL's identity columns never reuse a number).
describe('SqliteEngineStore on a file', () => {
  it('gives events persistent, strictly increasing sequence numbers', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'js-store-')), 'engine.db');
    const store = sqlite(file);
    const a = store.transaction(() =>
      store.addEvent({ profileId: 'p', name: 'a', time: T, properties: {} }),
    );
    const b = store.transaction(() =>
      store.addEvent({ profileId: 'q', name: 'b', time: T - 1, properties: { x: 1 } }),
    );
    expect(b.seq).toBeGreaterThan(a.seq);
    // Numbers are never reused, even after the newest event is removed and the file reopened.
    store.db.prepare('DELETE FROM events WHERE seq = ?').run(b.seq);
    store.db.close();
    const reopened = sqlite(file);
    const c = reopened.transaction(() =>
      reopened.addEvent({ profileId: 'p', name: 'c', time: T, properties: {} }),
    );
    expect(c.seq).toBeGreaterThan(b.seq);
    expect(reopened.eventsOf('p').map((e) => [e.name, e.seq])).toEqual([
      ['a', a.seq],
      ['c', c.seq],
    ]);
  });
});
