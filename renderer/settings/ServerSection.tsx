import { useEffect, useRef, useState } from 'react';
import type { ServerProblem, ServerReport } from '../../core/api/server-contract';
import { useT } from '../i18n/I18nProvider';
import type { MessageId } from '../i18n/messages';
import { Field } from '../inspector/widgets/Field';
import { useApp, useAppStore } from '../store/app-store';
import { EngineWhere } from './EngineWhere';
import { ShopSecrets } from './ShopSecrets';
import { say } from '../i18n/words';

const PROBLEMS: Record<ServerProblem, MessageId> = {
  'address-invalid': 'server.problem.addressInvalid',
  'not-secure': 'server.problem.notSecure',
  unreachable: 'server.problem.unreachable',
  'certificate-untrusted': 'server.problem.certificateUntrusted',
  'token-refused': 'server.problem.tokenRefused',
  'not-journey-studio': 'server.problem.notJourneyStudio',
};

const KEPT_IN = {
  keychain: 'server.secrets.keychain',
  'plain-text': 'server.secrets.plainText',
  'server-process': 'server.secrets.serverProcess',
} as const satisfies Record<string, MessageId>;

type Busy = 'test' | 'connect' | 'disconnect' | null;
type Said =
  | { kind: 'report'; report: ServerReport }
  | { kind: 'note'; text: string }
  | { kind: 'error'; text: string }
  | null;

/** What a test found, in words: what answered, or what is wrong and what to do. */
function ReportWords({ report }: { report: ServerReport }) {
  const t = useT();
  if (report.ok)
    return (
      <p className="server-found" role="status" data-testid="server-report">
        {t('server.found', {
          host: report.host,
          version: report.version,
          live: report.journeysLive,
        })}
      </p>
    );
  return (
    <div className="form-error" role="alert" data-testid="server-report">
      <p>{t(PROBLEMS[report.problem])}</p>
      {report.detail && (
        <p className="settings-help">{t('server.detail', { detail: report.detail })}</p>
      )}
    </div>
  );
}

/**
 * Where journeys run: on this computer, or on a Journey Studio engine on a server (address and
 * token, tested before use). Designing and simulating stay here either way; back to this
 * computer is one click.
 */
export function ServerSection() {
  const t = useT();
  const store = useAppStore();
  const { loadServer, testServer, connectServer, disconnectServer } = store.getState();
  const server = useApp((s) => s.server);
  const [url, setUrl] = useState('');
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState<Busy>(null);
  const [said, setSaid] = useState<Said>(null);
  const disconnectRef = useRef<HTMLButtonElement>(null);
  const urlRef = useRef<HTMLInputElement>(null);
  const switchedBy = useRef(false);

  useEffect(() => {
    void loadServer();
  }, [loadServer]);
  // The button pressed to switch is gone with the switch: its successor takes the focus, so the
  // keyboard stays in the dialog.
  const engine = server?.engine;
  useEffect(() => {
    if (!switchedBy.current) return;
    switchedBy.current = false;
    (engine === 'server' ? disconnectRef.current : urlRef.current)?.focus();
  }, [engine]);

  const ready = url.trim() !== '' && token !== '';
  const run = async (kind: 'test' | 'connect') => {
    if (busy) return;
    if (!ready) {
      setSaid({ kind: 'error', text: t('server.needAddress') });
      return;
    }
    setBusy(kind);
    setSaid(null);
    const input = { url: url.trim(), token };
    if (kind === 'test') {
      const outcome = await testServer(input);
      setSaid(
        outcome.ok
          ? { kind: 'report', report: outcome.value }
          : { kind: 'error', text: say(t, outcome.error) },
      );
    } else {
      switchedBy.current = true;
      const outcome = await connectServer(input);
      if (!outcome.ok || !outcome.value.report.ok) switchedBy.current = false;
      if (!outcome.ok) setSaid({ kind: 'error', text: say(t, outcome.error) });
      else if (!outcome.value.report.ok) setSaid({ kind: 'report', report: outcome.value.report });
      else {
        // The token is kept by the engine now; the page forgets it.
        setToken('');
        setSaid({
          kind: 'note',
          text: t('server.connected', { host: outcome.value.report.host }),
        });
      }
    }
    setBusy(null);
  };
  const disconnect = async () => {
    if (busy) return;
    setBusy('disconnect');
    switchedBy.current = true;
    const outcome = await disconnectServer();
    setBusy(null);
    setSaid(
      outcome.ok
        ? { kind: 'note', text: t('server.disconnected') }
        : { kind: 'error', text: say(t, outcome.error) },
    );
  };

  return (
    <section
      className="settings-section"
      aria-labelledby="settings-server-title"
      data-testid="server-section"
    >
      <h3 className="section-title" id="settings-server-title">
        {t('server.title')}
      </h3>
      <EngineWhere />
      <p className="settings-help">{t('server.intro')}</p>
      {server?.engine === 'server' ? (
        <div className="button-row">
          <button
            type="button"
            className="button"
            ref={disconnectRef}
            data-testid="server-disconnect"
            aria-disabled={busy !== null || undefined}
            onClick={() => void disconnect()}
          >
            {t(busy === 'disconnect' ? 'server.disconnecting' : 'server.disconnect')}
          </button>
        </div>
      ) : (
        <form
          className="form"
          autoComplete="off"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void run('test');
          }}
        >
          <Field id="server-url" label={t('server.address.label')} help={t('server.address.help')}>
            <input
              id="server-url"
              ref={urlRef}
              className="input"
              type="url"
              inputMode="url"
              spellCheck={false}
              aria-describedby="server-url-help"
              placeholder={t('server.address.placeholder')}
              value={url}
              onChange={(e) => {
                setUrl(e.target.value);
                setSaid(null);
              }}
            />
          </Field>
          <Field id="server-token" label={t('server.token.label')} help={t('server.token.help')}>
            <input
              id="server-token"
              className="input"
              type="password"
              spellCheck={false}
              aria-describedby="server-token-help"
              value={token}
              onChange={(e) => {
                setToken(e.target.value);
                setSaid(null);
              }}
            />
          </Field>
          <div className="button-row">
            <button
              type="submit"
              className="button"
              data-testid="server-test"
              aria-disabled={busy !== null || undefined}
            >
              {t(busy === 'test' ? 'server.testing' : 'server.test')}
            </button>
            <button
              type="button"
              className="button is-primary"
              data-testid="server-connect"
              aria-disabled={busy !== null || undefined}
              onClick={() => void run('connect')}
            >
              {t(busy === 'connect' ? 'server.connecting' : 'server.connect')}
            </button>
          </div>
        </form>
      )}
      {said?.kind === 'report' && <ReportWords report={said.report} />}
      {said?.kind === 'note' && (
        <p className="server-found" role="status" data-testid="server-note">
          {said.text}
        </p>
      )}
      {said?.kind === 'error' && (
        <p className="form-error" role="alert" data-testid="server-error">
          {said.text}
        </p>
      )}
      {server && <p className="settings-help">{t(KEPT_IN[server.secretsKeptIn])}</p>}
      {server && <ShopSecrets kept={server.shopSecrets} />}
    </section>
  );
}
