import type { AppSettings } from './ports';

/**
 * Settings of the whole library that concern sending: where links in messages point, the
 * mailbox that receives unsubscribes, bounces and complaints, and the webhook hosts allowed on
 * this computer or a private network. The IMAP password is a secret, kept elsewhere.
 */
export interface LibrarySettings {
  /**
   * The address at which this engine's event API is reached from the internet (`https://…`):
   * unsubscribe links and hosted pages, and the library's images in emails, are linked under
   * it. The one public address of the library; empty when there is none.
   */
  publicUrl: string;
  /** The address of `mailto:` unsubscribes; empty: `unsubscribe@` the sender's domain. */
  unsubscribeAddress: string;
  /** Hosts webhooks may call although they are on this computer or a private network. */
  webhookHosts: string[];
  /** The mailbox read for unsubscribes, bounces and complaints; no host: none is read. */
  mailbox: MailboxSettings;
  /** The currency money is shown in (ISO 4217); empty: the language's own. */
  currency: string;
}

export interface MailboxSettings {
  host: string;
  port: number;
  /** `tls`: TLS from the start (993); `starttls`: upgraded (143); `none`: local servers only. */
  security: 'tls' | 'starttls' | 'none';
  username: string;
}

const KEYS = {
  publicUrl: 'links.publicUrl',
  unsubscribeAddress: 'links.unsubscribeAddress',
  webhookHosts: 'webhooks.allowedHosts',
  mailboxHost: 'mailbox.host',
  mailboxPort: 'mailbox.port',
  mailboxSecurity: 'mailbox.security',
  mailboxUsername: 'mailbox.username',
  currency: 'money.currency',
} as const;

function list(text: string | undefined): string[] {
  if (!text) return [];
  try {
    const parsed = JSON.parse(text) as unknown;
    return Array.isArray(parsed) ? parsed.filter((h): h is string => typeof h === 'string') : [];
  } catch {
    return [];
  }
}

/** The library settings as saved (defaults where nothing is). */
export function savedLibrarySettings(settings: Pick<AppSettings, 'get'>): LibrarySettings {
  const get = (key: string) => settings.get(key);
  const security = get(KEYS.mailboxSecurity);
  return {
    publicUrl: get(KEYS.publicUrl) ?? '',
    unsubscribeAddress: get(KEYS.unsubscribeAddress) ?? '',
    webhookHosts: list(get(KEYS.webhookHosts)),
    mailbox: {
      host: get(KEYS.mailboxHost) ?? '',
      port: Number(get(KEYS.mailboxPort) ?? 993),
      security: security === 'starttls' || security === 'none' ? security : 'tls',
      username: get(KEYS.mailboxUsername) ?? '',
    },
    currency: get(KEYS.currency) ?? '',
  };
}

/** Saves the library settings; call it inside a transaction, so they change together. */
export function saveLibrarySettings(
  settings: Pick<AppSettings, 'set'>,
  library: LibrarySettings,
): void {
  settings.set(KEYS.publicUrl, library.publicUrl);
  settings.set(KEYS.unsubscribeAddress, library.unsubscribeAddress);
  settings.set(KEYS.webhookHosts, JSON.stringify(library.webhookHosts));
  settings.set(KEYS.mailboxHost, library.mailbox.host);
  settings.set(KEYS.mailboxPort, String(library.mailbox.port));
  settings.set(KEYS.mailboxSecurity, library.mailbox.security);
  settings.set(KEYS.mailboxUsername, library.mailbox.username);
  settings.set(KEYS.currency, library.currency);
}

/** The webhook hosts the user allows on this computer or a private network. */
export function allowedWebhookHosts(settings: Pick<AppSettings, 'get'>): string[] {
  return list(settings.get(KEYS.webhookHosts));
}
