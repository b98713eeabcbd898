import type { AppInput } from '../../core/api/contract';
import type { SmtpSettings, SmtpSettingsView } from '../../core/api/execution-contract';

export type SmtpSecurity = SmtpSettings['security'];

/** The SMTP settings form as typed. The password field is only ever what the user types now. */
export interface SmtpForm {
  host: string;
  port: string;
  security: SmtpSecurity;
  username: string;
  /** A new password to keep; empty keeps the one kept (or none). */
  password: string;
  /** Forget the kept password on save. */
  forget: boolean;
  from: string;
}

export type SmtpField = 'host' | 'port' | 'username' | 'password' | 'from';

/** The usual port for each way of securing the connection. */
export const DEFAULT_PORTS: Record<SmtpSecurity, number> = { starttls: 587, tls: 465, none: 25 };

export const SECURITY_LABELS: Record<SmtpSecurity, string> = {
  starttls: 'STARTTLS (usually port 587)',
  tls: 'TLS from the start (usually port 465)',
  none: 'None (a local relay only)',
};

export function smtpFormOf(view: SmtpSettingsView): SmtpForm {
  return {
    host: view.host,
    port: String(view.port),
    security: view.security,
    username: view.username,
    password: '',
    forget: false,
    from: view.from,
  };
}

/** Another security choice: the port follows when it was the usual one for the old choice. */
export function withSecurity(form: SmtpForm, security: SmtpSecurity): SmtpForm {
  const usual = form.port === String(DEFAULT_PORTS[form.security]) || form.port.trim() === '';
  return { ...form, security, ...(usual && { port: String(DEFAULT_PORTS[security]) }) };
}

/** The form differs from what is saved. */
export function smtpFormChanged(form: SmtpForm, saved: SmtpSettingsView | null): boolean {
  if (!saved) return true;
  return (
    form.host.trim() !== saved.host ||
    form.port.trim() !== String(saved.port) ||
    form.security !== saved.security ||
    form.username.trim() !== saved.username ||
    form.from.trim() !== saved.from ||
    form.password !== '' ||
    form.forget
  );
}

const ADDRESS = /[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+/;

export type SmtpFormCheck =
  | { ok: true; input: AppInput<'saveSmtpSettings'> }
  | { ok: false; errors: Partial<Record<SmtpField, string>> };

/** Checks the form field by field; the answer names each field's problem. */
export function readSmtpForm(form: SmtpForm): SmtpFormCheck {
  const errors: Partial<Record<SmtpField, string>> = {};
  const host = form.host.trim();
  const port = Number(form.port.trim());
  const from = form.from.trim();
  const username = form.username.trim();
  if (/\s/.test(host) || host.includes('/'))
    errors.host = 'A server name or address, like smtp.example.com, without spaces or slashes.';
  else if (host.length > 255) errors.host = 'A server name is at most 255 characters.';
  if (!/^\d+$/.test(form.port.trim()) || port < 1 || port > 65_535)
    errors.port = 'A port is a whole number from 1 to 65535.';
  if (username.length > 320) errors.username = 'A user name is at most 320 characters.';
  if (form.password.length > 1_000) errors.password = 'A password is at most 1000 characters.';
  if (from && !ADDRESS.test(from))
    errors.from = 'An email address, like news@example.com or Shop <news@example.com>.';
  else if (from.length > 320) errors.from = 'An address is at most 320 characters.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    input: {
      host,
      port,
      security: form.security,
      username,
      from,
      ...(form.password !== ''
        ? { password: form.password }
        : form.forget && { clearPassword: true }),
    },
  };
}

/** Where the password is kept, as the settings say it beside the field. */
export function protectionNote(protection: SmtpSettingsView['protection']): string {
  switch (protection) {
    case 'os':
      return 'The password is kept in the system keychain, encrypted.';
    case 'plain-text':
      return 'The password is kept in a file only your user can read. This computer has no keyring to encrypt it (install and unlock GNOME Keyring or KWallet to protect it).';
    case 'unavailable':
      return 'This computer offers no safe place to keep a password, so none can be saved here.';
  }
}
