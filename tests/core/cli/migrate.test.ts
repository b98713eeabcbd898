import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COPIED_TABLES, tableCounts } from '../../../core/adapters/postgres/copy-database';
import { openPostgres } from '../../../core/adapters/postgres/pg-database';
import { openDatabase, type Db } from '../../../core/adapters/sqlite/database';
import { SqliteEngineStore } from '../../../core/adapters/sqlite/engine-store';
import { runCli } from '../../../core/cli/main';
import { wakeKey, type Wake } from '../../../core/runtime/ports';
import { postgresInstalled, startCluster, type PgCluster } from '../adapters/postgres/pg-cluster';
import { executeScenario } from '../executor/agreement';
import { randomScenario } from '../executor/scenario-generator';

let cluster: PgCluster;
beforeAll(async () => {
  if (postgresInstalled) cluster = await startCluster();
}, 60_000);
afterAll(() => cluster?.stop(), 60_000);

function capture() {
  const lines: string[] = [];
  return {
    lines,
    out: { print: (l: string) => lines.push(l), error: (l: string) => lines.push(l) },
  };
}

/**
 * A table's rows as sorted JSON, as the stores read them: without the columns only PostgreSQL
 * keeps, and a wake-up's key as the store makes it from the wake-up (PostgreSQL stores it escaped).
 */
function content(db: { prepare(sql: string): { all(): unknown[] } }, table: string): string[] {
  return (db.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[])
    .map((row) => {
      const { claimed_until: _claimed, ...kept } = row;
      if (table === 'inbox' || table === 'wakes') delete kept.profile_id;
      if (table === 'wakes' && kept.key !== null)
        kept.key = wakeKey(JSON.parse(String(kept.wake)) as Wake);
      // Columns added by a migration come last on PostgreSQL: compare by name, not place.
      const sorted = Object.fromEntries(Object.entries(kept).sort(([a], [b]) => (a < b ? -1 : 1)));
      return JSON.stringify(sorted, (_k, v: unknown) =>
        Buffer.isBuffer(v) ? v.toString('base64') : v,
      );
    })
    .sort();
}

async function filledDatabase(file: string): Promise<Db> {
  const db = openDatabase(file);
  // A scenario with segment and date wake-ups (keyed), messages, splits and history.
  for (const seed of [7, 23, 61]) {
    const scenario = randomScenario(seed);
    scenario.journey = { ...scenario.journey, id: `${scenario.journey.id}-${seed}` };
    await executeScenario(scenario, { db });
  }
  // Wake-ups still to come, one of them keyed (its key holds NUL, which PostgreSQL text cannot).
  const store = new SqliteEngineStore(db);
  store.transaction(() => {
    store.schedule({ kind: 'segment', at: 10, journeyId: 'j', profileId: 'p1' });
    store.schedule({
      kind: 'enrollment',
      at: 11,
      journeyId: 'j',
      profileId: 'p1',
      enrollmentId: 'j:p1:1',
      token: 3,
    });
  });
  db.prepare(
    "INSERT INTO images (id, name, type, width, height, size, data, added_at) VALUES ('i1', 'logo.png', 'image/png', 1, 1, 4, ?, 5)",
  ).run(Buffer.from([0, 1, 2, 255]));
  db.prepare(
    "INSERT INTO feedback (kind, source, channel, address, at) VALUES ('complaint', 'arf', 'email', 'a@example.com', 9)",
  ).run();
  return db;
}

describe.skipIf(!postgresInstalled)('migrate moves a library between SQLite and PostgreSQL', () => {
  it('copies every table without loss, up and back down', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'js-migrate-'));
    const file = join(dir, 'library.sqlite');
    const source = await filledDatabase(file);
    const before = tableCounts(source);
    expect(before.outbox).toBeGreaterThan(0);
    expect(before.wakes).toBeGreaterThan(0);
    source.close();

    const url = cluster.database();
    const up = capture();
    expect(await runCli(['migrate', '--from', file, '--to', url], up.out)).toBe(0);
    expect(up.lines.at(-1)).toBe('Row counts match table by table.');
    const pg = openPostgres(url);
    const sqlite = openDatabase(file);
    expect(tableCounts(pg)).toEqual(before);
    for (const table of COPIED_TABLES)
      expect(content(pg, table), table).toEqual(content(sqlite, table));
    // The copy runs on: new rows continue after the numbers copied.
    const last = (sqlite.prepare('SELECT MAX(seq) AS m FROM events').get() as { m: number }).m;
    const next = pg
      .prepare("INSERT INTO events (profile_id, name, time, properties) VALUES ('x', 'e', 1, '{}')")
      .run();
    expect(next.lastInsertRowid).toBe(last + 1);
    pg.prepare("DELETE FROM events WHERE profile_id = 'x'").run();
    pg.close();

    const back = join(dir, 'back.sqlite');
    const down = capture();
    expect(await runCli(['migrate', '--from', url, '--to', back], down.out)).toBe(0);
    const copy = openDatabase(back);
    for (const table of COPIED_TABLES)
      expect(content(copy, table), table).toEqual(content(sqlite, table));
    copy.close();
    sqlite.close();

    // Into a database that holds something already: refused, nothing mixed.
    const again = capture();
    expect(await runCli(['migrate', '--from', file, '--to', url], again.out)).toBe(1);
    expect(again.lines.join('\n')).toMatch(/already holds journeys|already holds/);
  }, 120_000);

  it('has every table of the schema in its list', () => {
    const db = openDatabase(':memory:');
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .all() as { name: string }[];
    expect([...COPIED_TABLES].sort()).toEqual(tables.map((t) => t.name).sort());
  });
});
