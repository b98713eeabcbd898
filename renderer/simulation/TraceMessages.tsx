import { useState } from 'react';
import type { SimulationRun } from '../../core/api/simulation-contract';
import { channelView } from '../channels/registry';
import { stepName } from '../nodes/step-name';
import { useApp } from '../store/app-store';
import { channelLabel } from './reasons';
import { useWords } from './sim-words';

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** The messages the traced profile would get, each opened as sent; emails in a sandboxed frame. */
export function TraceMessages({ run }: { run: SimulationRun }) {
  const messages = useApp((s) => s.trace.result?.messages ?? []);
  const current = useApp((s) => s.trace.rows[s.trace.index]);
  const { t, time } = useWords();
  const [open, setOpen] = useState(0);
  const [seen, setSeen] = useState(current);
  const zone = run.journey.settings.timezone ?? 'UTC';
  const titles = new Map(run.journey.nodes.map((n) => [n.id, stepName(n)]));

  // Stepping onto a sent message opens it (adjusted while rendering, as React advises).
  if (seen !== current) {
    setSeen(current);
    const index =
      current?.tone === 'message'
        ? messages.findIndex((m) => m.nodeId === current.nodeId && m.at === current.at)
        : -1;
    if (index !== -1) setOpen(index);
  }

  return (
    <section className="sim-section trace-messages" aria-label={t('sim.trace.messagesTitle')}>
      <h3 className="section-title">{t('sim.trace.messagesTitle')}</h3>
      {messages.length === 0 ? (
        <p className="sim-note">{t('sim.trace.noMessages')}</p>
      ) : (
        <ul className="trace-message-list" data-testid="trace-messages">
          {messages.map((m, i) => {
            const subject =
              text(m.content.subject) || text(m.content.title) || text(m.content.text);
            const view = channelView(m.channel);
            return (
              <li
                key={`${m.nodeId}-${m.at}`}
                className={`trace-message${i === open ? ' is-open' : ''}`}
              >
                <button
                  type="button"
                  className="trace-message-head"
                  aria-expanded={i === open}
                  onClick={() => setOpen(i === open ? -1 : i)}
                >
                  <span className="channel-tag">{channelLabel(t, m.channel)}</span>
                  <span className="trace-message-subject">{subject || titles.get(m.nodeId)}</span>
                  <span className="trace-message-when">
                    {t('sim.trace.when', {
                      day: time.day(m.at, zone),
                      time: time.clock(m.at, zone),
                    })}
                  </span>
                </button>
                {i === open && (
                  <div className="trace-message-body">
                    <dl className="preview-meta">
                      <dt>{t('sim.trace.step')}</dt>
                      <dd>{titles.get(m.nodeId) ?? m.nodeId}</dd>
                      {m.content.from !== undefined && (
                        <>
                          <dt>{t('sim.trace.from')}</dt>
                          <dd>{text(m.content.from)}</dd>
                        </>
                      )}
                      <dt>{t('sim.trace.to')}</dt>
                      <dd>{m.to}</dd>
                    </dl>
                    {view ? (
                      <view.TraceBody content={m.content} subject={subject} />
                    ) : (
                      <pre className="preview-webhook">{text(m.content.text)}</pre>
                    )}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
