import type { SmtpSettings } from '../api/execution-contract';
import type { AppSettings } from './ports';

const SMTP_KEYS = {
  host: 'smtp.host',
  port: 'smtp.port',
  security: 'smtp.security',
  username: 'smtp.username',
  from: 'smtp.from',
} as const;

/** The SMTP settings saved from the app (the password is not among them). */
export function savedSmtpSettings(settings: Pick<AppSettings, 'get'>): SmtpSettings {
  const get = (key: string) => settings.get(key);
  const security = get(SMTP_KEYS.security);
  return {
    host: get(SMTP_KEYS.host) ?? '',
    port: Number(get(SMTP_KEYS.port) ?? 587),
    security: security === 'tls' || security === 'none' ? security : 'starttls',
    username: get(SMTP_KEYS.username) ?? '',
    from: get(SMTP_KEYS.from) ?? '',
  };
}

/** Saves SMTP settings; call it inside a transaction, so they change together. */
export function saveSmtpSettings(settings: Pick<AppSettings, 'set'>, smtp: SmtpSettings): void {
  settings.set(SMTP_KEYS.host, smtp.host);
  settings.set(SMTP_KEYS.port, String(smtp.port));
  settings.set(SMTP_KEYS.security, smtp.security);
  settings.set(SMTP_KEYS.username, smtp.username);
  settings.set(SMTP_KEYS.from, smtp.from);
}

/** The SMTP URL of saved settings (the password goes in it only here, in memory). */
export function smtpUrlOf(settings: SmtpSettings, password: string | undefined): string {
  const scheme = settings.security === 'tls' ? 'smtps' : 'smtp';
  const user = settings.username
    ? `${encodeURIComponent(settings.username)}${password ? `:${encodeURIComponent(password)}` : ''}@`
    : '';
  const host = settings.host.includes(':') ? `[${settings.host}]` : settings.host;
  const query =
    settings.security === 'starttls'
      ? '?requireTLS=true'
      : settings.security === 'none'
        ? '?ignoreTLS=true'
        : '';
  return `${scheme}://${user}${host}:${settings.port}${query}`;
}
