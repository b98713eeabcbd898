import { useEffect, useRef, useState } from 'react';
import type { LibrarySettingsView } from '../../core/api/settings-contract';
import { useT } from '../i18n/I18nProvider';
import { Field } from '../inspector/widgets/Field';
import { FormDialog } from '../panels/FormDialog';
import { useAppStore } from '../store/app-store';
import { BackupsSection } from './BackupsSection';
import { CONTROL_IDS, controlsFor, problemWords } from './field-problems';
import { LinksSection, type SectionProps } from './LinksSection';
import { MailboxSection } from './MailboxSection';
import { RegionSection } from './RegionSection';
import { ServerSection } from './ServerSection';
import {
  fieldOfPath,
  readSettingsForm,
  settingsFormChanged,
  settingsFormOf,
  type SettingsErrors,
  type SettingsField,
  type SettingsForm,
} from './settings-form';
import { say, type Words } from '../i18n/words';

/** The webhook hosts allowed although they are on this computer or a private network. */
function WebhooksSection({ form, errors, change }: SectionProps) {
  const t = useT();
  const controls = controlsFor(errors);
  return (
    <section className="settings-section" aria-labelledby="settings-webhooks-title">
      <h3 className="section-title" id="settings-webhooks-title">
        {t('settings.webhooks.title')}
      </h3>
      <Field
        id={controls.webhookHosts.id}
        label={t('settings.webhooks.label')}
        optional={t('common.optional')}
        help={t('settings.webhooks.help')}
        errors={problemWords(t, errors.webhookHosts)}
      >
        <textarea
          {...controls.webhookHosts}
          className="textarea"
          rows={3}
          placeholder={t('settings.webhooks.placeholder')}
          value={form.webhookHosts}
          onChange={(e) => change({ webhookHosts: e.target.value })}
        />
      </Field>
    </section>
  );
}

/**
 * Settings of the whole library: where links in messages lead, the mailbox that receives
 * unsubscribes, bounces and complaints, the webhook hosts allowed on this computer or a private
 * network, and the backups.
 */
export function SettingsDialog() {
  const t = useT();
  const store = useAppStore();
  const { closeDialog, loadLibrarySettings, saveLibrarySettings } = store.getState();
  const [saved, setSaved] = useState<LibrarySettingsView | null>(null);
  const [form, setForm] = useState<SettingsForm | null>(null);
  const [errors, setErrors] = useState<SettingsErrors>({});
  const [problem, setProblem] = useState<Words | null>(null);
  const [saving, setSaving] = useState(false);
  const [savedNote, setSavedNote] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const apply = (view: LibrarySettingsView, keepForm: boolean) => {
    setSaved(view);
    if (keepForm) return;
    setForm(settingsFormOf(view));
    setErrors({});
  };
  useEffect(() => {
    let current = true;
    void loadLibrarySettings().then((loaded) => {
      if (!current) return;
      if (loaded.ok) {
        setSaved(loaded.value);
        setForm(settingsFormOf(loaded.value));
      } else setProblem(loaded.error);
    });
    return () => {
      current = false;
    };
  }, [loadLibrarySettings]);
  /** Reads the settings again; `keepForm` leaves what is being typed as it is. */
  const reload = async (keepForm: boolean) => {
    const loaded = await loadLibrarySettings();
    if (loaded.ok) apply(loaded.value, keepForm);
    else setProblem(loaded.error);
  };

  // The dialog had the focus while the settings were read; the first field takes it now.
  const ready = form !== null;
  useEffect(() => {
    if (ready) formRef.current?.querySelector<HTMLElement>('input')?.focus();
  }, [ready]);

  const change = (next: Partial<SettingsForm>) => {
    setForm((f) => (f ? { ...f, ...next } : f));
    // A field's problem goes as the field changes; the others stay until they are seen to.
    setErrors((found) => {
      const rest = { ...found };
      for (const key of Object.keys(next))
        delete rest[(key === 'forget' ? 'password' : key) as SettingsField];
      return rest;
    });
    setProblem(null);
    setSavedNote(false);
  };
  const changed = form !== null && settingsFormChanged(form, saved);

  const refuse = (found: SettingsErrors) => {
    setErrors(found);
    const first = (Object.keys(CONTROL_IDS) as SettingsField[]).find((f) => found[f]);
    if (first) document.getElementById(CONTROL_IDS[first])?.focus();
  };

  const save = async () => {
    if (!form || saving) return;
    const checked = readSettingsForm(form, saved);
    if (!checked.ok) {
      refuse(checked.errors);
      return;
    }
    setSaving(true);
    const outcome = await saveLibrarySettings(checked.input);
    setSaving(false);
    if (!outcome.ok) {
      const field = fieldOfPath(outcome.field);
      if (field) refuse({ [field]: { text: say(t, outcome.error) } });
      else setProblem(outcome.error);
      return;
    }
    setSaved(outcome.value);
    // The password typed is gone from the page as soon as it is kept.
    setForm(settingsFormOf(outcome.value));
    setSavedNote(true);
  };

  return (
    <FormDialog
      testId="settings"
      title={t('settings.title')}
      onClose={closeDialog}
      size="wide"
      closeLabel={t(changed ? 'common.cancel' : 'common.close')}
      savedNote={savedNote && !changed ? t('settings.saved') : undefined}
      action={{
        label: t(saving ? 'settings.saving' : 'settings.save'),
        onPress: () => void save(),
        disabled: !changed || saving,
        keepsFocus: true,
      }}
    >
      <div className="settings-dialog" data-testid="settings-dialog">
        {!form || !saved ? (
          <p className="settings-help" role={problem ? 'alert' : 'status'}>
            {problem ? say(t, problem) : t('settings.loading')}
          </p>
        ) : (
          <form
            ref={formRef}
            className="form settings-form"
            data-testid="settings-form"
            autoComplete="off"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <RegionSection form={form} change={change} />
            <LinksSection form={form} errors={errors} change={change} />
            <MailboxSection
              form={form}
              errors={errors}
              change={change}
              saved={saved}
              changed={changed}
              onRead={() => void reload(true)}
            />
            <WebhooksSection form={form} errors={errors} change={change} />
            {problem && (
              <p className="form-error" role="alert" data-testid="settings-error">
                {say(t, problem)}
              </p>
            )}
            <button type="submit" hidden />
          </form>
        )}
        <BackupsSection onRestored={() => void reload(false)} />
        <ServerSection />
      </div>
    </FormDialog>
  );
}
