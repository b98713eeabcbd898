import { useMemo, useState } from 'react';
import { channelDefinition, isChannel } from '../../core/channels/registry';
import type { JourneyNode } from '../../core/model/journey';
import { renderTemplate, type RenderResult } from '../../core/runtime/templating';
import { channelView } from '../channels/registry';
import { localisedConfig, messageLanguages } from '../../core/nodes/message-locales';
import { useApp } from '../store/app-store';
import { useT } from '../i18n/I18nProvider';
import {
  PERSONAS,
  PREVIEW_UNSUBSCRIBE_URL,
  findPersona,
} from '../../core/templates/preview-personas';

/**
 * The message as the chosen sample profile would get it, rendered live with the engine's Liquid;
 * the channel's view draws it.
 */
export function MessagePreview({ node }: { node: JourneyNode }) {
  const t = useT();
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
      ? 'This profile is unsubscribed: the message would be skipped.'
      : person && view?.addressWords && !profile[person.addressAttribute]
        ? `This profile has no ${view.addressWords(t)}: the message would be skipped.`
        : null;

  return (
    <section className="preview" aria-label="Preview">
      <div className="preview-head">
        <h3 className="section-title">Preview</h3>
        <select
          className="select is-inline"
          value={persona.id}
          aria-label="Preview as"
          title="The sample profile the preview is rendered for"
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
            aria-label="Preview in"
            title="The language of the content the preview shows"
            onChange={(e) => setLanguage(e.target.value)}
            data-testid="preview-language"
          >
            <option value="">The profile’s language</option>
            <option value="default">Default content</option>
            {languages.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        )}
      </div>
      <p className="preview-persona">{persona.note}</p>
      {skipped && <p className="preview-note">{skipped}</p>}
      {view && <view.Preview config={config} rendered={rendered} profile={profile} />}
    </section>
  );
}
