import { afterAll, describe } from 'vitest';
import { openPostgres, type PgDatabase } from '../../../../core/adapters/postgres/pg-database';
import { openDatabase, type Db } from '../../../../core/adapters/sqlite/database';
import { postgresInstalled, startCluster, type PgCluster } from './pg-cluster';

/** A database the engine's tables live on, for a test that runs the same scenario on each. */
export interface TestStore {
  readonly name: 'SQLite' | 'PostgreSQL';
  /** A new database with the schema in place, closed after the test file if the test did not. */
  open(): Promise<Db>;
}

let stores: TestStore[] | undefined;

/**
 * SQLite and PostgreSQL for this test file. PostgreSQL's throw-away cluster starts when a test
 * first opens a database on it, once per file, and stops after the file; each `open()` is a
 * fresh database copied from a migrated template, so scenarios never see each other's rows.
 */
export function testStores(): TestStore[] {
  if (stores) return stores;
  let cluster: PgCluster | undefined;
  const opened: PgDatabase[] = [];
  afterAll(() => {
    for (const db of opened.splice(0)) db.close();
    cluster?.stop();
    cluster = undefined;
  }, 60_000);
  stores = [
    { name: 'SQLite', open: () => Promise.resolve(openDatabase(':memory:')) },
    {
      name: 'PostgreSQL',
      async open() {
        cluster ??= await startCluster();
        const db = openPostgres(cluster.migrated());
        opened.push(db);
        return db.asDb();
      },
    },
  ];
  return stores;
}

/**
 * `describe(title on <store>)` once per store, each running `body` with its store. Without
 * PostgreSQL on the machine its half is skipped, so the SQLite suite needs no server.
 */
export function describeEachStore(title: string, body: (store: TestStore) => void): void {
  for (const store of testStores())
    describe.skipIf(store.name === 'PostgreSQL' && !postgresInstalled)(
      `${title} on ${store.name}`,
      () => body(store),
    );
}

/**
 * The seeds a generated scenario runs with on `store`: all of them on SQLite, every tenth on
 * PostgreSQL — the same code paths, at a round trip per statement.
 */
export function seedsOn(store: TestStore, seeds: readonly number[]): number[] {
  return store.name === 'PostgreSQL' ? seeds.filter((seed) => seed % 10 === 0) : [...seeds];
}
