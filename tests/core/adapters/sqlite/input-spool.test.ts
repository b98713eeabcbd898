import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../../core/adapters/sqlite/database';
import {
  openSpool,
  SpoolCollector,
  spoolFile,
  spoolPending,
  SpoolWriter,
} from '../../../../core/adapters/sqlite/input-spool';
import { SuppressionList } from '../../../../core/adapters/sqlite/suppressions';
import type { EngineInput } from '../../../../core/executor/ports';

const T = Date.parse('2026-05-01T10:00:00Z');

function setup() {
  const file = join(mkdtempSync(join(tmpdir(), 'js-spool-')), 'engine.db');
  const engine = openDatabase(file);
  const spool = openSpool(spoolFile(file));
  const suppressions = new SuppressionList(engine);
  const writer = new SpoolWriter(spool, engine);
  const collector = new SpoolCollector(engine, spool, (target, at) =>
    suppressions.add(target.channel, target.address, `unsubscribe link (${target.journeyId})`, at),
  );
  return { file, engine, spool, writer, collector, suppressions };
}

const track = (profileId: string, messageId?: string): EngineInput => ({
  type: 'track',
  event: { profileId, name: 'cart', properties: {}, ...(messageId && { messageId }) },
});

/** Another connection to the spool of a database. */
function spoolOf(file: string): Db {
  return openSpool(spoolFile(file));
}

function inbox(db: Db) {
  return (
    db.prepare('SELECT received_at, body FROM inbox ORDER BY id').all() as {
      received_at: number;
      body: string;
    }[]
  ).map((r) => ({ at: r.received_at, input: JSON.parse(r.body) as EngineInput }));
}

describe('the event API’s spool', () => {
  it('keeps what it accepted until the engine moves it into its inbox, stamped with the time', () => {
    const { engine, spool, writer, collector } = setup();
    expect(writer.accept([track('ann'), track('bob')], T)).toEqual(['accepted', 'accepted']);
    expect(inbox(engine)).toEqual([]);
    expect(collector.pending()).toBe(2);
    expect(collector.collect(0)).toBe(2);
    expect(inbox(engine).map((r) => [r.at, r.input])).toEqual([
      [T, { type: 'track', event: { profileId: 'ann', name: 'cart', properties: {}, time: T } }],
      [T, { type: 'track', event: { profileId: 'bob', name: 'cart', properties: {}, time: T } }],
    ]);
    expect(spoolPending(spool)).toBe(0);
  });

  it('recognises a repeated message id, waiting in the spool or already taken in', () => {
    const { writer, collector } = setup();
    expect(writer.accept([track('ann', 'm1'), track('ann', 'm1')], T)).toEqual([
      'accepted',
      'duplicate',
    ]);
    expect(writer.accept([track('ann', 'm1')], T + 1)).toEqual(['duplicate']);
    collector.collect(0);
    expect(writer.accept([track('ann', 'm1'), track('ann', 'm2')], T + 2)).toEqual([
      'duplicate',
      'accepted',
    ]);
  });

  it('recognises a retry that arrives while the engine moves the first copy into its inbox', () => {
    const { file, engine, writer } = setup();
    writer.accept([track('ann', 'm1')], T);
    // The engine's own connection to the spool, as in production (another thread).
    const enginesSpool = openSpool(spoolFile(file));
    enginesSpool.pragma('busy_timeout = 50');
    const collector = new SpoolCollector(engine, enginesSpool, () => undefined);
    // The engine moves the first copy just when the retry has looked for its id in the inbox.
    const prepare = engine.prepare.bind(engine);
    let moved: unknown;
    const retrying = new SpoolWriter(spoolOf(file), {
      prepare: (sql: string) => {
        const statement = prepare(sql);
        return {
          get: (...args: unknown[]) => {
            const found = statement.get(...args);
            try {
              collector.collect(0);
            } catch (error) {
              moved = error;
            }
            return found;
          },
        };
      },
    } as unknown as Db);
    expect(retrying.accept([track('ann', 'm1')], T + 1)).toEqual(['duplicate']);
    // The move waited for the retry to finish (here, gave up waiting); it runs again next turn.
    expect(String(moved)).toMatch(/locked|busy/i);
    collector.collect(0);
    expect(inbox(engine)).toHaveLength(1);
  });

  it('applies an input no earlier than the time the engine has already run to', () => {
    const { engine, writer, collector } = setup();
    writer.accept([track('ann')], T);
    collector.collect(T + 5);
    // Applied after what ran up to T + 5; the event keeps the time it was accepted.
    expect(
      inbox(engine).map((r) => [r.at, (r.input as { event: { time: number } }).event.time]),
    ).toEqual([[T + 5, T]]);
  });

  it('puts one-click unsubscribes on the suppression list', () => {
    const { writer, collector, suppressions } = setup();
    writer.unsubscribe(
      { channel: 'email', address: 'Ann@Example.com', profileId: 'ann', journeyId: 'cart' },
      T,
    );
    collector.collect(0);
    expect(suppressions.has('email', 'ann@example.com')).toBe(true);
  });

  it('moves nothing twice when a crash came between the move and clearing the spool', () => {
    const { engine, spool, writer, collector } = setup();
    writer.accept([track('ann'), track('bob')], T);
    // The move committed; the crash came before the moved rows were cleared.
    const rows = spool.prepare('SELECT * FROM spool').all() as Record<string, unknown>[];
    collector.collect(0);
    const put = spool.prepare(
      'INSERT INTO spool (id, received_at, kind, body, message_id) VALUES (@id, @received_at, @kind, @body, @message_id)',
    );
    for (const row of rows) put.run(row);
    writer.accept([track('cy')], T + 1);
    expect(collector.collect(0)).toBe(1);
    expect(
      inbox(engine).map((r) => (r.input as { event: { profileId: string } }).event.profileId),
    ).toEqual(['ann', 'bob', 'cy']);
    expect(spoolPending(spool)).toBe(0);
  });

  it('a spool made afresh (the file was lost) is taken in from its first row', () => {
    const { file, engine, spool, writer, collector } = setup();
    writer.accept([track('ann')], T);
    collector.collect(0);
    spool.close();
    for (const suffix of ['', '-wal', '-shm'])
      rmSync(`${spoolFile(file)}${suffix}`, { force: true });
    const fresh = openSpool(spoolFile(file));
    new SpoolWriter(fresh, engine).accept([track('bob')], T + 1);
    new SpoolCollector(engine, fresh, () => undefined).collect(0);
    expect(
      inbox(engine).map((r) => (r.input as { event: { profileId: string } }).event.profileId),
    ).toEqual(['ann', 'bob']);
  });
});
