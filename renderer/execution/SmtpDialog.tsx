import { useEffect, useState } from 'react';
import { SMTP_SECURITY, type SmtpSettingsView } from '../../core/api/execution-contract';
import { Field } from '../inspector/widgets/Field';
import { Modal } from '../panels/Modal';
import { useAppStore } from '../store/app-store';
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

const EMPTY: SmtpForm = {
  host: '',
  port: '587',
  security: 'starttls',
  username: '',
  password: '',
  forget: false,
  from: '',
};

type TestResult = { ok: boolean; detail: string };

/**
 * Where email goes: the embedded outbox (no host), or an SMTP server. The password is write-only:
 * the dialog says whether one is kept and offers to replace or forget it, never shows it.
 */
export function SmtpDialog() {
  const store = useAppStore();
  const { closeDialog, loadSmtpSettings, saveSmtpSettings, sendTestEmail } = store.getState();
  const [saved, setSaved] = useState<SmtpSettingsView | null>(null);
  const [form, setForm] = useState<SmtpForm>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<SmtpField, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<'load' | 'save' | 'test' | null>('load');
  const [savedNote, setSavedNote] = useState(false);
  const [to, setTo] = useState('');
  const [result, setResult] = useState<TestResult | null>(null);

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
      setErrors(checked.errors);
      return false;
    }
    setBusy('save');
    const outcome = await saveSmtpSettings(checked.input);
    setBusy(null);
    if (!outcome.ok) {
      const field = outcome.field as SmtpField | undefined;
      if (field && field in form) setErrors({ [field]: outcome.error });
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
    setResult(outcome.ok ? outcome.value : { ok: false, detail: outcome.error });
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
    <Modal
      title="Email settings"
      onClose={closeDialog}
      wide
      actions={
        <>
          {savedNote && !changed && (
            <span className="smtp-saved" data-testid="smtp-saved" role="status">
              Saved.
            </span>
          )}
          <button
            type="button"
            className="button is-quiet"
            data-testid="smtp-close"
            onClick={closeDialog}
          >
            {changed ? 'Cancel' : 'Close'}
          </button>
          <button
            type="button"
            className="button is-primary"
            data-testid="smtp-save"
            disabled={busy !== null || !changed}
            onClick={() => void save()}
          >
            {busy === 'save' ? 'Saving…' : 'Save'}
          </button>
        </>
      }
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
        {busy === 'load' && <p className="sim-note">Reading the settings…</p>}
        <p className={`smtp-mode${form.host.trim() ? '' : ' is-embedded'}`} data-testid="smtp-mode">
          {form.host.trim()
            ? 'Email goes out through this SMTP server. Failed sends are tried again, then shown as failed in the outbox.'
            : 'No server: email stays in the embedded outbox, where you can read every message. Nothing leaves this computer.'}
        </p>
        <div className="field-pair smtp-server">
          <Field id="smtp-host" label="Server" optional errors={errors.host ? [errors.host] : []}>
            <input className="input" placeholder="smtp.example.com" {...fieldProps('host')} />
          </Field>
          <Field id="smtp-port" label="Port" errors={errors.port ? [errors.port] : []}>
            <input className="input is-number" inputMode="numeric" {...fieldProps('port')} />
          </Field>
        </div>
        <Field id="smtp-security" label="Security">
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
                {SECURITY_LABELS[s]}
              </option>
            ))}
          </select>
        </Field>
        <div className="field-pair">
          <Field
            id="smtp-username"
            label="User name"
            optional
            errors={errors.username ? [errors.username] : []}
          >
            <input className="input" autoComplete="off" {...fieldProps('username')} />
          </Field>
          <Field
            id="smtp-password"
            label="Password"
            optional
            errors={errors.password ? [errors.password] : []}
          >
            <input
              className="input"
              type="password"
              autoComplete="new-password"
              disabled={noKeeping}
              placeholder={saved?.passwordSet ? 'Kept · type to replace it' : 'None kept'}
              {...fieldProps('password')}
              onChange={(e) => change({ password: e.target.value, forget: false })}
            />
          </Field>
        </div>
        <div className="smtp-password-state">
          <span data-testid="smtp-password-state">
            {form.forget
              ? 'The kept password will be forgotten when you save.'
              : form.password
                ? saved?.passwordSet
                  ? 'The new password replaces the kept one when you save.'
                  : 'The password is kept when you save.'
                : saved?.passwordSet
                  ? 'A password is kept.'
                  : 'No password is kept.'}
          </span>
          {saved?.passwordSet && !form.forget && !form.password && (
            <button
              type="button"
              className="link-button"
              data-testid="smtp-password-forget"
              onClick={() => change({ forget: true, password: '' })}
            >
              Forget it
            </button>
          )}
          {form.forget && (
            <button
              type="button"
              className="link-button"
              data-testid="smtp-password-keep"
              onClick={() => change({ forget: false })}
            >
              Keep it
            </button>
          )}
        </div>
        {protection && (
          <p
            className={`field-help smtp-protection is-${protection}`}
            data-testid="smtp-protection"
          >
            {protectionNote(protection)}
          </p>
        )}
        <Field
          id="smtp-from"
          label="Test emails from"
          optional
          help="The sender of test emails; journeys name their own sender on each message."
          errors={errors.from ? [errors.from] : []}
        >
          <input className="input" placeholder="news@example.com" {...fieldProps('from')} />
        </Field>
        {problem && (
          <p className="form-error" role="alert" data-testid="smtp-error">
            {problem}
          </p>
        )}
        <button type="submit" hidden />
      </form>

      <section className="smtp-test" aria-label="Send a test email">
        <h3 className="section-title">Send a test email</h3>
        <div className="smtp-test-line">
          <input
            className="input"
            type="email"
            placeholder="you@example.com"
            aria-label="Send a test email to"
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
            {busy === 'test' ? 'Sending…' : changed ? 'Save and send' : 'Send test email'}
          </button>
        </div>
        {result && (
          <p
            className={`smtp-test-result ${result.ok ? 'is-ok' : 'is-error'}`}
            data-testid="smtp-test-result"
            data-ok={result.ok}
            role={result.ok ? 'status' : 'alert'}
          >
            <strong>{result.ok ? 'Sent.' : 'Not sent.'}</strong> {result.detail}
          </p>
        )}
      </section>
    </Modal>
  );
}
