import type { AppInput } from '../../core/api/contract';
import type { SmtpSettings, SmtpSettingsView } from '../../core/api/execution-contract';
import type { MessageId } from '../i18n/messages';

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

/** Each way of securing the connection, said as what it does. */
export const SECURITY_LABELS: Record<SmtpSecurity, MessageId> = {
  starttls: 'run.smtp.security.starttls',
  tls: 'run.smtp.security.tls',
  none: 'run.smtp.security.none',
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
  | { ok: false; errors: Partial<Record<SmtpField, MessageId>> };

/** Checks the form field by field; the answer names each field's problem. */
export function readSmtpForm(form: SmtpForm): SmtpFormCheck {
  const errors: Partial<Record<SmtpField, MessageId>> = {};
  const host = form.host.trim();
  const port = Number(form.port.trim());
  const from = form.from.trim();
  const username = form.username.trim();
  if (/\s/.test(host) || host.includes('/')) errors.host = 'run.smtp.error.host';
  else if (host.length > 255) errors.host = 'run.smtp.error.hostLong';
  if (!/^\d+$/.test(form.port.trim()) || port < 1 || port > 65_535)
    errors.port = 'run.smtp.error.port';
  if (username.length > 320) errors.username = 'run.smtp.error.userLong';
  if (form.password.length > 1_000) errors.password = 'run.smtp.error.passwordLong';
  if (from && !ADDRESS.test(from)) errors.from = 'run.smtp.error.from';
  else if (from.length > 320) errors.from = 'run.smtp.error.fromLong';
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
export function protectionNote(protection: SmtpSettingsView['protection']): MessageId {
  switch (protection) {
    case 'os':
      return 'run.smtp.protection.os';
    case 'plain-text':
      return 'run.smtp.protection.plain';
    case 'unavailable':
      return 'run.smtp.protection.none';
  }
}
