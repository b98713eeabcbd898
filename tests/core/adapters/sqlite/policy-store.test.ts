import { describe, expect, it } from 'vitest';
import { engineTables } from '../../../../core/adapters/engine-tables';
import { migrate, openDatabase } from '../../../../core/adapters/sqlite/database';
import { SqliteEngineStore } from '../../../../core/adapters/sqlite/engine-store';
import { SCHEMA_MIGRATIONS } from '../../../../core/adapters/sqlite/schema';
import { SENDING_POLICY_KEY } from '../../../../core/policy/sending-policy';
import type { EngineStore, OutboxMessage, Wake } from '../../../../core/runtime/ports';
import { MemoryStore } from '../../../../core/simulator/memory-store';
import { Rng } from '../../executor/scenario-generator';
import { describeEachStore, type TestStore } from '../postgres/test-stores';

const T = Date.parse('2026-05-01T10:00:00Z');

async function opened(on: TestStore): Promise<SqliteEngineStore> {
  return engineTables(await on.open(), { now: () => T }).store;
}

function drain(store: EngineStore): Wake[] {
  const out: Wake[] = [];
  if (store instanceof MemoryStore) {
    for (let w = store.wakes.pop(); w; w = store.wakes.pop()) out.push(w);
    return out;
  }
  const s = store as SqliteEngineStore;
  for (let next = s.nextWake(); next; next = s.nextWake()) {
    expect(s.takeWake(next)).toBe(true);
    out.push(next.wake);
  }
  return out;
}

function message(
  key: string,
  journeyId: string,
  at: number,
  extra: Partial<OutboxMessage> = {},
): OutboxMessage {
  return {
    key,
    journeyId,
    version: 1,
    nodeId: 'mail',
    enrollmentId: `${journeyId}:p:1`,
    profileId: 'p',
    channel: 'email',
    to: 'p@example.com',
    at,
    content: { channel: 'email', from: 'a@example.com', subject: 's', html: 'h' },
    ...extra,
  };
}

describeEachStore('the stores under a sending policy', (on) => {
  it('take wake-ups of one instant by priority, then journey id, as the simulator does', async () => {
    const rng = new Rng(15);
    const memory = new MemoryStore();
    const store = await opened(on);
    const wakes: Wake[] = [];
    for (let i = 0; i < 600; i++) {
      const at = T + rng.int(0, 8) * 1000;
      const journeyId = rng.pick(['a', 'b', 'c']);
      const priority = rng.pick([undefined, 10, 50, 90]);
      const profileId = `p${rng.int(0, 5)}`;
      const base = rng.chance(0.6)
        ? ({
            kind: 'enrollment',
            at,
            journeyId,
            profileId,
            enrollmentId: `${journeyId}:${profileId}:1`,
            token: i,
          } as const)
        : ({ kind: rng.pick(['segment', 'date'] as const), at, journeyId, profileId } as const);
      wakes.push(priority === undefined ? base : { ...base, priority });
    }
    // Scheduled in three transactions, read between them: the read-ahead is kept in order too.
    for (const part of [wakes.slice(0, 200), wakes.slice(200, 400), wakes.slice(400)]) {
      store.transaction(() => {
        store.nextWake();
        for (const wake of part) {
          memory.schedule(wake);
          store.schedule(wake);
        }
      });
    }
    const expected = drain(memory);
    for (let i = 1; i < expected.length; i++) {
      const [a, b] = [expected[i - 1] as Wake, expected[i] as Wake];
      if (a.at !== b.at) continue;
      expect(a.priority ?? 50).toBeGreaterThanOrEqual(b.priority ?? 50);
      if ((a.priority ?? 50) === (b.priority ?? 50)) expect(a.journeyId <= b.journeyId).toBe(true);
    }
    expect(store.transaction(() => drain(store))).toEqual(expected);
  });

  it('give the counted sends of a channel across journeys, without transactional ones', async () => {
    const memory = new MemoryStore({ policy: { email: { max: 1, per: 'P1D' } } });
    const store = await opened(on);
    const messages = [
      message('a/1', 'alpha', T),
      message('r/1', 'receipt', T + 1, { transactional: true }),
      message('b/1', 'bravo', T + 2),
      message('s/1', 'bravo', T + 2, {
        channel: 'sms',
        to: '+46700000000',
        content: { channel: 'sms', text: 'hi' },
      }),
      message('c/1', 'charlie', T + 2),
    ];
    store.transaction(() => {
      for (const m of messages) {
        memory.addMessage(m);
        store.addMessage(m);
      }
    });
    for (const since of [T, T + 1, T + 2, T + 3]) {
      const expected = memory.policySends('p', 'email', since);
      expect(store.transaction(() => store.policySends('p', 'email', since))).toEqual(expected);
    }
    expect(memory.policySends('p', 'email', T)).toEqual([
      { journeyId: 'alpha', at: T },
      { journeyId: 'bravo', at: T + 2 },
      { journeyId: 'charlie', at: T + 2 },
    ]);
    expect(memory.policySends('p', 'sms', T)).toEqual([{ journeyId: 'bravo', at: T + 2 }]);
    expect(memory.policySends('q', 'email', T)).toEqual([]);
  });

  it('read the library’s policy from its settings', async () => {
    const store = await opened(on);
    expect(store.transaction(() => store.sendingPolicy())).toEqual({});
    store.db
      .prepare('INSERT INTO settings (key, value) VALUES (?, ?)')
      .run(SENDING_POLICY_KEY, '{"sms":{"max":2,"per":"P7D"}}');
    // Read once per transaction: the executor forgets what it read after each one.
    expect(store.transaction(() => store.sendingPolicy())).toEqual({});
    store.discardCache();
    expect(store.transaction(() => store.sendingPolicy())).toEqual({
      sms: { max: 2, per: 'P7D' },
    });
  });
});

describe('migration 9', () => {
  it('keeps the wake-ups and messages of an older database', () => {
    const db = openDatabase(':memory:', { migrations: SCHEMA_MIGRATIONS.slice(0, 8) });
    const wake = { kind: 'date', at: T, journeyId: 'birthday', profileId: 'p' };
    db.prepare('INSERT INTO wakes (at, seq, key, wake) VALUES (?, 1, ?, ?)').run(
      T,
      'date\u0000birthday\u0000p',
      JSON.stringify(wake),
    );
    db.prepare(
      `INSERT INTO outbox (key, journey_id, version, node_id, enrollment_id, profile_id, channel,
                           address, at, content, next_attempt_at)
       VALUES ('k', 'j', 1, 'n', 'e', 'p', 'email', 'p@example.com', ?, '{}', ?)`,
    ).run(T, T);
    expect(migrate(db, SCHEMA_MIGRATIONS)).toBe(
      Math.max(...SCHEMA_MIGRATIONS.map((m) => m.version)),
    );
    expect(db.prepare('SELECT at, priority, journey_id, seq, key FROM wakes').all()).toEqual([
      { at: T, priority: 50, journey_id: 'birthday', seq: 1, key: 'date\u0000birthday\u0000p' },
    ]);
    const store = new SqliteEngineStore(db, { now: () => T });
    const next = store.transaction(() => store.nextWake());
    expect(next?.wake).toEqual(wake);
    expect(store.transaction(() => store.takeWake(next!))).toBe(true);
    expect(store.transaction(() => store.policySends('p', 'email', T))).toEqual([
      { journeyId: 'j', at: T },
    ]);
  });
});
