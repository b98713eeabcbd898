import { countPush } from '../../core/channels/push-limits';
import type { JourneyNode } from '../../core/model/journey';
import { renderTemplate } from '../../core/runtime/templating';
import { useT } from '../i18n/I18nProvider';
import { findPersona, PREVIEW_UNSUBSCRIBE_URL } from '../../core/templates/preview-personas';
import { useApp } from '../store/app-store';

/** Title and body against what phones show on the lock screen, and the notification as a phone shows it. */
export function PushComposer({ node }: { node: JourneyNode }) {
  const t = useT();
  const persona = findPersona(useApp((s) => s.personaId));
  const journeyName = useApp((s) => s.journey?.name ?? '');
  const render = (field: 'title' | 'body') => {
    const source = typeof node.config[field] === 'string' ? node.config[field] : '';
    const result = renderTemplate(source, 'text', {
      profile: persona.profile,
      event: persona.event,
      journey: { id: '', name: journeyName },
      unsubscribe_url: PREVIEW_UNSUBSCRIBE_URL,
      now: new Date(),
    });
    return result.ok ? result.text : source;
  };
  const title = render('title');
  const body = render('body');
  const counts = [countPush('title', title), countPush('body', body)];
  return (
    <section className="composer" aria-label={t('composer.push.title')} data-testid="push-composer">
      {counts.map((c) => (
        <p key={c.field} className={c.over ? 'field-error' : 'composer-count'} aria-live="polite">
          {t(c.field === 'title' ? 'composer.push.titleCount' : 'composer.push.bodyCount', {
            length: c.length,
            limit: c.limit,
          })}
          {c.over && ` ${t('composer.push.cut')}`}
        </p>
      ))}
      <div className="phone" role="img" aria-label={t('composer.push.phone', { title, body })}>
        <div className="phone-notch" />
        <div className="phone-notification">
          <span className="phone-app">{journeyName || t('composer.push.app')}</span>
          <strong>{Array.from(title).slice(0, 50).join('')}</strong>
          <span>{Array.from(body).slice(0, 178).join('')}</span>
        </div>
      </div>
    </section>
  );
}
