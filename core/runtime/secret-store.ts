/**
 * Secrets the engine needs and the renderer must never see: the SMTP and mailbox passwords, the
 * token of the server engine the app is the console of, and the signing secrets of the shops'
 * webhooks. The desktop app keeps them encrypted with the operating system's keychain (Electron
 * `safeStorage`) in the main process; the engine reads them through this port and never stores
 * them itself.
 */
export const SECRET_NAMES = [
  'smtp-password',
  'imap-password',
  'server-token',
  'shopify-secret',
  'woocommerce-secret',
] as const;
export type SecretName = (typeof SECRET_NAMES)[number];

/**
 * `os`: encrypted with a key the operating system guards (Keychain, DPAPI, libsecret, KWallet).
 * `plain-text`: the platform offered no keyring (Linux without one), so the secret is only
 * obfuscated on disk; settings screens should say so beside the password field.
 * `unavailable`: nothing can be stored (`set` refuses).
 */
export type SecretProtection = 'os' | 'plain-text' | 'unavailable';

export interface SecretStore {
  get(name: SecretName): Promise<string | undefined>;
  /** Refuses (rejects) when the platform cannot encrypt at all. */
  set(name: SecretName, value: string): Promise<void>;
  delete(name: SecretName): Promise<void>;
  protection(): Promise<SecretProtection>;
}

export function isSecretName(name: unknown): name is SecretName {
  return (SECRET_NAMES as readonly unknown[]).includes(name);
}
