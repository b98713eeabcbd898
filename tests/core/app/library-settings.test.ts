import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type ApiError, parseApiInput } from '../../../core/api/contract';
import { createAppService } from '../../../core/adapters/local-app';
import { openDatabase } from '../../../core/adapters/sqlite/database';
import { SCHEMA_MIGRATIONS } from '../../../core/adapters/sqlite/schema';
import { SettingsRepository } from '../../../core/adapters/sqlite/settings';
import type { AppService } from '../../../core/app/app-service';
import { memorySecretStore } from '../../../core/app/memory-secret-store';
import { callerOf, refusal } from './app-calls';

const open: AppService[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((app) => app.close()));
});

function service() {
  const secrets = memorySecretStore();
  const app = createAppService({ db: openDatabase(':memory:'), eventApiPort: 0, secrets });
  open.push(app);
  const call = callerOf(app);
  return { call, secrets };
}

const MAILBOX = { host: 'imap.example.com', port: 993, security: 'tls', username: 'feedback' };
const SETTINGS = {
  publicUrl: 'https://shop.example.com/journeys/',
  unsubscribeAddress: '',
  webhookHosts: ['CRM.office.lan', 'crm.office.lan'],
  mailbox: MAILBOX,
};

describe('library settings', () => {
  it('are saved as given, with the mailbox password kept apart and never answered', async () => {
    const { call, secrets } = service();
    const view = await call('saveLibrarySettings', { ...SETTINGS, password: 'imap-secret-42' });
    expect(view).toMatchObject({
      publicUrl: 'https://shop.example.com/journeys',
      webhookHosts: ['crm.office.lan'],
      mailbox: { ...MAILBOX, passwordSet: true, protection: 'plain-text' },
    });
    expect(JSON.stringify(view)).not.toContain('imap-secret-42');
    expect(await secrets.get('imap-password')).toBe('imap-secret-42');
    expect(await call('getLibrarySettings', {})).toEqual(view);

    // Saved again without a password: the kept one stays; `clearPassword` forgets it.
    await call('saveLibrarySettings', SETTINGS);
    expect(await secrets.get('imap-password')).toBe('imap-secret-42');
    const cleared = await call('saveLibrarySettings', { ...SETTINGS, clearPassword: true });
    expect(cleared.mailbox.passwordSet).toBe(false);
  });

  it('refuse a mailbox without the user name it signs in with, naming the field', async () => {
    const { call } = service();
    const error = await refusal(
      call('saveLibrarySettings', { ...SETTINGS, mailbox: { ...MAILBOX, username: ' ' } }),
    );
    expect(error).toMatchObject({ code: 'invalid-request', field: 'mailbox.username' });
    expect(error.message).toMatch(/user name/);
    // No mailbox at all needs no user.
    const none = await call('saveLibrarySettings', {
      ...SETTINGS,
      mailbox: { ...MAILBOX, host: '', username: '' },
    });
    expect(none.mailbox.host).toBe('');
  });

  it('refuse a public address that is not a web address, and a host with a path', () => {
    const bad = (change: object) => {
      try {
        parseApiInput('saveLibrarySettings', { ...SETTINGS, ...change });
      } catch (error) {
        return error as ApiError;
      }
      throw new Error('expected a refusal');
    };
    expect(bad({ publicUrl: 'shop.example.com' }).field).toBe('publicUrl');
    expect(bad({ mailbox: { ...MAILBOX, host: 'imap.example.com/inbox' } }).field).toBe(
      'mailbox.host',
    );
    expect(bad({ mailbox: { ...MAILBOX, port: 70_000 } }).field).toBe('mailbox.port');
    expect(bad({ webhookHosts: ['ok.lan', 'not a host'] }).field).toBe('webhookHosts.1');
  });
});

describe('one public address for links and images', () => {
  /** A library as the brand kit left it: its images' public address under its own key. */
  function libraryBeforeMerge(keys: Record<string, string>): string {
    const file = join(mkdtempSync(join(tmpdir(), 'js-public-')), 'journey-studio.db');
    const old = openDatabase(file, {
      migrations: SCHEMA_MIGRATIONS.filter((m) => m.version <= 6),
    });
    const settings = new SettingsRepository(old);
    for (const [key, value] of Object.entries(keys)) settings.set(key, value);
    old.close();
    return file;
  }

  it('keeps the brand kit’s address for images as the library’s public address', async () => {
    const db = openDatabase(libraryBeforeMerge({ 'email.publicBaseUrl': 'https://mail.shop.se' }));
    const app = createAppService({ db, eventApiPort: 0, secrets: memorySecretStore() });
    const settings = await app.handlers.getLibrarySettings({});
    expect(settings.publicUrl).toBe('https://mail.shop.se');
    expect(await app.handlers.getBrandSettings({})).toMatchObject({
      publicBaseUrl: 'https://mail.shop.se',
    });
    // Kept once: the old key is gone, so the two can never disagree.
    expect(new SettingsRepository(db).get('email.publicBaseUrl')).toBeUndefined();
    await app.close();
    db.close();
  });

  it('leaves a public address the library settings already have as it is', () => {
    const db = openDatabase(
      libraryBeforeMerge({
        'email.publicBaseUrl': 'https://images.shop.se',
        'links.publicUrl': 'https://shop.se/journeys',
      }),
    );
    const settings = new SettingsRepository(db);
    expect(settings.get('links.publicUrl')).toBe('https://shop.se/journeys');
    expect(settings.get('email.publicBaseUrl')).toBeUndefined();
    db.close();
  });
});
