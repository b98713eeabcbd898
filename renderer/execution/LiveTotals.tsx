import { OUTBOX_STATUSES } from '../../core/api/execution-contract';
import { InboxIcon, SettingsIcon } from '../nodes/icons';
import { count, percent } from '../simulation/format';
import { variantResults } from '../simulation/variants';
import { VariantsView } from '../simulation/VariantsView';
import { FeedbackRates } from './FeedbackRates';
import { useApp, useAppStore } from '../store/app-store';
import { STATUS_HELP, STATUS_LABELS } from './run-controls';

/**
 * The live run's totals, over every version: entries and how they ended, and the messages by
 * delivery status, with the way to the outbox and to the email settings.
 */
export function LiveTotals() {
  const store = useAppStore();
  const counts = useApp((s) => s.execution.info?.counts);
  const email = useApp((s) => s.execution.engine?.email);
  const journey = useApp((s) => s.journey);
  const journeyId = journey?.id ?? null;
  const { showOutbox, openDialog } = store.getState();
  if (!counts) return <p className="sim-note">Reading the live figures…</p>;
  const rate = counts.entered ? counts.converted / counts.entered : 0;
  // The same words as the simulation's: each assignment measured over the attribution window.
  const splits = journey
    ? variantResults(counts.variants ?? {}, journey, 'live', counts.winners)
    : [];
  const zone = journey?.settings.timezone ?? 'UTC';

  return (
    <div className="run-live">
      <dl className="stat-grid run-totals" data-testid="run-totals">
        <div>
          <dt>Entered</dt>
          <dd data-testid="run-entered">{count(counts.entered)}</dd>
          <dd className="stat-sub">enrollments</dd>
        </div>
        <div>
          <dt>In it now</dt>
          <dd data-testid="run-active">{count(counts.active)}</dd>
          <dd className="stat-sub">active</dd>
        </div>
        <div>
          <dt>Converted</dt>
          <dd data-testid="run-converted">{count(counts.converted)}</dd>
          <dd className="stat-sub">
            {counts.entered ? `${percent(rate)} of entries` : 'no entries yet'}
          </dd>
        </div>
        <div>
          <dt>Completed</dt>
          <dd data-testid="run-completed">{count(counts.completed)}</dd>
          <dd className="stat-sub">reached the end</dd>
        </div>
        <div>
          <dt>Exited</dt>
          <dd data-testid="run-exited">{count(counts.exited)}</dd>
          <dd className="stat-sub">left at an exit or a stop</dd>
        </div>
      </dl>

      {splits.length > 0 && (
        <section className="sim-section" aria-label="A/B tests" data-testid="run-variants">
          <h3 className="section-title">A/B tests</h3>
          {splits.map((split) => (
            <VariantsView key={split.nodeId} split={split} zone={zone} />
          ))}
        </section>
      )}

      <section className="sim-section" aria-label="Messages">
        <div className="section-head">
          <h3 className="section-title">Messages</h3>
          <button
            type="button"
            className="link-button"
            data-testid="run-open-outbox"
            onClick={() => showOutbox({ journeyId, status: null })}
          >
            <InboxIcon size={14} /> Open the outbox
          </button>
        </div>
        <ul className="outcome-list run-messages" data-testid="run-messages">
          {OUTBOX_STATUSES.map((status) => (
            <li key={status} title={STATUS_HELP[status]}>
              <span>
                <span className={`status-dot is-${status}`} aria-hidden="true" />
                {STATUS_LABELS[status]}
              </span>
              <strong data-testid={`run-messages-${status}`}>
                {count(counts.messages[status])}
              </strong>
            </li>
          ))}
        </ul>
        <FeedbackRates counts={counts} />
        <p className="sim-note run-email" data-testid="run-email-mode">
          {email === 'smtp'
            ? 'Email goes out through your SMTP server.'
            : email === 'embedded'
              ? 'Email stays in the embedded outbox on this computer until an SMTP server is set.'
              : 'Reading how email is sent…'}{' '}
          <button
            type="button"
            className="link-button"
            data-testid="run-smtp-open"
            onClick={() => openDialog({ type: 'smtp-settings' })}
          >
            <SettingsIcon size={14} /> Email settings
          </button>
        </p>
      </section>
    </div>
  );
}
