import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  createSafeStorageSecretStore,
  type SafeStorageLike,
} from '../../electron/main/safe-storage-secrets';

function store(overrides: Partial<SafeStorageLike> = {}, platform: NodeJS.Platform = 'linux') {
  const file = join(mkdtempSync(join(tmpdir(), 'secrets-')), 'secrets.json');
  const safeStorage: SafeStorageLike = {
    isEncryptionAvailable: () => true,
    // A stand-in cipher: what matters is that only its output reaches the disk.
    encryptString: (text) => Buffer.from(`enc:${Buffer.from(text).toString('hex')}`),
    decryptString: (data) => Buffer.from(data.toString().slice(4), 'hex').toString(),
    getSelectedStorageBackend: () => 'gnome_libsecret',
    ...overrides,
  };
  const warn = vi.fn();
  return {
    secrets: createSafeStorageSecretStore({ safeStorage, file, platform, warn }),
    file,
    warn,
  };
}

describe('the secret store', () => {
  it('keeps a secret encrypted on disk, readable only by its owner', async () => {
    const { secrets, file } = store();
    await secrets.set('smtp-password', 'hunter2');
    expect(await secrets.get('smtp-password')).toBe('hunter2');
    const onDisk = readFileSync(file, 'utf8');
    expect(onDisk).not.toContain('hunter2');
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    await secrets.delete('smtp-password');
    expect(await secrets.get('smtp-password')).toBeUndefined();
  });

  it('keeps both of two quick saves', async () => {
    const { secrets } = store();
    await Promise.all([secrets.set('smtp-password', 'a'), secrets.set('smtp-password', 'b')]);
    expect(await secrets.get('smtp-password')).toBe('b');
  });

  it('reports OS protection where a keyring encrypts', async () => {
    const { secrets, warn } = store();
    expect(await secrets.protection()).toBe('os');
    await secrets.set('smtp-password', 'x');
    expect(warn).not.toHaveBeenCalled();
  });

  it('warns, once, when Linux falls back to plain text', async () => {
    const { secrets, warn } = store({ getSelectedStorageBackend: () => 'basic_text' });
    expect(await secrets.protection()).toBe('plain-text');
    await secrets.set('smtp-password', 'x');
    await secrets.get('smtp-password');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(/plain text/);
  });

  it('refuses to store anything where nothing can be encrypted', async () => {
    const { secrets, file } = store({ isEncryptionAvailable: () => false }, 'darwin');
    expect(await secrets.protection()).toBe('unavailable');
    await expect(secrets.set('smtp-password', 'hunter2')).rejects.toThrow(/will not store/);
    expect(() => readFileSync(file)).toThrow();
  });
});
