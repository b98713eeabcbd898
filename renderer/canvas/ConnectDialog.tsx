import { useId, useMemo, useState } from 'react';
import { useT } from '../i18n/I18nProvider';
import { nodePorts } from '../nodes/card-shape';
import { stepWords } from '../nodes/kind-words';
import { Modal } from '../panels/Modal';
import { useApp, useAppStore } from '../store/app-store';
import { openPorts, portWord } from './keyboard-words';

/** Steps listed at most, so a huge journey's list stays quick; searching finds the rest. */
const SHOWN = 200;

/**
 * Connects the selected step to a step that is already on the canvas, by keyboard: which exit
 * (Yes, No, a variant…) and which step, found by its title.
 */
export function ConnectDialog({
  fromId,
  port: initialPort,
  onClose,
  onConnected,
}: {
  fromId: string;
  /** The exit chosen first, when it is free (the outline's Yes or No); else the first free one. */
  port?: string;
  onClose: () => void;
  onConnected: (text: string) => void;
}) {
  const t = useT();
  const store = useAppStore();
  const journey = useApp((s) => s.journey);
  const [query, setQuery] = useState('');
  const exitId = useId();
  const from = journey?.nodes.find((n) => n.id === fromId);
  const exits = useMemo(
    () => (from && journey ? openPorts(nodePorts(from), from, journey.edges) : []),
    [from, journey],
  );
  const [port, setPort] = useState(
    exits.find((p) => p.id === initialPort)?.id ?? exits[0]?.id ?? 'next',
  );
  if (!journey || !from) return null;
  const fromTitle = stepWords(t, from);
  const words = query.trim().toLowerCase();
  const targets = journey.nodes
    .filter((n) => n.id !== fromId)
    .map((n) => ({ id: n.id, title: stepWords(t, n) }))
    .filter((n) => n.title.toLowerCase().includes(words))
    .slice(0, SHOWN);
  const exit = exits.find((p) => p.id === port);

  return (
    <Modal title={t('canvas.connect.title', { step: fromTitle })} onClose={onClose}>
      {exits.length === 0 ? (
        <p>{t('canvas.connect.noExit', { step: fromTitle })}</p>
      ) : (
        <div className="form" data-testid="connect-dialog">
          <input
            className="input"
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder={t('canvas.connect.find')}
            aria-label={t('canvas.connect.find')}
          />
          {exits.length > 1 && (
            <div className="field">
              <label className="field-label" htmlFor={exitId}>
                {t('canvas.connect.exit')}
              </label>
              <select
                id={exitId}
                className="select"
                value={port}
                onChange={(e) => setPort(e.target.value)}
              >
                {exits.map((p) => (
                  <option key={p.id} value={p.id}>
                    {portWord(t, p)}
                  </option>
                ))}
              </select>
            </div>
          )}
          <ul className="connect-list" aria-label={t('canvas.connect.steps')}>
            {targets.map((target) => (
              <li key={target.id}>
                <button
                  type="button"
                  className="button is-quiet connect-target"
                  onClick={() => {
                    const done = store.getState().connect({ from: fromId, port, to: target.id });
                    if (!done) return;
                    onConnected(
                      t('canvas.announce.connected', {
                        from: fromTitle,
                        exit: exit ? portWord(t, exit) : '',
                        to: target.title,
                      }),
                    );
                    onClose();
                  }}
                >
                  {target.title}
                </button>
              </li>
            ))}
            {targets.length === 0 && <li>{t('canvas.connect.none')}</li>}
          </ul>
        </div>
      )}
    </Modal>
  );
}
