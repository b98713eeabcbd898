import { useMemo } from 'react';
import type { JourneyNode } from '../../core/model/journey';
import { mailboxAddress } from '../../core/nodes/message.node';
import { renderTemplate, type TemplateMode } from '../../core/runtime/templating';
import { useApp } from '../store/app-store';
import { PERSONAS, PREVIEW_UNSUBSCRIBE_URL, findPersona } from './personas';

type Rendered = { ok: true; text: string } | { ok: false; error: string };

/** The message as the chosen sample profile would get it, rendered live with the engine's Liquid. */
export function MessagePreview({ node }: { node: JourneyNode }) {
  const personaId = useApp((s) => s.personaId);
  const setPersona = useApp((s) => s.setPersona);
  const journeyName = useApp((s) => s.journey?.name ?? '');
  const journeyId = useApp((s) => s.journey?.id ?? '');
  const persona = findPersona(personaId);
  const config = node.config;
  const rendered = useMemo(() => {
    const scope = {
      profile: persona.profile,
      event: persona.event,
      journey: { id: journeyId, name: journeyName },
      unsubscribe_url: PREVIEW_UNSUBSCRIBE_URL,
      now: new Date(),
    };
    const render = (field: string, mode: TemplateMode): Rendered | undefined => {
      const source = config[field];
      return typeof source === 'string' ? renderTemplate(source, mode, scope) : undefined;
    };
    return {
      subject: render('subject', 'text'),
      html: render('html', 'html'),
      text: render('text', 'text'),
      title: render('title', 'text'),
      body: render('body', 'text'),
      url: render('url', 'text'),
    };
  }, [config, persona, journeyId, journeyName]);
  const channel = config.channel;
  const skipped =
    channel !== 'webhook' &&
    (persona.profile.unsubscribed === true || persona.profile.email_opt_out === true)
      ? 'This profile is unsubscribed: the message would be skipped.'
      : channel === 'email' && !persona.profile.email
        ? 'This profile has no email address: the message would be skipped.'
        : channel === 'sms' && !persona.profile.phone
          ? 'This profile has no phone number: the message would be skipped.'
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
      </div>
      <p className="preview-persona">{persona.note}</p>
      {skipped && <p className="preview-note">{skipped}</p>}
      {channel === 'email' && (
        <div className="preview-email">
          <dl className="preview-meta">
            <dt>From</dt>
            <dd>{typeof config.from === 'string' ? config.from : ''}</dd>
            <dt>To</dt>
            <dd>{typeof persona.profile.email === 'string' ? persona.profile.email : '—'}</dd>
            <dt>Subject</dt>
            <dd className="preview-subject">
              <Output value={rendered.subject} />
            </dd>
          </dl>
          {rendered.html?.ok === false ? (
            <p className="preview-error">Body: {rendered.html.error}</p>
          ) : (
            <iframe
              className="preview-frame"
              title="Email body preview"
              sandbox=""
              srcDoc={emailDocument(rendered.html?.text ?? '')}
            />
          )}
          {rendered.text && (
            <details className="preview-text">
              <summary>Plain-text version</summary>
              <pre>
                <Output value={rendered.text} />
              </pre>
            </details>
          )}
          {typeof config.from === 'string' && !mailboxAddress(config.from).includes('@') && (
            <p className="preview-error">The sender is not an email address yet.</p>
          )}
        </div>
      )}
      {channel === 'sms' && (
        <div className="preview-sms">
          <div className="preview-bubble">
            <Output value={rendered.text} />
          </div>
        </div>
      )}
      {channel === 'push' && (
        <div className="preview-push">
          <strong>
            <Output value={rendered.title} />
          </strong>
          <span>
            <Output value={rendered.body} />
          </span>
        </div>
      )}
      {channel === 'webhook' && (
        <pre className="preview-webhook">
          {typeof config.method === 'string' ? config.method : 'POST'}{' '}
          <Output value={rendered.url} />
          {rendered.body && (
            <>
              {'\n\n'}
              <Output value={rendered.body} />
            </>
          )}
        </pre>
      )}
    </section>
  );
}

function Output({ value }: { value: Rendered | undefined }) {
  if (!value) return null;
  return value.ok ? <>{value.text}</> : <span className="preview-error">{value.error}</span>;
}

/** The body inside a minimal page, so the sandboxed frame shows it as a mail client would. */
function emailDocument(html: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><style>body{font:14px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#1f2937;margin:16px;}a{color:#2563eb;}img{max-width:100%;}</style></head><body>${html}</body></html>`;
}
