import { useEffect, useState } from 'react';
import { SMTP_SECURITY, type SmtpSettingsView } from '../../core/api/execution-contract';
import { useLocale, useT } from '../i18n/I18nProvider';
import { Field } from '../inspector/widgets/Field';
import { FormDialog } from '../panels/FormDialog';
import { useAppStore } from '../store/app-store';
import { mailFailureWords } from './problem-words';
import {
  SECURITY_LABELS,
  protectionNote,
  readSmtpForm,
  smtpFormChanged,
  smtpFormOf,
  withSecurity,
  type SmtpField,
  type SmtpForm,
  type SmtpSecurity,
} from './smtp-form';
import { say, type Words } from '../i18n/words';

const EMPTY: SmtpForm = {
  host: '',
  port: '587',
  security: 'starttls',
  username: '',
  password: '',
  forget: false,
  from: '',
};

/** Examples in the fields: addresses, the same in every language. */
const EXAMPLE_HOST = 'smtp.example.com';
const EXAMPLE_FROM = 'news@example.com';
const EXAMPLE_TO = 'you@example.com';

type TestResult = { ok: boolean; detail: string };

/**
 * Where email goes: the embedded outbox (no host), or an SMTP server. The password is write-only:
 * the dialog says whether one is kept and offers to replace or forget it, never shows it.
 */
