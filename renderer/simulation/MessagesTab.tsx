import type { SimulationRun } from '../../core/api/simulation-contract';
import { useApp } from '../store/app-store';
import { count, plural } from './format';
import { MessagesChart } from './MessagesChart';
import { messageRows, messagesPerDay } from './messages';
import { channelLabel } from './reasons';

/** What the journey would send: per day and channel, then step by step with every reason not to. */
export function MessagesTab({ run }: { run: SimulationRun }) {
  const focus = useApp((s) => s.focusSimulationNode);
  const { report, journey } = run;
  const zone = journey.settings.timezone ?? 'UTC';
  const perDay = messagesPerDay(report, zone);
  const rows = messageRows(report, journey);
  const skipped = rows.reduce((n, r) => n + r.skippedTotal, 0);
  const deferred = rows.reduce((n, r) => n + r.deferred, 0);

  return (
    <div className="sim-messages">
      <section className="sim-section" aria-label="Messages per day">
        <div className="section-head">
          <h3 className="section-title">Sent per day</h3>
          <span className="section-note">days in {zone}</span>
        </div>
        <p className="sim-summary" data-testid="messages-summary">
          {plural(perDay.total, 'message')} sent
          {skipped > 0 && `, ${count(skipped)} not sent`}
          {deferred > 0 && `, ${count(deferred)} held for quiet hours first`}.
        </p>
        {perDay.total > 0 ? (
          <MessagesChart rows={perDay.rows} channels={perDay.channels} />
        ) : (
          <p className="sim-note">
            Nothing was sent in this window{skipped ? '; see why below' : ''}.
          </p>
        )}
      </section>
      <section className="sim-section" aria-label="Message steps">
        <h3 className="section-title">Step by step</h3>
        {rows.length === 0 && <p className="sim-note">This journey has no message steps.</p>}
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
                <span className="channel-tag">{channelLabel(row.channel)}</span>
              </div>
              <div className="message-figures">
                <span>
                  <strong>{count(row.sent)}</strong> sent
                </span>
                <span className="is-muted">of {count(row.reached)} who reached it</span>
              </div>
              {(row.skipped.length > 0 || row.deferred > 0) && (
                <ul className="reason-list">
                  {row.skipped.map((s) => (
                    <li key={s.reason} data-testid={`skip-${row.nodeId}-${s.reason}`}>
                      <span className="reason-count">{count(s.count)}</span>
                      <span>not sent: {s.words}</span>
                    </li>
                  ))}
                  {row.deferred > 0 && (
                    <li className="is-held" data-testid={`held-${row.nodeId}`}>
                      <span className="reason-count">{count(row.deferred)}</span>
                      <span>held until quiet hours ended</span>
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
