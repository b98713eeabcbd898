import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { engineTables } from '../../../core/adapters/engine-tables';
import { PostgresError } from '../../../core/adapters/postgres/pg-connection';
import { openDatabase, type Db } from '../../../core/adapters/sqlite/database';
import { ManualClock } from '../../../core/adapters/system-clock';
import { Executor } from '../../../core/executor/executor';
import type { JourneyEvent } from '../../../core/model/event';
import type { Journey } from '../../../core/model/journey';
import { makeProfile } from '../../../core/model/profile';
import type { StepRecord } from '../../../core/runtime/ports';
import { describeEachStore, type TestStore } from '../adapters/postgres/test-stores';
import { chain, edge, journey, node } from '../build';
import { executeScenario, plain, simulateScenario } from './agreement';

const T = Date.parse('2026-05-01T10:00:00Z');
const MIN = 60_000;

const mail = (id: string, subject = 'Hello') =>
  node(id, 'message', { channel: 'email', from: 'shop@example.com', subject, html: '<p>Hi</p>' });

function engine(db: Db, options: { batchSize?: number } = {}) {
  const { store, journeys: live } = engineTables(db, { now: () => T });
  const clock = new ManualClock(T);
  const records: StepRecord[] = [];
  const executor = new Executor({
    store,
    catalog: live,
    library: live,
    clock,
    observer: { record: (r) => records.push(r) },
    batchSize: options.batchSize,
  });
  // Profiles met first in an event get an address, so their messages are sent.
  const track = (profileId: string, name: string, at: number, properties = {}) =>
    executor.ingest(
      [
        { type: 'identify', profileId, traits: { email: `${profileId}@example.com` } },
        { type: 'track', event: { profileId, name, properties } },
      ],
      at,
    );
  return { db, store, live, clock, records, executor, track };
}

/** What each database throws when it cannot write: the engine rolls back and tries again later. */
const storageError = (on: TestStore) =>
  on.name === 'SQLite'
    ? new Database.SqliteError('disk I/O error', 'SQLITE_IOERR')
    : new PostgresError('disk I/O error', '58030');

const count = (db: Database.Database, sql: string) => (db.prepare(sql).get() as { n: number }).n;

describeEachStore('the executor keeps the simulator’s timeline', (on) => {
  // cart → wait 10 minutes → did they buy since entering? → mail if not.
  const j = journey(
    [
      node('start', 'trigger', { on: 'event', event: 'cart' }),
      node('w', 'wait', { mode: 'duration', duration: 'PT10M' }),
      node('bought', 'condition', { event: 'purchase', op: 'performed', since: 'entry' }),
      mail('mail'),
    ],
    [...chain('start', 'w', 'bought'), edge('bought', 'mail', 'no')],
  );

  it.each([
    ['at the wake-up’s instant: the event goes first', 10 * MIN, 0],
    ['a millisecond later: the wake-up goes first', 10 * MIN + 1, 1],
  ])('a purchase %s', async (_, offset, mails) => {
    const events: JourneyEvent[] = [
      { profileId: 'p', name: 'cart', time: T, properties: {} },
      { profileId: 'p', name: 'purchase', time: T + offset, properties: {} },
    ];
    const scenario = {
      journey: j,
      profiles: [makeProfile('p', { email: 'p@example.com' })],
      events,
      start: T,
      end: T + 60 * MIN,
    };
    const exec = await executeScenario(scenario, { db: await on.open() });
    expect(exec.messages).toHaveLength(mails);
    const sim = simulateScenario(scenario);
    expect(plain(Object.fromEntries(exec.paths))).toEqual(plain(Object.fromEntries(sim.paths)));
  });

  it('runs nothing before its time, and everything due once the clock gets there', async () => {
    const e = engine(await on.open());
    e.executor.publish(j, T);
    e.track('p', 'cart', T);
    expect(e.executor.runDue(T)).toMatchObject({ inputs: 2, wakes: 0, more: false });
    expect(e.executor.nextDueAt()).toBe(T + 10 * MIN);
    expect(e.executor.runDue(T + 10 * MIN - 1).wakes).toBe(0);
    expect(e.executor.runDue(T + 10 * MIN).wakes).toBe(1);
    expect(count(e.db, 'SELECT COUNT(*) AS n FROM outbox')).toBe(1);
  });

  it('stops after a unit limit and says there is more', async () => {
    const e = engine(await on.open(), { batchSize: 2 });
    e.executor.publish(j, T);
    for (let i = 0; i < 5; i++) e.track(`p${i}`, 'cart', T);
    expect(e.executor.runDue(T, 3)).toMatchObject({ inputs: 3, more: true });
    expect(e.executor.runDue(T)).toMatchObject({ inputs: 7, more: false });
  });
});

