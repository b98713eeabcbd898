import Database from 'better-sqlite3';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  statSync,
  writeFileSync,
  writeSync,
  closeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBrowserMode } from '../../../../core/adapters/http/app-server';
import { createAppService } from '../../../../core/adapters/local-app';
import {
  DatabaseDamagedError,
  openDatabase,
  SchemaTooNewError,
} from '../../../../core/adapters/sqlite/database';
import type { AppService } from '../../../../core/app/app-service';
import { serve, startCli, stop, TOKEN, type CliProcess } from '../../cli/cli-process';

const mode = (path: string) => statSync(path).mode & 0o777;
const folder = () => mkdtempSync(join(tmpdir(), 'js-files-'));

const services: AppService[] = [];
const processes: CliProcess[] = [];
afterEach(async () => {
  for (const service of services.splice(0)) await service.close();
  await Promise.all(processes.splice(0).map((run) => stop(run, 'SIGKILL')));
});

/** A database with enough rows that some pages hold nothing but table data. */
function filledDatabase(file: string): void {
  const db = openDatabase(file);
  const put = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
  db.transaction(() => {
    for (let i = 0; i < 2_000; i++) put.run(`key-${i}`, 'x'.repeat(200));
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

describe('the data folder and its files are the user’s alone', () => {
  it('a new database: folder 0700, the database and its WAL files 0600', () => {
    const file = join(folder(), 'new', 'app.db');
    const db = openDatabase(file);
    db.prepare("INSERT INTO settings (key, value) VALUES ('a', 'b')").run();
    expect(mode(join(file, '..'))).toBe(0o700);
    for (const path of [file, `${file}-wal`, `${file}-shm`]) expect(mode(path)).toBe(0o600);
    db.close();
  });

  it('an existing database left readable by others is made private when opened', () => {
    const dir = folder();
    const file = join(dir, 'app.db');
    openDatabase(file).close();
    chmodSync(file, 0o644);
    openDatabase(file).close();
    expect(mode(file)).toBe(0o600);
  });

  it('browser mode: the data folder 0700, database, secrets and engine lock 0600', async () => {
    const dataDir = join(folder(), 'Journey Studio');
    mkdirSync(dataDir, { mode: 0o755 });
    chmodSync(dataDir, 0o755);
    const server = await startBrowserMode({
      dataDir,
      token: 'browser-mode-token-0123456789',
      staticDir: folder(),
      port: 0,
      eventApiPort: 0,
    });
    try {
      const call = (method: string, input: unknown) =>
        fetch(`http://127.0.0.1:${server.port}/api/${method}`, {
          method: 'POST',
          headers: {
            authorization: 'Bearer browser-mode-token-0123456789',
            'content-type': 'application/json',
          },
          body: JSON.stringify(input),
        });
      await call('saveSmtpSettings', {
        host: 'mail.example.com',
        port: 587,
        security: 'starttls',
        username: 'u',
        from: '',
        password: 'secret',
      });
      const info = (await (await call('getEngineInfo', {})).json()) as {
        value: { running: boolean };
      };
      expect(info.value.running).toBe(true);
      expect(mode(dataDir)).toBe(0o700);
      for (const name of [
        'journey-studio.db',
        'journey-studio.db-wal',
        'journey-studio.db-engine.lock',
        'journey-studio.db-engine.pid',
        'browser-secrets.json',
      ])
        expect([name, mode(join(dataDir, name))]).toEqual([name, 0o600]);
    } finally {
      await server.close();
    }
  });

  it('the command line on the app’s data folder: 0700, and its files 0600', async () => {
    const dataDir = join(folder(), 'data');
    mkdirSync(dataDir, { mode: 0o755 });
    chmodSync(dataDir, 0o755);
    const run = await startCli(['serve', '--port', '0', '--token', TOKEN], {
      JOURNEY_STUDIO_DATA: dataDir,
    });
    processes.push(run);
    expect(run.engine).toBe(true);
    expect(mode(dataDir)).toBe(0o700);
    for (const name of ['journey-studio.db', 'journey-studio.db-wal', 'journey-studio.db-shm'])
      expect([name, mode(join(dataDir, name))]).toEqual([name, 0o600]);
  }, 30_000);
});

describe('a database that cannot be used is refused in words, and left as it was', () => {
  it('a file that is not a database', () => {
    const file = join(folder(), 'app.db');
    writeFileSync(file, 'These are my notes, not a database.\n'.repeat(200));
    const before = readFileSync(file);
    expect(() => openDatabase(file)).toThrow(DatabaseDamagedError);
    expect(() => openDatabase(file)).toThrow(/is damaged .*Restore the latest backup/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('a database whose pages are damaged fails the integrity check', () => {
    const file = join(folder(), 'app.db');
    filledDatabase(file);
    const fd = openSync(file, 'r+');
    // Overwrite the middle of the file, leaving the header intact.
    const size = statSync(file).size;
    writeSync(fd, Buffer.alloc(4096 * 3, 0x5a), 0, 4096 * 3, Math.floor(size / 2 / 4096) * 4096);
    closeSync(fd);
    expect(() => openDatabase(file)).toThrow(DatabaseDamagedError);
  });

  it('a database of a newer version', () => {
    const file = join(folder(), 'app.db');
    openDatabase(file).close();
    const raw = new Database(file);
    raw.pragma('user_version = 999');
    raw.close();
    expect(() => openDatabase(file)).toThrow(SchemaTooNewError);
    expect(() => openDatabase(file)).toThrow(
      /newer Journey Studio \(schema 999; .*the file was not changed/,
    );
  });

  it.each([
    [
      'not a database',
      (file: string) => writeFileSync(file, 'plain text, no database'.repeat(100)),
    ],
    [
      'of a newer version',
      (file: string) => {
        openDatabase(file).close();
        const raw = new Database(file);
        raw.pragma('user_version = 999');
        raw.close();
      },
    ],
  ])(
    'the command line says so in one line, without a stack trace: %s',
    async (_, make) => {
      const file = join(folder(), 'app.db');
      make(file);
      const run = await serve(file);
      expect(run.engine).toBe(false);
      expect(run.code).toBe(1);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(/damaged|newer Journey Studio/);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    },
    30_000,
  );

  it('the app service refuses it with the same words (browser mode and the desktop app)', () => {
    const dataDir = folder();
    writeFileSync(join(dataDir, 'journey-studio.db'), 'plain text, no database'.repeat(100));
    let error: unknown;
    try {
      services.push(createAppService({ dataDir }));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DatabaseDamagedError);
    expect((error as { code?: string }).code).toBe('database-unusable');
  });
});
