import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { isSecretName, type SecretName, type SecretStore } from '../../runtime/secret-store';

/**
 * Secrets for browser mode, where no keychain is at hand: a JSON file in the data folder that
 * only this user can read or write (mode 0600), reported as `plain-text` so the settings
 * screen says how the password is kept. The desktop app keeps them with the OS keychain instead.
 */
export function fileSecretStore(file: string): SecretStore {
  const read = (): Partial<Record<SecretName, string>> => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return {};
    }
    try {
      const parsed = JSON.parse(text) as { secrets?: Record<string, unknown> };
      const out: Partial<Record<SecretName, string>> = {};
      for (const [name, value] of Object.entries(parsed.secrets ?? {}))
        if (isSecretName(name) && typeof value === 'string') out[name] = value;
      return out;
    } catch {
      return {};
    }
  };
  const write = (secrets: Partial<Record<SecretName, string>>) => {
    mkdirSync(dirname(file), { recursive: true });
    const temporary = `${file}.tmp`;
    writeFileSync(temporary, `${JSON.stringify({ secrets }, null, 2)}\n`, { mode: 0o600 });
    chmodSync(temporary, 0o600);
    renameSync(temporary, file);
  };
  return {
    get: (name) => Promise.resolve(read()[name]),
    set(name, value) {
      write({ ...read(), [name]: value });
      return Promise.resolve();
    },
    delete(name) {
      const secrets = read();
      if (!(name in secrets)) return Promise.resolve();
      delete secrets[name];
      write(secrets);
      return Promise.resolve();
    },
    protection: () => Promise.resolve('plain-text'),
  };
}
