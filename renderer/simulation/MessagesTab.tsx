import type { SimulationRun } from '../../core/api/simulation-contract';
import { useApp } from '../store/app-store';
import { MessagesChart } from './MessagesChart';
import { messageRows, messagesPerDay } from './messages';
import { channelLabel } from './reasons';
import { useWords } from './sim-words';

/** What the journey would send: per day and channel, then step by step with every reason not to. */
export function MessagesTab({ run }: { run: SimulationRun }) {
  const words = useWords();
  const { t, f } = words;
  const focus = useApp((s) => s.focusSimulationNode);
  const { report, journey } = run;
  const zone = journey.settings.timezone ?? 'UTC';
  const perDay = messagesPerDay(report, zone, (day) => f.day(day));
  const rows = messageRows(words, report, journey);
  const skipped = rows.reduce((n, r) => n + r.skippedTotal, 0);
  const deferred = rows.reduce((n, r) => n + r.deferred, 0);

  return (
    <div className="sim-messages">
      <section className="sim-section" aria-label={t('sim.messages.perDayLabel')}>
        <div className="section-head">
          <h3 className="section-title">{t('sim.messages.perDay')}</h3>
          <span className="section-note">{t('sim.messages.daysIn', { zone })}</span>
        </div>
        <p className="sim-summary" data-testid="messages-summary">
          {t('sim.messages.summary', {
            n: perDay.total,
            skipped,
            skippedText: f.number(skipped),
            deferred,
            deferredText: f.number(deferred),
          })}
        </p>
        {perDay.total > 0 ? (
          <MessagesChart rows={perDay.rows} channels={perDay.channels} />
        ) : (
          <p className="sim-note">
            {t(skipped ? 'sim.messages.noneSentWhy' : 'sim.messages.noneSent')}
          </p>
        )}
      </section>
      <section className="sim-section" aria-label={t('sim.messages.stepsLabel')}>
        <h3 className="section-title">{t('sim.compare.stepByStep')}</h3>
        {rows.length === 0 && <p className="sim-note">{t('sim.messages.noSteps')}</p>}
        <ul className="message-steps">
          {rows.map((row) => (
            <li key={row.nodeId} className="message-step" data-testid={`message-${row.nodeId}`}>
              <div className="message-step-head">
                <button
                  type="button"
                  className="link-button is-strong"
                  onClick={() => focus(row.nodeId)}
                >
                  {row.title}
                </button>
                <span className="channel-tag">{channelLabel(words.t, row.channel)}</span>
              </div>
              <div className="message-figures">
                <span>
                  <strong>{f.number(row.sent)}</strong> {t('sim.messages.sent')}
                </span>
                <span className="is-muted">
                  {t('sim.messages.ofReached', { n: f.number(row.reached) })}
                </span>
              </div>
              {(row.skipped.length > 0 || row.deferred > 0) && (
                <ul className="reason-list">
                  {row.skipped.map((s) => (
                    <li key={s.reason} data-testid={`skip-${row.nodeId}-${s.reason}`}>
                      <span className="reason-count">{f.number(s.count)}</span>
                      <span>{t('sim.messages.notSentWhy', { why: s.words })}</span>
                    </li>
                  ))}
                  {row.deferred > 0 && (
                    <li className="is-held" data-testid={`held-${row.nodeId}`}>
                      <span className="reason-count">{f.number(row.deferred)}</span>
                      <span>{t('sim.messages.held')}</span>
                    </li>
                  )}
                </ul>
              )}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
