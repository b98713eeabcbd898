import { useMemo, useState } from 'react';
import { useIntl } from 'react-intl';
import { channelDefinition, isChannel } from '../../core/channels/registry';
import type { JourneyNode } from '../../core/model/journey';
import { renderTemplate, type RenderResult } from '../../core/runtime/templating';
import { channelView } from '../channels/registry';
import { localisedConfig, messageLanguages } from '../../core/nodes/message-locales';
import { useT } from '../i18n/I18nProvider';
import type { MessageId } from '../i18n/messages';
import { useApp } from '../store/app-store';
import {
  PERSONAS,
  PREVIEW_UNSUBSCRIBE_URL,
  findPersona,
  type Persona,
} from '../../core/templates/preview-personas';

/** The preview's language choice for the content without a language (the fallback). */
const DEFAULT_CONTENT = 'default';

/** Who each sample profile is, in the app's language. */
export const PERSONA_NOTES: Readonly<Record<string, MessageId>> = {
  emma: 'inspector.preview.persona.emma',
  liam: 'inspector.preview.persona.liam',
  anonymous: 'inspector.preview.persona.anonymous',
  aiko: 'inspector.preview.persona.aiko',
};

/**
 * The message as the chosen sample profile would get it, rendered live with the engine's Liquid;
 * the channel's view draws it.
 */
export function MessagePreview({ node }: { node: JourneyNode }) {
  const t = useT();
  const intl = useIntl();
  const personaId = useApp((s) => s.personaId);
  const setPersona = useApp((s) => s.setPersona);
  const journeyName = useApp((s) => s.journey?.name ?? '');
  const journeyId = useApp((s) => s.journey?.id ?? '');
  const persona = findPersona(personaId);
  // '' previews in the profile's own language (its `locale`), as it would be sent.
  const [language, setLanguage] = useState('');
  const languages = messageLanguages(node.config);
  const config = useMemo(
    () => localisedConfig(node.config, language || persona.profile.locale),
    [node.config, language, persona.profile.locale],
  );
  const name = typeof config.channel === 'string' ? config.channel : '';
  const channel = isChannel(name) ? channelDefinition(name) : undefined;
  const view = channelView(name);
  const rendered = useMemo(() => {
    const scope = {
      profile: persona.profile,
      event: persona.event,
      journey: { id: journeyId, name: journeyName },
      unsubscribe_url: PREVIEW_UNSUBSCRIBE_URL,
      now: new Date(),
    };
    const out: Record<string, RenderResult | undefined> = {};
    for (const { field, mode } of channel?.templateFields ?? []) {
      const source = config[field];
      if (typeof source === 'string') out[field] = renderTemplate(source, mode, scope);
    }
    return out;
  }, [channel, config, persona, journeyId, journeyName]);
  const person = channel?.person;
  const profile = persona.profile;
  const skipped =
    person && (profile.unsubscribed === true || profile[person.optOutAttribute] === true)
      ? t('inspector.preview.unsubscribed')
      : person && view?.addressWords && !profile[person.addressAttribute]
        ? t('inspector.preview.noAddress', {
            address: view.addressWords(t),
          })
        : null;
  const note = (p: Persona) => {
    const id = PERSONA_NOTES[p.id];
    return id ? t(id) : p.note;
  };
  const languageName = (code: string) =>
    intl.formatDisplayName(code, { type: 'language', fallback: 'code' }) ?? code;

  return (
    <section className="preview" aria-label={t('inspector.preview.title')}>
      <div className="preview-head">
        <h3 className="section-title">{t('inspector.preview.title')}</h3>
        <select
          className="select is-inline"
          value={persona.id}
          aria-label={t('inspector.preview.as')}
          title={t('inspector.preview.asHelp')}
          onChange={(e) => setPersona(e.target.value)}
        >
          {PERSONAS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        {languages.length > 0 && (
          <select
            className="select is-inline"
            value={language}
            aria-label={t('inspector.preview.in')}
            title={t('inspector.preview.inHelp')}
            onChange={(e) => setLanguage(e.target.value)}
            data-testid="preview-language"
          >
            <option value="">{t('inspector.preview.profileLanguage')}</option>
            <option value={DEFAULT_CONTENT}>{t('inspector.preview.defaultContent')}</option>
            {languages.map((l) => (
              <option key={l} value={l}>
                {languageName(l)}
              </option>
            ))}
          </select>
        )}
      </div>
      <p className="preview-persona">{note(persona)}</p>
      {skipped && <p className="preview-note">{skipped}</p>}
      {view && <view.Preview config={config} rendered={rendered} profile={profile} />}
    </section>
  );
}
