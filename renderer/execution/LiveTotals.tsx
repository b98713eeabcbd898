import { OUTBOX_STATUSES } from '../../core/api/execution-contract';
import { InboxIcon, SettingsIcon } from '../nodes/icons';
import { useWords } from '../simulation/sim-words';
import { variantResults } from '../simulation/variants';
import { VariantsView } from '../simulation/VariantsView';
import { FeedbackRates } from './FeedbackRates';
import { STATUS_WORDS } from './run-controls';
import { useApp, useAppStore } from '../store/app-store';

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
  const words = useWords();
  const { t, f } = words;
  const { count } = words.time;
  if (!counts) return <p className="sim-note">{t('run.totals.loading')}</p>;
  const rate = counts.entered ? counts.converted / counts.entered : 0;
  // The same words as the simulation's: each assignment measured over the attribution window.
  const splits = journey
    ? variantResults(words, counts.variants ?? {}, journey, 'live', counts.winners)
    : [];
  const zone = journey?.settings.timezone ?? 'UTC';

  return (
    <div className="run-live">
      <dl className="stat-grid run-totals" data-testid="run-totals">
        <div>
          <dt>{t('run.totals.entered')}</dt>
          <dd data-testid="run-entered">{count(counts.entered)}</dd>
          <dd className="stat-sub">{t('run.totals.enteredHelp')}</dd>
        </div>
        <div>
          <dt>{t('run.totals.active')}</dt>
          <dd data-testid="run-active">{count(counts.active)}</dd>
          <dd className="stat-sub">{t('run.totals.activeHelp')}</dd>
        </div>
        <div>
          <dt>{t('run.totals.converted')}</dt>
          <dd data-testid="run-converted">{count(counts.converted)}</dd>
          <dd className="stat-sub">
            {counts.entered
              ? t('run.totals.rate', { rate: f.percent(rate) })
              : t('run.totals.noEntries')}
          </dd>
        </div>
        <div>
          <dt>{t('run.totals.completed')}</dt>
          <dd data-testid="run-completed">{count(counts.completed)}</dd>
          <dd className="stat-sub">{t('run.totals.completedHelp')}</dd>
        </div>
        <div>
          <dt>{t('run.totals.exited')}</dt>
          <dd data-testid="run-exited">{count(counts.exited)}</dd>
          <dd className="stat-sub">{t('run.totals.exitedHelp')}</dd>
        </div>
      </dl>

      {splits.length > 0 && (
        <section
          className="sim-section"
          aria-label={t('run.totals.abTests')}
          data-testid="run-variants"
        >
          <h3 className="section-title">{t('run.totals.abTests')}</h3>
          {splits.map((split) => (
            <VariantsView key={split.nodeId} split={split} zone={zone} />
          ))}
        </section>
      )}

      <section className="sim-section" aria-label={t('run.totals.messages')}>
        <div className="section-head">
          <h3 className="section-title">{t('run.totals.messages')}</h3>
          <button
            type="button"
            className="link-button"
            data-testid="run-open-outbox"
            onClick={() => showOutbox({ journeyId, status: null })}
          >
            <InboxIcon size={14} /> {t('run.totals.openOutbox')}
          </button>
        </div>
        <ul className="outcome-list run-messages" data-testid="run-messages">
          {OUTBOX_STATUSES.map((status) => (
            <li key={status} title={t(STATUS_WORDS[status].help)}>
              <span>
                <span className={`status-dot is-${status}`} aria-hidden="true" />
                {t(STATUS_WORDS[status].label)}
              </span>
              <strong data-testid={`run-messages-${status}`}>
                {count(counts.messages[status])}
              </strong>
            </li>
          ))}
        </ul>
        <FeedbackRates counts={counts} />
        <p className="sim-note run-email" data-testid="run-email-mode">
          {t(
            email === 'smtp'
              ? 'run.totals.emailServer'
              : email === 'embedded'
                ? 'run.totals.emailOutbox'
                : 'run.totals.emailLoading',
          )}{' '}
          <button
            type="button"
            className="link-button"
            data-testid="run-smtp-open"
            onClick={() => openDialog({ type: 'smtp-settings' })}
          >
            <SettingsIcon size={14} /> {t('run.smtp.title')}
          </button>
        </p>
      </section>
    </div>
  );
}
