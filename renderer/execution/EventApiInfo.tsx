import { useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { useT } from '../i18n/I18nProvider';
import { CopyIcon, EyeIcon, EyeOffIcon } from '../nodes/icons';
import { useApp, useAppStore } from '../store/app-store';
import { curlExample, maskToken, triggerEventName } from './event-api';
import { engineProblemWords } from './problem-words';
import { say, words } from '../i18n/words';

/** What a copy button copies, as the notices name it. */
type Copied = 'address' | 'token' | 'command';

/**
 * Where other systems send events: the local event API's address and token (masked until
 * revealed), with a one-line curl example to copy.
 */
export function EventApiInfo() {
  const t = useT();
  const store = useAppStore();
  const engine = useApp((s) => s.execution.engine);
  const engineError = useApp((s) => s.execution.engineError);
  const event = useApp((s) => triggerEventName(s.journey)) ?? 'signed_up';
  const [revealed, setRevealed] = useState(false);
  const { notify } = store.getState();

  const copy = (text: string, what: Copied) => {
    const clipboard = typeof navigator !== 'undefined' ? navigator.clipboard : undefined;
    if (!clipboard) {
      notify(words('run.api.copyUnavailable', { what }), 'warning');
      return;
    }
    clipboard.writeText(text).then(
      () => notify(words('run.api.copied', { what }), 'success'),
      () => notify(words('run.api.copyFailed', { what }), 'warning'),
    );
  };

  if (engineError) return <p className="form-error">{say(t, engineError)}</p>;
  if (!engine) return <p className="sim-note">{t('run.api.reading')}</p>;
  const { eventApiUrl: url, eventApiToken: token } = engine;
  const problem = engineProblemWords(t, engine);
  if (!url || !token) {
    return (
      <p className="sim-note" data-testid="event-api-off">
        {problem ? t('run.api.offWhy', { problem }) : t('run.api.off')}
      </p>
    );
  }
  const shown = revealed ? token : maskToken(token);
  const tokenAction = t(revealed ? 'run.api.hideToken' : 'run.api.showToken');

  return (
    <div className="event-api" data-testid="event-api">
      {!engine.running && (
        <p className="form-error" role="alert" data-testid="event-api-problem">
          {problem ? t('run.api.engineOffWhy', { problem }) : t('run.api.engineOff')}
        </p>
      )}
      <p className="sim-note">
        <FormattedMessage id="run.api.intro" values={{ code: (chunks) => <code>{chunks}</code> }} />
      </p>
      <dl className="event-api-facts">
        <dt>{t('run.api.address')}</dt>
        <dd>
          <code data-testid="event-api-url">{url}</code>
          <button
            type="button"
            className="icon-button is-small"
            aria-label={t('run.api.copyAddress')}
            title={t('run.api.copyAddress')}
            data-testid="event-api-url-copy"
            onClick={() => copy(url, 'address')}
          >
            <CopyIcon size={14} />
          </button>
        </dd>
        <dt>{t('run.api.token')}</dt>
        <dd>
          <code data-testid="event-api-token">{shown}</code>
          <button
            type="button"
            className="icon-button is-small"
            aria-label={tokenAction}
            title={tokenAction}
            aria-pressed={revealed}
            data-testid="event-api-reveal"
            onClick={() => setRevealed(!revealed)}
          >
            {revealed ? <EyeOffIcon size={14} /> : <EyeIcon size={14} />}
          </button>
          <button
            type="button"
            className="icon-button is-small"
            aria-label={t('run.api.copyToken')}
            title={t('run.api.copyToken')}
            data-testid="event-api-copy"
            onClick={() => copy(token, 'token')}
          >
            <CopyIcon size={14} />
          </button>
        </dd>
      </dl>
      <div className="section-head">
        <h3 className="section-title">{t('run.api.tryIt')}</h3>
        <button
          type="button"
          className="link-button"
          data-testid="event-api-curl-copy"
          onClick={() => copy(curlExample(url, token, event), 'command')}
        >
          <CopyIcon size={14} /> {t('run.api.copy')}
        </button>
      </div>
      <pre className="event-api-curl" data-testid="event-api-curl">
        {curlExample(url, shown, event)}
      </pre>
      <p className="sim-note">{t('run.api.keep')}</p>
    </div>
  );
}
