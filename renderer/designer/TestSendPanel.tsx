import { useState } from 'react';
import type { JourneyNode } from '../../core/model/journey';
import { useLocale, useT } from '../i18n/I18nProvider';
import { renderFailureWords, templateField } from '../channels/render-failure-words';
import { mailFailureWords } from '../execution/problem-words';
import { useFormats } from '../i18n/format';
import { findPersona } from '../../core/templates/preview-personas';
import { useApp, useAppStore } from '../store/app-store';
import { say, type Words } from '../i18n/words';
import type { AppOutput } from '../../core/api/contract';

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

type SendResult = AppOutput<'sendTestMessage'>;

/** How a test send ended, kept as facts and worded when shown. */
type Outcome =
  | { ok: true; via: SendResult['via']; to: string }
  | { ok: false; refused: Words }
  | { ok: false; failed: Pick<SendResult, 'detail' | 'render'> };

/**
 * Sends the email, as the chosen sample profile would get it, to one address: through the SMTP
 * server when one is set, into the outbox otherwise — with the same headers and images.
 */
export function TestSendPanel({ node, ready }: { node: JourneyNode; ready: boolean }) {
  const t = useT();
  const { locale } = useLocale();
  const formats = useFormats();
  const store = useAppStore();
  const personaId = useApp((s) => s.personaId);
  const journey = useApp((s) => s.journey);
  const [to, setTo] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const persona = findPersona(personaId);
  const send = async () => {
    const state = store.getState();
    const config = state.journey?.nodes.find((n) => n.id === node.id)?.config ?? node.config;
    setBusy(true);
    setOutcome(null);
    const result = await state.sendTestMessage({
      journeyId: journey?.id ?? 'journey',
      journeyName: journey?.name ?? '',
      nodeId: node.id,
      to: to.trim(),
      config,
      profile: persona.profile,
      event: persona.event,
    });
    setBusy(false);
    if (!result.ok) setOutcome({ ok: false, refused: result.error });
    else if (!result.value.ok)
      setOutcome({
        ok: false,
        failed: { detail: result.value.detail, render: result.value.render },
      });
    else setOutcome({ ok: true, via: result.value.via, to: to.trim() });
  };
  // Worded when shown, so the sentence follows the language if it changes meanwhile.
  const outcomeText = (said: Outcome): string => {
    if (said.ok)
      return said.via === 'smtp'
        ? t('designer.send.viaSmtp', { to: said.to })
        : t('designer.send.viaOutbox', { to: said.to });
    if ('refused' in said) return say(t, said.refused);
    const { detail, render } = said.failed;
    return render
      ? renderFailureWords(
          t,
          formats,
          { ...render, error: detail },
          templateField(render.field, render.field),
        )
      : (mailFailureWords(t, locale, detail) ?? detail);
  };
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <p className="designer-hint">{t('designer.send.help', { name: persona.name })}</p>
      <label className="field-label" htmlFor="designer-test-to">
        {t('designer.send.to')}
      </label>
      <input
        id="designer-test-to"
        className="input"
        type="email"
        value={to}
        onChange={(e) => setTo(e.target.value)}
        data-testid="designer-test-to"
      />
      <button
        type="submit"
        className="button is-primary"
        disabled={busy || !ready || !EMAIL.test(to.trim())}
        data-testid="designer-test-send"
      >
        {busy ? t('designer.send.sending') : t('designer.send.button')}
      </button>
      {outcome && (
        <p
          className={outcome.ok ? 'field-help' : 'field-error'}
          role="status"
          data-testid="designer-test-outcome"
        >
          {outcomeText(outcome)}
        </p>
      )}
    </form>
  );
}
