import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, translateSql } from '../../../../core/adapters/postgres/pg-database';
import { POSTGRES_MIGRATIONS } from '../../../../core/adapters/postgres/schema';
import { SCHEMA_MIGRATIONS } from '../../../../core/adapters/sqlite/schema';
import { postgresInstalled, startCluster, type PgCluster } from './pg-cluster';

let cluster: PgCluster;
beforeAll(async () => {
  if (postgresInstalled) cluster = await startCluster();
}, 60_000);
afterAll(() => cluster?.stop(), 60_000);

describe.skipIf(!postgresInstalled)('the PostgreSQL schema', () => {
  it('has a counterpart for every SQLite migration, with the same number and name', () => {
    expect(POSTGRES_MIGRATIONS.map((m) => [m.version, m.name])).toEqual(
      SCHEMA_MIGRATIONS.map((m) => [m.version, m.name]),
    );
  });

  it('migrates a new database once, and refuses one a newer version wrote', () => {
    const url = cluster.database();
    const db = openPostgres(url);
    expect(db.query('SELECT version FROM journey_studio_schema').rows).toEqual([
      { version: POSTGRES_MIGRATIONS.length },
    ]);
    db.close();
    openPostgres(url).close();
    expect(() => openPostgres(url, POSTGRES_MIGRATIONS.slice(0, 3))).toThrow(
      /newer Journey Studio/,
    );
  });
});

describe.skipIf(!postgresInstalled)('SQL said the PostgreSQL way', () => {
  it('numbers placeholders outside quoted text and returns row ids of inserts', () => {
    expect(
      translateSql("SELECT * FROM outbox INDEXED BY outbox_due WHERE a = ? AND b = '?' AND c = ?"),
    ).toEqual({ text: "SELECT * FROM outbox WHERE a = $1 AND b = '?' AND c = $2" });
    expect(translateSql('INSERT INTO journeys (id, a, b) VALUES (@id, @now, @now)')).toEqual({
      text: 'INSERT INTO journeys (id, a, b) VALUES ($1, $2, $2)',
      names: ['id', 'now'],
    });
    expect(translateSql('SELECT journey_id AS journeyId, at FROM outbox').text).toBe(
      'SELECT journey_id AS "journeyId", at FROM outbox',
    );
    expect(translateSql('INSERT INTO events (name) VALUES (?)').text).toBe(
      'INSERT INTO events (name) VALUES ($1) RETURNING seq',
    );
  });

  it('runs statements, transactions and savepoints as better-sqlite3 does', () => {
    const db = openPostgres(cluster.database());
    const put = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
    db.transaction(() => {
      put.run('a', '1');
      expect(() =>
        db.transaction(() => {
          put.run('b', '2');
          put.run('a', 'again');
        })(),
      ).toThrow(/duplicate key/);
    })();
    expect(db.prepare('SELECT key, value FROM settings ORDER BY key').all()).toEqual([
      { key: 'a', value: '1' },
    ]);
    expect(() => db.transaction(() => put.run('a', 'x'))()).toThrow();
    expect(db.inTransaction).toBe(false);
    const added = db.prepare(
      'INSERT INTO events (profile_id, name, time, properties) VALUES (?, ?, ?, ?)',
    );
    expect(added.run('p', 'cart', 5, '{}').lastInsertRowid).toBe(1);
    expect(added.run('p', 'cart', 6, '{}').lastInsertRowid).toBe(2);
    expect(db.prepare('SELECT COUNT(*) AS n, MAX(time) AS t FROM events').get()).toEqual({
      n: 2,
      t: 6,
    });
    db.close();
  });
});
