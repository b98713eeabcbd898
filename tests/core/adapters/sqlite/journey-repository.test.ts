import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  migrate,
  openDatabase,
  SchemaTooNewError,
} from '../../../../core/adapters/sqlite/database';
import { JourneyRepository } from '../../../../core/adapters/sqlite/journey-repository';
import { RevisionConflictError } from '../../../../core/app/ports';
import { serializeJourney } from '../../../../core/model/journey-file';
import { loadJourney } from '../../fixtures';

const T = Date.parse('2026-05-01T10:00:00Z');

describe('database', () => {
  it('opens in WAL mode with full durability and the latest schema', () => {
    const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'js-db-')), 'app.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(1);
  });

  it('applies only new migrations, and refuses a newer schema', () => {
    const db = openDatabase(':memory:', {
      migrations: [{ version: 1, name: 'a', sql: 'CREATE TABLE a (x);' }],
    });
    expect(
      migrate(db, [
        { version: 1, name: 'a', sql: 'CREATE TABLE a (x);' },
        { version: 2, name: 'b', sql: 'CREATE TABLE b (y);' },
      ]),
    ).toBe(2);
    expect(() => migrate(db, [{ version: 1, name: 'a', sql: '' }])).toThrow(SchemaTooNewError);
  });
});

describe('journey repository', () => {
  it('saves, lists, reads back byte-stable, and deletes', () => {
    const repo = new JourneyRepository(openDatabase(':memory:'));
    const journey = loadJourney('welcome-series.json');
    expect(repo.save(journey, T).revision).toBe(1);
    expect(repo.save(journey, T + 1, 1).revision).toBe(2);
    expect(repo.list().map((j) => j.journey.id)).toEqual(['welcome-series']);
    expect(serializeJourney(repo.get('welcome-series')?.journey ?? journey)).toBe(
      serializeJourney(journey),
    );
    expect(repo.delete('welcome-series')).toBe(true);
    expect(repo.get('welcome-series')).toBeUndefined();
  });

  it('refuses a save based on an older revision', () => {
    const repo = new JourneyRepository(openDatabase(':memory:'));
    const journey = loadJourney('birthday.json');
    repo.save(journey, T);
    repo.save(journey, T + 1, 1);
    expect(() => repo.save(journey, T + 2, 1)).toThrow(RevisionConflictError);
  });

  it('freezes published versions; later edits do not change them', () => {
    const repo = new JourneyRepository(openDatabase(':memory:'));
    const journey = loadJourney('abandoned-cart.json');
    repo.save(journey, T);
    expect(repo.publish('abandoned-cart', T)).toBe(1);
    repo.save({ ...journey, name: 'Renamed' }, T + 1);
    expect(repo.publish('abandoned-cart', T + 2)).toBe(2);
    expect(repo.version('abandoned-cart', 1)?.name).toBe('Abandoned cart reminder');
    expect(repo.version('abandoned-cart', 2)?.name).toBe('Renamed');
    expect(repo.latestVersion('abandoned-cart')).toBe(2);
  });
});
