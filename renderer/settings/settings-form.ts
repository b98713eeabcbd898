import type { AppInput } from '../../core/api/contract';
import { settingsContract, type LibrarySettingsView } from '../../core/api/settings-contract';
import type { MessageId } from '../i18n/messages';
import type { MessageValues } from '../i18n/I18nProvider';

export type MailboxSecurity = LibrarySettingsView['mailbox']['security'];

/** The library settings form as typed. The password field is only ever what the user types now. */
export interface SettingsForm {
  publicUrl: string;
  unsubscribeAddress: string;
  /** One host per line. */
  webhookHosts: string;
  host: string;
  port: string;
  security: MailboxSecurity;
  username: string;
  /** A new password to keep; empty keeps the one kept (or none). */
  password: string;
  /** Forget the kept password on save. */
  forget: boolean;
  /** ISO 4217; empty: the language's own. */
  currency: string;
}

export type SettingsField =
  'publicUrl' | 'unsubscribeAddress' | 'webhookHosts' | 'host' | 'port' | 'username' | 'password';

/** A field's problem: words of the catalogues, or what the engine answered (`text`). */
export type FieldProblem = { id: MessageId; values?: MessageValues } | { text: string };

export type SettingsErrors = Partial<Record<SettingsField, FieldProblem>>;

export const MAILBOX_SECURITY: readonly MailboxSecurity[] = ['tls', 'starttls', 'none'];

/** The usual IMAP port for each way of securing the connection. */
export const IMAP_PORTS: Record<MailboxSecurity, number> = { tls: 993, starttls: 143, none: 143 };

export function settingsFormOf(view: LibrarySettingsView): SettingsForm {
  return {
    publicUrl: view.publicUrl,
    unsubscribeAddress: view.unsubscribeAddress,
    webhookHosts: view.webhookHosts.join('\n'),
    host: view.mailbox.host,
    port: String(view.mailbox.port),
    security: view.mailbox.security,
    username: view.mailbox.username,
    password: '',
    forget: false,
    currency: view.currency,
  };
}

/** Another security choice: the port follows when it was the usual one for the old choice. */
export function withMailboxSecurity(form: SettingsForm, security: MailboxSecurity): SettingsForm {
  const usual = form.port.trim() === '' || form.port.trim() === String(IMAP_PORTS[form.security]);
  return { ...form, security, ...(usual && { port: String(IMAP_PORTS[security]) }) };
}

function hostsOf(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((h) => h.trim())
    .filter(Boolean);
}

/** The form differs from what is saved. */
export function settingsFormChanged(
  form: SettingsForm,
  saved: LibrarySettingsView | null,
): boolean {
  if (!saved) return false;
  const was = settingsFormOf(saved);
  return (
    form.publicUrl.trim() !== was.publicUrl ||
    form.unsubscribeAddress.trim() !== was.unsubscribeAddress ||
    hostsOf(form.webhookHosts).join('\n') !== was.webhookHosts ||
    form.host.trim() !== was.host ||
    form.port.trim() !== was.port ||
    form.security !== was.security ||
    form.username.trim() !== was.username ||
    form.password !== '' ||
    form.forget ||
    form.currency !== was.currency
  );
}

/** The field a path of the contract's schema (or an API error's `field`) concerns. */
export function fieldOfPath(path: string | undefined): SettingsField | undefined {
  const [head, next] = (path ?? '').split('.');
  if (head === 'mailbox') {
    return next === 'host' || next === 'port' || next === 'username' ? next : undefined;
  }
  if (head === 'clearPassword') return 'password';
  return head === 'publicUrl' ||
    head === 'unsubscribeAddress' ||
    head === 'webhookHosts' ||
    head === 'password'
    ? head
    : undefined;
}

/** What to write instead, for each field the contract's schema refused. */
const PROBLEMS: Record<SettingsField, MessageId> = {
  publicUrl: 'settings.error.publicUrl',
  unsubscribeAddress: 'settings.error.unsubscribeAddress',
  webhookHosts: 'settings.error.webhookHost',
  host: 'settings.error.host',
  port: 'settings.error.port',
  username: 'settings.error.usernameLong',
  password: 'settings.error.passwordLong',
};

export type SettingsFormCheck =
  { ok: true; input: AppInput<'saveLibrarySettings'> } | { ok: false; errors: SettingsErrors };

/**
 * Checks the form field by field against the contract's own schema, and what a mailbox needs
 * to be read: a user name, and a password kept or typed (where one can be kept at all).
 */
export function readSettingsForm(
  form: SettingsForm,
  saved: LibrarySettingsView | null,
): SettingsFormCheck {
  const hosts = hostsOf(form.webhookHosts);
  const portText = form.port.trim();
  const input: AppInput<'saveLibrarySettings'> = {
    publicUrl: form.publicUrl.trim(),
    unsubscribeAddress: form.unsubscribeAddress.trim(),
    webhookHosts: hosts,
    mailbox: {
      host: form.host.trim(),
      // Anything but digits is no port ("993.5", "99x"): NaN, which the schema refuses.
      port: /^\d+$/.test(portText) ? Number(portText) : Number.NaN,
      security: form.security,
      username: form.username.trim(),
    },
    // Left out, the currency is the schema's default: none chosen, the language's own.
    ...(form.currency && { currency: form.currency }),
    ...(form.password !== ''
      ? { password: form.password }
      : form.forget && { clearPassword: true }),
  };
  const errors: SettingsErrors = {};
  const parsed = settingsContract.saveLibrarySettings.input.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOfPath(issue.path.map(String).join('.'));
      if (!field || errors[field]) continue;
      const index = issue.path[1];
      errors[field] =
        field === 'webhookHosts' && typeof index === 'number'
          ? { id: PROBLEMS.webhookHosts, values: { host: hosts[index] ?? '' } }
          : { id: PROBLEMS[field] };
    }
  }
  if (input.mailbox.host) {
    if (!input.mailbox.username) errors.username ??= { id: 'settings.error.username' };
    const kept = saved?.mailbox.passwordSet === true && !form.forget;
    if (!kept && form.password === '' && saved?.mailbox.protection !== 'unavailable')
      errors.password ??= { id: 'settings.error.password' };
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, input };
}
