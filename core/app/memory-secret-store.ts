import type { SecretName, SecretStore } from '../runtime/secret-store';

/** Secrets held in memory only (tests, or a service without a data folder). */
export function memorySecretStore(): SecretStore {
  const secrets = new Map<SecretName, string>();
  return {
    get: (name) => Promise.resolve(secrets.get(name)),
    set(name, value) {
      secrets.set(name, value);
      return Promise.resolve();
    },
    delete(name) {
      secrets.delete(name);
      return Promise.resolve();
    },
    protection: () => Promise.resolve('plain-text'),
  };
}

/**
 * `store`, except that the secrets `names` are held in this process's memory only: browser mode
 * keeps the server token and the shops' signing secrets nowhere on disk.
 */
export function inProcessOnly(store: SecretStore, names: readonly SecretName[]): SecretStore {
  const memory = memorySecretStore();
  const pick = (name: SecretName) => (names.includes(name) ? memory : store);
  return {
    get: (name) => pick(name).get(name),
    set: (name, value) => pick(name).set(name, value),
    delete: (name) => pick(name).delete(name),
    protection: () => store.protection(),
  };
}