describeEachStore('publishing', (on) => {
  const v1 = journey(
    [
      node('start', 'trigger', { on: 'event', event: 'cart' }),
      node('w', 'wait', { mode: 'duration', duration: 'PT1H' }),
      mail('m', 'Version one'),
    ],
    chain('start', 'w', 'm'),
    {},
    'cart',
  );
  const v2: Journey = { ...v1, nodes: [...v1.nodes.slice(0, 2), mail('m', 'Version two')] };

  it('freezes versions; running enrollments finish on the version they entered with', async () => {
    const e = engine(await on.open());
    expect(e.executor.publish(v1, T)).toMatchObject({ version: 1, created: true, starting: false });
    expect(e.executor.publish(v1, T + 1)).toMatchObject({ version: 1, created: false });
    e.track('early', 'cart', T);
    e.executor.runDue(T);
    expect(e.executor.publish(v2, T + MIN)).toMatchObject({ version: 2, created: true });
    e.track('late', 'cart', T + MIN);
    e.executor.runDue(T + 2 * 60 * MIN);
    const subjects = (
      e.db.prepare('SELECT profile_id, version, content FROM outbox ORDER BY profile_id').all() as {
        profile_id: string;
        version: number;
        content: string;
      }[]
    ).map(({ content, ...row }) => ({
      ...row,
      subject: (JSON.parse(content) as { subject: string }).subject,
    }));
    expect(subjects).toEqual([
      { profile_id: 'early', version: 1, subject: 'Version one' },
      { profile_id: 'late', version: 2, subject: 'Version two' },
    ]);
  });

  it('starts a segment journey for every existing profile, in batches, in the order they were added', async () => {
    const e = engine(await on.open(), { batchSize: 3 });
    const segment = journey(
      [
        node('start', 'trigger', {
          on: 'segment',
          condition: { attribute: 'vip', op: 'eq', value: true },
        }),
        mail('m'),
      ],
      chain('start', 'm'),
      {},
      'vips',
    );
    e.store.transaction(() => {
      for (let i = 9; i >= 0; i--)
        e.store.putProfile(makeProfile(`p${i}`, { email: `p${i}@example.com`, vip: i % 2 === 0 }));
    });
    expect(e.executor.publish(segment, T)).toMatchObject({ starting: true });
    expect(e.executor.runDue(T)).toMatchObject({ started: 10, more: false });
    expect(e.records.filter((r) => r.type === 'enter').map((r) => r.profileId)).toEqual([
      'p8',
      'p6',
      'p4',
      'p2',
      'p0',
    ]);
    expect(count(e.db, 'SELECT COUNT(*) AS n FROM inbox')).toBe(0);
  });
});

describeEachStore('crash safety of the unit of work', (on) => {
  const j = journey(
    [node('start', 'trigger', { on: 'event', event: 'cart' }), mail('m')],
    chain('start', 'm'),
  );

  it('sets a failing unit aside with its error and carries on with the others', async () => {
    const e = engine(await on.open());
    e.executor.publish(j, T);
    const addEvent = e.store.addEvent.bind(e.store);
    e.store.addEvent = (event) => {
      if (event.profileId === 'bad') throw new Error('a bug in a unit');
      return addEvent(event);
    };
    e.track('a', 'cart', T);
    e.track('bad', 'cart', T);
    e.track('b', 'cart', T);
    expect(e.executor.runDue(T)).toMatchObject({ inputs: 6, failed: 1 });
    expect(e.db.prepare('SELECT profile_id FROM outbox ORDER BY id').all()).toEqual([
      { profile_id: 'a' },
      { profile_id: 'b' },
    ]);
    const failure = e.db.prepare('SELECT source, error FROM failures').get() as {
      source: string;
      error: string;
    };
    expect(failure.source).toBe('input');
    expect(failure.error).toContain('a bug in a unit');
    // Nothing of the failed unit was kept.
    expect(count(e.db, "SELECT COUNT(*) AS n FROM events WHERE profile_id = 'bad'")).toBe(0);
    expect(e.records.some((r) => r.profileId === 'bad' && r.type === 'enter')).toBe(false);
  });

  it('rolls the whole transaction back on a storage error, keeping the inputs for later', async () => {
    const e = engine(await on.open());
    e.executor.publish(j, T);
    e.track('a', 'cart', T);
    e.track('b', 'cart', T);
    const addMessage = e.store.addMessage.bind(e.store);
    e.store.addMessage = (message) => {
      if (message.profileId === 'b') throw storageError(on);
      return addMessage(message);
    };
    expect(() => e.executor.runDue(T)).toThrow('disk I/O error');
    expect(count(e.db, 'SELECT COUNT(*) AS n FROM inbox')).toBe(4);
    expect(count(e.db, 'SELECT COUNT(*) AS n FROM outbox')).toBe(0);
    expect(e.records).toEqual([]);
    e.store.addMessage = addMessage;
    expect(e.executor.runDue(T)).toMatchObject({ inputs: 4, failed: 0 });
    expect(count(e.db, 'SELECT COUNT(*) AS n FROM outbox')).toBe(2);
  });
});

describe('a restart', () => {
  const j = journey(
    [node('start', 'trigger', { on: 'event', event: 'cart' }), mail('m')],
    chain('start', 'm'),
  );

  it('resumes after a restart: accepted inputs are applied by the next process', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'js-exec-')), 'engine.db');
    const first = engine(openDatabase(file));
    first.executor.publish(j, T);
    first.track('p', 'cart', T);
    first.db.close();
    const second = engine(openDatabase(file));
    expect(second.executor.runDue(T + 1)).toMatchObject({ inputs: 2 });
    expect(count(second.db, 'SELECT COUNT(*) AS n FROM outbox')).toBe(1);
  });
});
