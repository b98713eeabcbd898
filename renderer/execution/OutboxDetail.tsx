import type { OutboxMessageDetail } from '../../core/api/execution-contract';
import { textOf } from '../channels/channel-view';
import { channelView } from '../channels/registry';
import { stepName } from '../nodes/step-name';
import type { MessageId } from '../i18n/messages';
import { useWords } from '../simulation/sim-words';
import { useApp, useAppStore } from '../store/app-store';
import type { AppState } from '../store/app-store';
import { deliveryDetail } from './outbox-words';
import { STATUS_WORDS } from './run-controls';

const OUTCOME_WORDS: Record<string, MessageId> = {
  delivered: 'run.outbox.outcome.delivered',
  retry: 'run.outbox.outcome.retry',
  dead: 'run.outbox.outcome.dead',
  cancelled: 'run.outbox.outcome.cancelled',
};

/** The step's name when the message comes from the journey open in the editor. */
const stepOf = (journeyId: string, nodeId: string) => (s: AppState) => {
  if (s.journey?.id !== journeyId) return undefined;
  const node = s.journey.nodes.find((n) => n.id === nodeId);
  return node ? stepName(node) : undefined;
};

/**
 * One message: who it went to and from, the email rendered in a sandboxed frame (no scripts, no
 * access to the app), its delivery log, and for a failed one, a retry.
 */
export function OutboxDetail({ message }: { message: OutboxMessageDetail }) {
  const store = useAppStore();
  const words = useWords();
  const { t, time } = words;
  const retrying = useApp((s) => s.outbox.retrying);
  const step = useApp(stepOf(message.journeyId, message.nodeId));
  const content = message.content;
  // The content names its channel; older records may only have the row's.
  const view = channelView(textOf(content, 'channel') ?? message.channel);
  const { retryOutboxMessage } = store.getState();

  return (
    <section
      className="outbox-detail"
      aria-label={t('run.outbox.message')}
      data-testid="outbox-detail"
    >
      <header className="dataset-detail-head">
        <div className="outbox-detail-title">
          <span className="inspector-kind">
            {t('run.outbox.kind', { channel: message.channel, id: message.id })}
          </span>
          <h2 className="dataset-title" data-testid="outbox-detail-title">
            {message.title || t('run.outbox.noTitle')}
          </h2>
        </div>
        <span
          className={`status-badge is-${message.status}`}
          data-testid="outbox-detail-status"
          title={t(STATUS_WORDS[message.status].help)}
        >
          {t(STATUS_WORDS[message.status].label)}
        </span>
        {message.status === 'dead' && (
          <button
            type="button"
            className="button is-primary"
            data-testid="outbox-retry"
            disabled={retrying}
            onClick={() => void retryOutboxMessage(message.id)}
            title={t('run.outbox.retryHelp')}
          >
            {t(retrying ? 'run.outbox.retrying' : 'run.outbox.retry')}
          </button>
        )}
      </header>

      {message.status === 'dead' && message.lastError && (
        <p className="outbox-last-error" role="note" data-testid="outbox-last-error">
          {deliveryDetail(words, message.lastError)}
        </p>
      )}

      <dl className="preview-meta outbox-meta">
        {view?.OutboxSender && <view.OutboxSender content={content} />}
        <dt>{t('run.outbox.to')}</dt>
        <dd data-testid="outbox-to">{message.to}</dd>
        {view?.OutboxMeta && <view.OutboxMeta content={content} />}
        <dt>{t('run.outbox.profile')}</dt>
        <dd>{message.profileId}</dd>
        <dt>{t('run.outbox.journey')}</dt>
        <dd
          title={t('run.outbox.version', {
            journey: message.journeyId,
            version: message.version,
            step: message.nodeId,
          })}
        >
          {t('run.outbox.journeyLine', {
            journey: message.journeyId,
            version: message.version,
            step: step ?? message.nodeId,
          })}
        </dd>
        <dt>{t('run.outbox.made')}</dt>
        <dd>{time.dateTime(message.at)}</dd>
        <dt>{t('run.outbox.attempts')}</dt>
        <dd data-testid="outbox-attempts">
          {message.attempts}
          {message.status === 'pending' && message.nextAttemptAt
            ? t('run.outbox.next', { at: time.dateTime(message.nextAttemptAt) })
            : ''}
          {message.finishedAt
            ? t('run.outbox.finished', { at: time.dateTime(message.finishedAt) })
            : ''}
        </dd>
      </dl>

      {view && <view.OutboxBody content={content} />}

      <section className="sim-section" aria-label={t('run.outbox.log')}>
        <h3 className="section-title">{t('run.outbox.log')}</h3>
        {message.log.length === 0 ? (
          <p className="sim-note" data-testid="outbox-log-empty">
            {t('run.outbox.noAttempt')}
          </p>
        ) : (
          <div
            className="table-scroll is-short"
            tabIndex={0}
            role="region"
            aria-label={t('run.outbox.log')}
          >
            <table className="data-table" data-testid="outbox-log">
              <thead>
                <tr>
                  <th scope="col" title={t('run.outbox.attempt')}>
                    #
                  </th>
                  <th scope="col">{t('run.outbox.when')}</th>
                  <th scope="col">{t('run.outbox.outcome')}</th>
                  <th scope="col">{t('run.outbox.through')}</th>
                  <th scope="col">{t('run.outbox.detail')}</th>
                </tr>
              </thead>
              <tbody>
                {message.log.map((entry, i) => (
                  <tr key={i} className={`is-${entry.outcome}`}>
                    <td className="is-number">{entry.attempt}</td>
                    <td className="is-nowrap">{time.dateTime(entry.at)}</td>
                    <td>
                      {OUTCOME_WORDS[entry.outcome]
                        ? t(OUTCOME_WORDS[entry.outcome] as MessageId)
                        : entry.outcome}
                    </td>
                    <td>{entry.transport ?? '—'}</td>
                    <td className="is-wrap" title={entry.detail}>
                      {entry.detail ? deliveryDetail(words, entry.detail) : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </section>
  );
}
