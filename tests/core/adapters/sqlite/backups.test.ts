import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppService } from '../../../../core/adapters/local-app';
import { SqliteBackups } from '../../../../core/adapters/sqlite/backups';
import { openDatabase } from '../../../../core/adapters/sqlite/database';
import type { AppService } from '../../../../core/app/app-service';
import { emptyJourney } from '../../../../core/model/journey-file';

const services: AppService[] = [];
afterEach(async () => {
  for (const service of services.splice(0)) await service.close();
});

const folder = () => mkdtempSync(join(tmpdir(), 'js-backups-'));

describe('backups', () => {
  it('are checked copies, private, one per reason and time, newest first', async () => {
    const file = join(folder(), 'journey-studio.db');
    const db = openDatabase(file);
    let now = Date.parse('2026-05-01T03:00:00Z');
    const backups = new SqliteBackups(db, file, { now: () => now });
    const first = await backups.backUp('daily');
    now += 60_000;
    const second = await backups.backUp('manual');
    expect(first.name).toBe('journey-studio-2026-05-01T030000Z-daily.db');
    expect(backups.list().map((b) => [b.name, b.reason])).toEqual([
      [second.name, 'manual'],
      [first.name, 'daily'],
    ]);
    expect(statSync(join(backups.folder, first.name)).mode & 0o777).toBe(0o600);
    expect(statSync(backups.folder).mode & 0o777).toBe(0o700);
    db.close();
  });

  it('are restored from the app: the library as it was, the replaced state kept, the engine running again', async () => {
    const dataDir = folder();
    const service = createAppService({ dataDir, eventApiPort: 0 });
    services.push(service);
    const { handlers } = service;
    const created = await handlers.createJourney({ name: 'Welcome' });
    expect((await handlers.getEngineInfo({})).running).toBe(true);
    const backup = await handlers.backUpNow({});
    await handlers.createJourney({ name: 'Later' });
    await handlers.saveJourney({
      journey: { ...emptyJourney('x', 'x'), ...created.journey, name: 'Renamed after' },
    });
    expect((await handlers.listJourneys({})).map((j) => j.name).sort()).toEqual([
      'Later',
      'Renamed after',
    ]);
    const restored = await handlers.restoreBackup({ name: backup.name });
    expect(restored.restored.name).toBe(backup.name);
    expect(restored.saved.reason).toBe('before-restore');
    expect((await handlers.listJourneys({})).map((j) => j.name)).toEqual(['Welcome']);
    expect((await handlers.getEngineInfo({})).running).toBe(true);
    // The state the restore replaced is a backup too: the restore can be undone.
    await handlers.restoreBackup({ name: restored.saved.name });
    expect((await handlers.listJourneys({})).map((j) => j.name).sort()).toEqual([
      'Later',
      'Renamed after',
    ]);
  });

  it('refuse a name that is not in the list', async () => {
    const service = createAppService({ dataDir: folder(), eventApiPort: 0 });
    services.push(service);
    await expect(service.handlers.restoreBackup({ name: 'other.db' })).rejects.toMatchObject({
      code: 'not-found',
    });
  });
});
