import { readFile } from 'node:fs/promises';
import {
  SECRET_NAMES,
  type SecretName,
  type SecretProtection,
  type SecretStore,
} from '../../core/runtime/secret-store';
import { writeFileAtomic } from './files/atomic-write';

/** Electron's `safeStorage`, as far as the store uses it (available after `app` is ready). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
}

export interface SafeStorageSecretsOptions {
  safeStorage: SafeStorageLike;
  /** The JSON file the encrypted secrets live in (in the app's data folder). */
  file: string;
  platform: NodeJS.Platform;
  warn(message: string): void;
}

type SecretsFile = Partial<Record<SecretName, string>>;

/**
 * Secrets encrypted with the operating system's keychain through `safeStorage`, kept in main:
 * the engine asks for them over its own port, and no IPC handler or event reaches this store.
 * Only ciphertext is written to disk, with owner-only permissions.
 */
export function createSafeStorageSecretStore(options: SafeStorageSecretsOptions): SecretStore {
  const { safeStorage } = options;
  let warned = false;
  let queue: Promise<unknown> = Promise.resolve();

  function protection(): SecretProtection {
    if (!safeStorage.isEncryptionAvailable()) return 'unavailable';
    if (
      options.platform === 'linux' &&
      safeStorage.getSelectedStorageBackend?.() === 'basic_text'
    ) {
      return 'plain-text';
    }
    return 'os';
  }

  function warnIfPlainText(): void {
    if (warned || protection() !== 'plain-text') return;
    warned = true;
    options.warn(
      'No keyring (GNOME Keyring, KWallet) is available: the SMTP password is stored with a fixed key, i.e. effectively as plain text. Install and unlock a keyring to protect it.',
    );
  }

  async function readAll(): Promise<SecretsFile> {
    let text: string;
    try {
      text = await readFile(options.file, 'utf8');
    } catch {
      return {};
    }
    try {
      const parsed = JSON.parse(text) as { secrets?: Record<string, unknown> };
      const out: SecretsFile = {};
      for (const name of SECRET_NAMES) {
        const value = parsed.secrets?.[name];
        if (typeof value === 'string') out[name] = value;
      }
      return out;
    } catch {
      options.warn(`The secrets file ${options.file} is unreadable; treating it as empty.`);
      return {};
    }
  }

  async function writeAll(secrets: SecretsFile): Promise<void> {
    await writeFileAtomic(options.file, `${JSON.stringify({ version: 1, secrets }, null, 2)}\n`, {
      mode: 0o600,
    });
  }

  // One change at a time: two quick saves must not lose each other's secret.
  function serialized<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  return {
    async get(name) {
      const encrypted = (await readAll())[name];
      if (encrypted === undefined) return undefined;
      if (!safeStorage.isEncryptionAvailable()) {
        throw new Error('The operating system cannot decrypt stored secrets right now.');
      }
      warnIfPlainText();
      return safeStorage.decryptString(Buffer.from(encrypted, 'base64'));
    },

    set(name, value) {
      return serialized(async () => {
        if (!safeStorage.isEncryptionAvailable()) {
          throw new Error(
            'This system offers no way to encrypt the password, so Journey Studio will not store it.',
          );
        }
        warnIfPlainText();
        const secrets = await readAll();
        secrets[name] = safeStorage.encryptString(value).toString('base64');
        await writeAll(secrets);
      });
    },

    delete(name) {
      return serialized(async () => {
        const secrets = await readAll();
        if (!(name in secrets)) return;
        delete secrets[name];
        await writeAll(secrets);
      });
    },

    protection() {
      return Promise.resolve(protection());
    },
  };
}
