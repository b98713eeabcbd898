import { useState } from 'react';
import { CopyIcon, EyeIcon, EyeOffIcon } from '../nodes/icons';
import { useApp, useAppStore } from '../store/app-store';
import { curlExample, maskToken, triggerEventName } from './event-api';

/**
 * Where other systems send events: the local event API's address and token (masked until
 * revealed), with a one-line curl example to copy.
 */
export function EventApiInfo() {
  const store = useAppStore();
  const engine = useApp((s) => s.execution.engine);
  const engineError = useApp((s) => s.execution.engineError);
  const event = useApp((s) => triggerEventName(s.journey)) ?? 'signed_up';
  const [revealed, setRevealed] = useState(false);
  const { notify } = store.getState();

  const copy = (text: string, what: string) => {
    const clipboard = typeof navigator !== 'undefined' ? navigator.clipboard : undefined;
    if (!clipboard) {
      notify(`Copying is not available here; select the ${what} and copy it by hand.`, 'warning');
      return;
    }
    clipboard.writeText(text).then(
      () => notify(`Copied the ${what}.`, 'success'),
      () => notify(`Could not copy the ${what}; select it and copy it by hand.`, 'warning'),
    );
  };

  if (engineError) return <p className="form-error">{engineError}</p>;
  if (!engine) return <p className="sim-note">Reading the engine’s address…</p>;
  const { eventApiUrl: url, eventApiToken: token } = engine;
  if (!url || !token) {
    return (
      <p className="sim-note" data-testid="event-api-off">
        The event API is not listening
        {engine.problem ? `: ${engine.problem}` : '.'} Events can still be sent from this panel.
      </p>
    );
  }
  const shown = revealed ? token : maskToken(token);

  return (
    <div className="event-api" data-testid="event-api">
      {!engine.running && (
        <p className="form-error" role="alert" data-testid="event-api-problem">
          The engine is not running here
          {engine.problem ? `: ${engine.problem}` : '.'} Events sent to this address may not be
          taken.
        </p>
      )}
      <p className="sim-note">
        Send events from your website, app or tools with <code>POST /v1/track</code>,{' '}
        <code>/v1/identify</code> or <code>/v1/batch</code> (Segment’s shapes), on this computer
        only.
      </p>
      <dl className="event-api-facts">
        <dt>Address</dt>
        <dd>
          <code data-testid="event-api-url">{url}</code>
          <button
            type="button"
            className="icon-button is-small"
            aria-label="Copy the address"
            title="Copy the address"
            data-testid="event-api-url-copy"
            onClick={() => copy(url, 'address')}
          >
            <CopyIcon size={14} />
          </button>
        </dd>
        <dt>Token</dt>
        <dd>
          <code data-testid="event-api-token">{shown}</code>
          <button
            type="button"
            className="icon-button is-small"
            aria-label={revealed ? 'Hide the token' : 'Show the token'}
            title={revealed ? 'Hide the token' : 'Show the token'}
            aria-pressed={revealed}
            data-testid="event-api-reveal"
            onClick={() => setRevealed(!revealed)}
          >
            {revealed ? <EyeOffIcon size={14} /> : <EyeIcon size={14} />}
          </button>
          <button
            type="button"
            className="icon-button is-small"
            aria-label="Copy the token"
            title="Copy the token"
            data-testid="event-api-copy"
            onClick={() => copy(token, 'token')}
          >
            <CopyIcon size={14} />
          </button>
        </dd>
      </dl>
      <div className="section-head">
        <h3 className="section-title">Try it</h3>
        <button
          type="button"
          className="link-button"
          data-testid="event-api-curl-copy"
          onClick={() => copy(curlExample(url, token, event), 'command')}
        >
          <CopyIcon size={14} /> Copy
        </button>
      </div>
      <pre className="event-api-curl" data-testid="event-api-curl">
        {curlExample(url, shown, event)}
      </pre>
      <p className="sim-note">Keep the token to yourself: whoever has it can send events.</p>
    </div>
  );
}
