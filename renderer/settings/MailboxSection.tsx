import { useState } from 'react';
import type { AppOutput } from '../../core/api/contract';
import type { LibrarySettingsView } from '../../core/api/settings-contract';
import { useT } from '../i18n/I18nProvider';
import { useFormats } from '../i18n/format';
import type { MessageId } from '../i18n/messages';
import { Field } from '../inspector/widgets/Field';
import { useAppStore } from '../store/app-store';
import { controlsFor, problemWords } from './field-problems';
import type { SectionProps } from './LinksSection';
import { MAILBOX_SECURITY, withMailboxSecurity, type MailboxSecurity } from './settings-form';
import { say } from '../i18n/words';

const SECURITY_LABELS: Record<MailboxSecurity, MessageId> = {
  tls: 'settings.mailbox.security.tls',
  starttls: 'settings.mailbox.security.starttls',
  none: 'settings.mailbox.security.none',
};

const PROTECTION_NOTES: Record<LibrarySettingsView['mailbox']['protection'], MessageId> = {
  os: 'settings.protection.os',
  'plain-text': 'settings.protection.plainText',
  unavailable: 'settings.protection.unavailable',
};

export interface MailboxSectionProps extends SectionProps {
  saved: LibrarySettingsView;
  /** The form differs from what is saved: the mailbox is read with saved settings only. */
  changed: boolean;
  /** Reads the saved view again (when and how the mailbox was last read). */
  onRead: () => void;
}

type Reading = AppOutput<'readMailbox'>;

/** What the kept password will be after a save, in words. */
function passwordState(form: SectionProps['form'], kept: boolean): MessageId {
  if (form.forget) return 'settings.password.forgetting';
  if (form.password) return kept ? 'settings.password.replacing' : 'settings.password.keeping';
  return kept ? 'settings.password.kept' : 'settings.password.none';
}

/**
 * The IMAP mailbox that receives unsubscribe emails, bounces and complaints. The password is
 * write-only, as in the email settings: the section says whether one is kept and offers to
 * replace or forget it, and never shows it.
 */
export function MailboxSection({
  form,
  errors,
  change,
  saved,
  changed,
  onRead,
}: MailboxSectionProps) {
  const t = useT();
  const formats = useFormats();
  const { readMailbox } = useAppStore().getState();
  const [reading, setReading] = useState(false);
  const [result, setResult] = useState<Reading | { ok: false; detail: string } | null>(null);
  const controls = controlsFor(errors);
  const kept = saved.mailbox.passwordSet;
  const noKeeping = saved.mailbox.protection === 'unavailable';
  const canRead = !changed && saved.mailbox.host !== '';

  const read = async () => {
    setReading(true);
    setResult(null);
    const outcome = await readMailbox();
    setReading(false);
    setResult(outcome.ok ? outcome.value : { ok: false, detail: say(t, outcome.error) });
    onRead();
  };

  return (
    <section className="settings-section" aria-labelledby="settings-mailbox-title">
      <h3 className="section-title" id="settings-mailbox-title">
        {t('settings.mailbox.title')}
      </h3>
      <p className="settings-help">{t('settings.mailbox.intro')}</p>
      <Field
        id={controls.host.id}
        label={t('settings.mailbox.host')}
        optional={t('common.optional')}
        errors={problemWords(t, errors.host)}
      >
        <input
          {...controls.host}
          className="input"
          data-testid="settings-imap-host"
          placeholder={t('settings.mailbox.hostPlaceholder')}
          value={form.host}
          onChange={(e) => change({ host: e.target.value })}
        />
      </Field>
      <div className="field-pair settings-server">
        <Field id="settings-imap-security" label={t('settings.mailbox.security')}>
          <select
            id="settings-imap-security"
            className="select"
            data-testid="settings-imap-security"
            value={form.security}
            onChange={(e) => change(withMailboxSecurity(form, e.target.value as MailboxSecurity))}
          >
            {MAILBOX_SECURITY.map((s) => (
              <option key={s} value={s}>
                {t(SECURITY_LABELS[s])}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id={controls.port.id}
          label={t('settings.mailbox.port')}
          errors={problemWords(t, errors.port)}
        >
          <input
            {...controls.port}
            className="input is-number"
            inputMode="numeric"
            data-testid="settings-imap-port"
            value={form.port}
            onChange={(e) => change({ port: e.target.value })}
          />
        </Field>
      </div>
      <div className="field-pair">
        <Field
          id={controls.username.id}
          label={t('settings.mailbox.username')}
          errors={problemWords(t, errors.username)}
        >
          <input
            {...controls.username}
            className="input"
            data-testid="settings-imap-user"
            autoComplete="off"
            value={form.username}
            onChange={(e) => change({ username: e.target.value })}
          />
        </Field>
        <Field
          id={controls.password.id}
          label={t('settings.mailbox.password')}
          errors={problemWords(t, errors.password)}
        >
          <input
            {...controls.password}
            className="input"
            type="password"
            data-testid="settings-imap-password"
            autoComplete="new-password"
            disabled={noKeeping}
            placeholder={t(
              kept ? 'settings.mailbox.passwordKept' : 'settings.mailbox.passwordNone',
            )}
            value={form.password}
            onChange={(e) => change({ password: e.target.value, forget: false })}
          />
        </Field>
      </div>
      <div className="settings-password-state">
        <span data-testid="settings-password-state">{t(passwordState(form, kept))}</span>
        {kept && !form.forget && !form.password && (
          <button
            type="button"
            className="link-button"
            data-testid="settings-password-forget"
            onClick={() => change({ forget: true, password: '' })}
          >
            {t('settings.password.forget')}
          </button>
        )}
        {form.forget && (
          <button type="button" className="link-button" onClick={() => change({ forget: false })}>
            {t('settings.password.keep')}
          </button>
        )}
      </div>
      <p
        className={`settings-help settings-protection is-${saved.mailbox.protection}`}
        data-testid="settings-protection"
      >
        {t(PROTECTION_NOTES[saved.mailbox.protection])}
      </p>
      <div className="settings-read">
        <button
          type="button"
          className="button"
          data-testid="settings-read-mailbox"
          // Not `disabled`: a button that loses the focus while it works leaves the dialog.
          aria-disabled={reading || !canRead || undefined}
          onClick={() => {
            if (canRead && !reading) void read();
          }}
        >
          {t(reading ? 'settings.mailbox.reading' : 'settings.mailbox.read')}
        </button>
        <span className="settings-help" data-testid="settings-mailbox-state">
          {changed && form.host.trim()
            ? t('settings.mailbox.saveToRead')
            : saved.mailbox.lastRead
              ? t('settings.mailbox.lastRead', {
                  at: formats.dateTime(Date.parse(saved.mailbox.lastRead)),
                })
              : saved.mailbox.host
                ? t('settings.mailbox.notReadYet')
                : ''}
        </span>
      </div>
      {result ? (
        <p
          className={`settings-result ${result.ok ? 'is-ok' : 'is-error'}`}
          data-testid="settings-read-result"
          role={result.ok ? 'status' : 'alert'}
        >
          {'unsubscribed' in result && result.ok
            ? t('settings.mailbox.readDone', {
                unsubscribed: result.unsubscribed,
                bounced: result.bounced,
                complained: result.complained,
              })
            : t('settings.mailbox.readFailed', { detail: result.detail })}
        </p>
      ) : (
        saved.mailbox.problem && (
          <p className="settings-result is-error" data-testid="settings-mailbox-problem">
            {saved.mailbox.problem}
          </p>
        )
      )}
    </section>
  );
}
