import { countSms, hasOptOut, linksIn } from '../../core/channels/sms-segments';
import type { JourneyNode } from '../../core/model/journey';
import { renderTemplate } from '../../core/runtime/templating';
import { useT } from '../i18n/I18nProvider';
import { findPersona, PREVIEW_UNSUBSCRIBE_URL } from '../../core/templates/preview-personas';
import { useApp } from '../store/app-store';

/**
 * Live SMS counts for the text as the preview's profile gets it: characters, parts and the
 * encoding (one emoji or "ő" turns 160-character GSM-7 into 70-character UCS-2), the opt-out
 * words, and where its links go.
 */
export function SmsComposer({ node }: { node: JourneyNode }) {
  const t = useT();
  const updateConfig = useApp((s) => s.updateConfig);
  const persona = findPersona(useApp((s) => s.personaId));
  const source = typeof node.config.text === 'string' ? node.config.text : '';
  const rendered = renderTemplate(source, 'text', {
    profile: persona.profile,
    event: persona.event,
    journey: { id: '', name: '' },
    unsubscribe_url: PREVIEW_UNSUBSCRIBE_URL,
    now: new Date(),
  });
  const text = rendered.ok ? rendered.text : source;
  const count = countSms(text);
  const links = linksIn(text);
  return (
    <section className="composer" aria-label={t('composer.sms.title')} data-testid="sms-composer">
      <p className="composer-count" aria-live="polite" data-testid="sms-count">
        {t('composer.sms.count', {
          length: count.length,
          per: count.perSegment,
          segments: count.segments,
        })}
        {' · '}
        {count.encoding === 'gsm7'
          ? t('composer.sms.gsm')
          : t('composer.sms.ucs', { chars: count.unicode.slice(0, 5).join(' ') })}
      </p>
      <p className="field-help">
        {t('composer.sms.remaining', { remaining: count.remaining, name: persona.name })}
      </p>
      {!hasOptOut(source) && (
        <div className="composer-warning">
          <p>{t('composer.sms.noOptOut')}</p>
          <button
            type="button"
            className="button"
            onClick={() =>
              updateConfig(node.id, {
                ...node.config,
                text: `${source.trimEnd()} ${t('composer.sms.optOutText')}`,
              })
            }
          >
            {t('composer.sms.addOptOut')}
          </button>
        </div>
      )}
      {links.length > 0 && (
        <ul className="composer-links" aria-label={t('composer.sms.links')}>
          {links.map((link) => {
            let host = link;
            try {
              host = new URL(link).host;
            } catch {
              // Shown as written.
            }
            return (
              <li key={link} className="link-card">
                <strong>{host}</strong>
                <span>{t('composer.sms.linkLength', { length: Array.from(link).length })}</span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
