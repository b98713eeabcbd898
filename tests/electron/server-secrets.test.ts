import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { EngineClient } from '../../electron/main/engine-client';
import {
  createSafeStorageSecretStore,
  type SafeStorageLike,
} from '../../electron/main/safe-storage-secrets';
import { FakeEngineProcess } from './fake-electron';

/**
 * The engine process keeps the server's token and the shops' webhook secrets through main: main
 * checks each request and encrypts with `safeStorage` (mocked: a stand-in cipher), so only
 * ciphertext reaches the data folder.
 */
function wired() {
  const file = join(mkdtempSync(join(tmpdir(), 'server-secrets-')), 'secrets.json');
  const safeStorage: SafeStorageLike = {
    isEncryptionAvailable: () => true,
    encryptString: vi.fn((text: string) => Buffer.from(`enc:${Buffer.from(text).toString('hex')}`)),
    decryptString: (data) => Buffer.from(data.toString().slice(4), 'hex').toString(),
    getSelectedStorageBackend: () => 'gnome_libsecret',
  };
  const secrets = createSafeStorageSecretStore({
    safeStorage,
    file,
    platform: 'linux',
    warn: vi.fn(),
  });
  const log = vi.fn();
  let child: FakeEngineProcess | undefined;
  const engine = new EngineClient({
    spawn: () => (child = new FakeEngineProcess('engine.cjs')),
    init: { dataDir: '/data', databaseFile: '/data/journey-studio.db' },
    secrets,
    log,
  });
  engine.start();
  return { child: child!, file, safeStorage, log };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 20));
const replies = (child: FakeEngineProcess) =>
  child.posted
    .filter((m) => (m as { type: string }).type === 'secret-reply')
    .sort((a, b) => (a as { id: number }).id - (b as { id: number }).id);

describe('the server token and shop secrets in the keychain', () => {
  it('keeps them encrypted with safeStorage, never as plain text on disk', async () => {
    const { child, file, safeStorage } = wired();
    const token = 'server-token-0123456789abcdef';
    child.reply({ type: 'secret', id: 1, op: 'set', name: 'server-token', value: token });
    child.reply({ type: 'secret', id: 2, op: 'set', name: 'shopify-secret', value: 'shpss_abc' });
    child.reply({ type: 'secret', id: 3, op: 'set', name: 'woocommerce-secret', value: 'wc_xyz' });
    await flush();
    child.reply({ type: 'secret', id: 4, op: 'get', name: 'server-token' });
    await flush();
    expect(safeStorage.encryptString).toHaveBeenCalledWith(token);
    const onDisk = readFileSync(file, 'utf8');
    for (const plain of [token, 'shpss_abc', 'wc_xyz']) expect(onDisk).not.toContain(plain);
    expect(Object.keys((JSON.parse(onDisk) as { secrets: object }).secrets).sort()).toEqual([
      'server-token',
      'shopify-secret',
      'woocommerce-secret',
    ]);
    expect(replies(child).at(-1)).toEqual({ type: 'secret-reply', id: 4, ok: true, value: token });
  });

  it('refuses a request that is not one of a known secret, and drops one it cannot answer', async () => {
    const { child, file, log } = wired();
    child.reply({ type: 'secret', id: 1, op: 'set', name: 'ssh-key', value: 'x' });
    child.reply({
      type: 'secret',
      id: 2,
      op: 'set',
      name: 'server-token',
      value: 'x'.repeat(10_001),
    });
    child.reply({ type: 'secret', id: 3, op: 'get', name: 'server-token', path: '/etc' });
    child.reply({ type: 'secret', op: 'get', name: 'server-token' });
    await flush();
    expect(replies(child)).toEqual(
      [1, 2, 3].map((id) => ({
        type: 'secret-reply',
        id,
        ok: false,
        message: 'unknown secret',
      })),
    );
    expect(log).toHaveBeenCalledWith('Dropped a secret request without an id.');
    expect(() => readFileSync(file)).toThrow();
  });
});