export function SmtpDialog() {
  const store = useAppStore();
  const t = useT();
  const { locale } = useLocale();
  const { closeDialog, loadSmtpSettings, saveSmtpSettings, sendTestEmail } = store.getState();
  const [saved, setSaved] = useState<SmtpSettingsView | null>(null);
  const [form, setForm] = useState<SmtpForm>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<SmtpField, string>>>({});
  const [problem, setProblem] = useState<Words | null>(null);
  const [busy, setBusy] = useState<'load' | 'save' | 'test' | null>('load');
  const [savedNote, setSavedNote] = useState(false);
  const [to, setTo] = useState('');
  const [result, setResult] = useState<TestResult | null>(null);
  const [advanced, setAdvanced] = useState(false);

  useEffect(() => {
    let current = true;
    void loadSmtpSettings().then((loaded) => {
      if (!current) return;
      setBusy(null);
      if (loaded.ok) {
        setSaved(loaded.value);
        setForm(smtpFormOf(loaded.value));
      } else setProblem(loaded.error);
    });
    return () => {
      current = false;
    };
  }, [loadSmtpSettings]);

  const change = (next: Partial<SmtpForm>) => {
    setForm((f) => ({ ...f, ...next }));
    setErrors({});
    setProblem(null);
    setSavedNote(false);
  };
  const changed = smtpFormChanged(form, saved);

  /** Saves the form; answers whether what is saved is now what the form says. */
  const save = async (): Promise<boolean> => {
    const checked = readSmtpForm(form);
    if (!checked.ok) {
      const texts: Partial<Record<SmtpField, string>> = {};
      for (const [key, id] of Object.entries(checked.errors)) texts[key as SmtpField] = t(id);
      setErrors(texts);
      // A problem with the port is in the connection details: show them.
      if (checked.errors.port) setAdvanced(true);
      return false;
    }
    setBusy('save');
    const outcome = await saveSmtpSettings(checked.input);
    setBusy(null);
    if (!outcome.ok) {
      const field = outcome.field as SmtpField | undefined;
      if (field && field in form) setErrors({ [field]: say(t, outcome.error) });
      else setProblem(outcome.error);
      return false;
    }
    setSaved(outcome.value);
    // The password typed is gone from the page as soon as it is kept.
    setForm(smtpFormOf(outcome.value));
    setSavedNote(true);
    return true;
  };

  const test = async () => {
    setResult(null);
    if (changed && !(await save())) return;
    setBusy('test');
    const outcome = await sendTestEmail(to.trim());
    setBusy(null);
    setResult(outcome.ok ? outcome.value : { ok: false, detail: say(t, outcome.error) });
  };

  const protection = saved?.protection;
  const noKeeping = protection === 'unavailable';
  const fieldProps = (key: SmtpField & keyof SmtpForm) => ({
    id: `smtp-${key}`,
    'data-testid': `smtp-${key}`,
    value: form[key],
    onChange: (e: { target: { value: string } }) => change({ [key]: e.target.value }),
    'aria-invalid': errors[key] ? true : undefined,
  });

  return (
    <FormDialog
      testId="smtp"
      title={t('run.smtp.title')}
      onClose={closeDialog}
      wide
      closeLabel={t(changed ? 'common.cancel' : 'common.close')}
      savedNote={savedNote && !changed ? t('run.smtp.saved') : undefined}
      action={{
        label: t(busy === 'save' ? 'run.smtp.saving' : 'run.smtp.save'),
        onPress: () => void save(),
        disabled: busy !== null || !changed,
      }}
    >
      <form
        className="form smtp-form"
        data-testid="smtp-form"
        autoComplete="off"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {busy === 'load' && <p className="sim-note">{t('run.smtp.loading')}</p>}
        <p className={`smtp-mode${form.host.trim() ? '' : ' is-embedded'}`} data-testid="smtp-mode">
          {t(form.host.trim() ? 'run.smtp.mode.server' : 'run.smtp.mode.outbox')}
        </p>
        <Field
          id="smtp-host"
          label={t('run.smtp.host')}
          optional={t('run.test.optional')}
          help={t('run.smtp.hostHelp')}
          errors={errors.host ? [errors.host] : []}
        >
          <input className="input" placeholder={EXAMPLE_HOST} {...fieldProps('host')} />
        </Field>
        <details
          className="smtp-advanced"
          open={advanced}
          onToggle={(e) => setAdvanced(e.currentTarget.open)}
        >
          <summary data-testid="smtp-advanced">{t('run.smtp.advanced')}</summary>
          <p className="field-help">{t('run.smtp.advancedHelp')}</p>
          <Field
            id="smtp-port"
            label={t('run.smtp.port')}
            help={t('run.smtp.portHelp')}
            errors={errors.port ? [errors.port] : []}
          >
            <input className="input is-number" inputMode="numeric" {...fieldProps('port')} />
          </Field>
          <Field
            id="smtp-security"
            label={t('run.smtp.security')}
            help={t('run.smtp.securityHelp')}
          >
            <select
              id="smtp-security"
              className="select"
              data-testid="smtp-security"
              value={form.security}
              onChange={(e) => {
                setForm((f) => withSecurity(f, e.target.value as SmtpSecurity));
                setSavedNote(false);
              }}
            >
              {SMTP_SECURITY.map((s) => (
                <option key={s} value={s}>
                  {t(SECURITY_LABELS[s])}
                </option>
              ))}
            </select>
          </Field>
        </details>
        <div className="field-pair">
          <Field
            id="smtp-username"
            label={t('run.smtp.user')}
            optional={t('run.test.optional')}
            errors={errors.username ? [errors.username] : []}
          >
            <input className="input" autoComplete="off" {...fieldProps('username')} />
          </Field>
          <Field
            id="smtp-password"
            label={t('run.smtp.password')}
            optional={t('run.test.optional')}
            errors={errors.password ? [errors.password] : []}
          >
            <input
              className="input"
              type="password"
              autoComplete="new-password"
              disabled={noKeeping}
              placeholder={t(saved?.passwordSet ? 'run.smtp.pw.keptHint' : 'run.smtp.pw.noneHint')}
              {...fieldProps('password')}
              onChange={(e) => change({ password: e.target.value, forget: false })}
            />
          </Field>
        </div>
        <div className="smtp-password-state">
          <span data-testid="smtp-password-state">
            {t(
              form.forget
                ? 'run.smtp.pw.forget'
                : form.password
                  ? saved?.passwordSet
                    ? 'run.smtp.pw.replace'
                    : 'run.smtp.pw.keep'
                  : saved?.passwordSet
                    ? 'run.smtp.pw.kept'
                    : 'run.smtp.pw.none',
            )}
          </span>
          {saved?.passwordSet && !form.forget && !form.password && (
            <button
              type="button"
              className="link-button"
              data-testid="smtp-password-forget"
              onClick={() => change({ forget: true, password: '' })}
            >
              {t('run.smtp.pw.forgetIt')}
            </button>
          )}
          {form.forget && (
            <button
              type="button"
              className="link-button"
              data-testid="smtp-password-keep"
              onClick={() => change({ forget: false })}
            >
              {t('run.smtp.pw.keepIt')}
            </button>
          )}
        </div>
        {protection && (
          <p
            className={`field-help smtp-protection is-${protection}`}
            data-testid="smtp-protection"
          >
            {t(protectionNote(protection))}
          </p>
        )}
        <Field
          id="smtp-from"
          label={t('run.smtp.from')}
          optional={t('run.test.optional')}
          help={t('run.smtp.fromHelp')}
          errors={errors.from ? [errors.from] : []}
        >
          <input className="input" placeholder={EXAMPLE_FROM} {...fieldProps('from')} />
        </Field>
        {problem && (
          <p className="form-error" role="alert" data-testid="smtp-error">
            {say(t, problem)}
          </p>
        )}
        <button type="submit" hidden />
      </form>

      <section className="smtp-test" aria-label={t('run.smtp.test')}>
        <h3 className="section-title">{t('run.smtp.test')}</h3>
        <div className="smtp-test-line">
          <input
            className="input"
            type="email"
            placeholder={EXAMPLE_TO}
            aria-label={t('run.smtp.testTo')}
            data-testid="smtp-test-to"
            value={to}
            onChange={(e) => {
              setTo(e.target.value);
              setResult(null);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && to.trim() && busy === null) void test();
            }}
          />
          <button
            type="button"
            className="button"
            data-testid="smtp-test-send"
            disabled={busy !== null || !to.trim()}
            onClick={() => void test()}
          >
            {t(
              busy === 'test'
                ? 'run.test.sending'
                : changed
                  ? 'run.smtp.saveAndSend'
                  : 'run.smtp.sendTest',
            )}
          </button>
        </div>
        {result && (
          <p
            className={`smtp-test-result ${result.ok ? 'is-ok' : 'is-error'}`}
            data-testid="smtp-test-result"
            data-ok={result.ok}
            role={result.ok ? 'status' : 'alert'}
          >
            <strong>{t(result.ok ? 'run.smtp.sent' : 'run.smtp.notSent')}</strong>{' '}
            {(!result.ok && mailFailureWords(t, locale, result.detail)) || result.detail}
          </p>
        )}
      </section>
    </FormDialog>
  );
}
