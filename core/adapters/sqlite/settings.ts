import { randomBytes } from 'node:crypto';
import type { AppSettings } from '../../app/ports';
import type { Db } from './database';

/** Key-value settings of this installation (SMTP URL, secrets). */
export class SettingsRepository implements AppSettings {
  constructor(private readonly db: Db) {}

  get(key: string): string | undefined {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as
      { value: string } | undefined;
    return row?.value;
  }

  set(key: string, value: string): void {
    this.db
      .prepare(
        'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      )
      .run(key, value);
  }

  delete(key: string): void {
    this.db.prepare('DELETE FROM settings WHERE key = ?').run(key);
  }

  /**
   * A random secret kept under `key`, made on first use: the same for the life of the database,
   * so links signed with it stay valid across restarts.
   */
  secret(key: string, bytes = 32): string {
    this.db
      .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING')
      .run(key, randomBytes(bytes).toString('base64url'));
    return this.get(key) as string;
  }
}
