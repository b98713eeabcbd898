import { linkTarget } from '../../core/app/sending-preflight';
import { useT } from '../i18n/I18nProvider';
import { Field } from '../inspector/widgets/Field';
import { controlsFor, problemWords } from './field-problems';
import type { SettingsErrors, SettingsForm } from './settings-form';

export interface SectionProps {
  form: SettingsForm;
  errors: SettingsErrors;
  change: (next: Partial<SettingsForm>) => void;
}

/** Where unsubscribe links and hosted pages lead, as the form stands now. */
function LinksNote({ form }: { form: SettingsForm }) {
  const t = useT();
  const publicUrl = form.publicUrl.trim();
  const target = linkTarget({
    publicUrl,
    mailbox: {
      host: form.host.trim(),
      port: Number(form.port),
      security: form.security,
      username: form.username.trim(),
    },
  });
  const text =
    target === 'public'
      ? t('settings.links.public', { url: publicUrl })
      : target === 'mailto'
        ? t('settings.links.mailto', {
            address: form.unsubscribeAddress.trim() || t('settings.links.senderDomain'),
          })
        : t('settings.links.loopback');
  return (
    <p
      className={`settings-note is-${target}`}
      data-testid="settings-links-note"
      data-target={target}
    >
      {text}
    </p>
  );
}

/** The public address of this computer, and where `mailto:` unsubscribes go. */
export function LinksSection({ form, errors, change }: SectionProps) {
  const t = useT();
  const controls = controlsFor(errors);
  return (
    <section className="settings-section" aria-labelledby="settings-links-title">
      <h3 className="section-title" id="settings-links-title">
        {t('settings.links.title')}
      </h3>
      <LinksNote form={form} />
      <Field
        id={controls.publicUrl.id}
        label={t('settings.publicUrl.label')}
        optional={t('common.optional')}
        help={t('settings.publicUrl.help')}
        errors={problemWords(t, errors.publicUrl)}
      >
        <input
          {...controls.publicUrl}
          className="input"
          type="url"
          data-testid="settings-public-url"
          placeholder={t('settings.publicUrl.placeholder')}
          value={form.publicUrl}
          onChange={(e) => change({ publicUrl: e.target.value })}
        />
      </Field>
      <Field
        id={controls.unsubscribeAddress.id}
        label={t('settings.unsubscribeAddress.label')}
        optional={t('common.optional')}
        help={t('settings.unsubscribeAddress.help')}
        errors={problemWords(t, errors.unsubscribeAddress)}
      >
        <input
          {...controls.unsubscribeAddress}
          className="input"
          type="email"
          placeholder={t('settings.unsubscribeAddress.placeholder')}
          value={form.unsubscribeAddress}
          onChange={(e) => change({ unsubscribeAddress: e.target.value })}
        />
      </Field>
    </section>
  );
}
