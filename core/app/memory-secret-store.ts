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
