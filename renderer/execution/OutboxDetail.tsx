import type { OutboxMessageDetail } from '../../core/api/execution-contract';
import { textOf } from '../channels/channel-view';
import { channelView } from '../channels/registry';
import { stepName } from '../nodes/step-name';
import { dateTime } from '../simulation/format';
import { useApp, useAppStore } from '../store/app-store';
import type { AppState } from '../store/app-store';
import { STATUS_HELP, STATUS_LABELS } from './run-controls';

const OUTCOME_WORDS: Record<string, string> = {
  delivered: 'Delivered',
  retry: 'Failed, will retry',
  dead: 'Failed for good',
  cancelled: 'Cancelled',
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
  const retrying = useApp((s) => s.outbox.retrying);
  const step = useApp(stepOf(message.journeyId, message.nodeId));
  const content = message.content;
  // The content names its channel; older records may only have the row's.
  const view = channelView(textOf(content, 'channel') ?? message.channel);
  const { retryOutboxMessage } = store.getState();

  return (
    <section className="outbox-detail" aria-label="Message" data-testid="outbox-detail">
      <header className="dataset-detail-head">
        <div className="outbox-detail-title">
          <span className="inspector-kind">
            {message.channel} · #{message.id}
          </span>
          <h2 className="dataset-title" data-testid="outbox-detail-title">
            {message.title || '(no title)'}
          </h2>
        </div>
        <span
          className={`status-badge is-${message.status}`}
          data-testid="outbox-detail-status"
          title={STATUS_HELP[message.status]}
        >
          {STATUS_LABELS[message.status]}
        </span>
        {message.status === 'dead' && (
          <button
            type="button"
            className="button is-primary"
            data-testid="outbox-retry"
            disabled={retrying}
            onClick={() => void retryOutboxMessage(message.id)}
            title="Put it back in line for a fresh series of attempts"
          >
            {retrying ? 'Retrying…' : 'Retry'}
          </button>
        )}
      </header>

      {message.status === 'dead' && message.lastError && (
        <p className="outbox-last-error" role="note" data-testid="outbox-last-error">
          {message.lastError}
        </p>
      )}

      <dl className="preview-meta outbox-meta">
        {view?.OutboxSender && <view.OutboxSender content={content} />}
        <dt>To</dt>
        <dd data-testid="outbox-to">{message.to}</dd>
        {view?.OutboxMeta && <view.OutboxMeta content={content} />}
        <dt>Profile</dt>
        <dd>{message.profileId}</dd>
        <dt>Journey</dt>
        <dd title={`${message.journeyId}, version ${message.version}, step ${message.nodeId}`}>
          {message.journeyId} v{message.version} · {step ?? message.nodeId}
        </dd>
        <dt>Made</dt>
        <dd>{dateTime(message.at)}</dd>
        <dt>Attempts</dt>
        <dd data-testid="outbox-attempts">
          {message.attempts}
          {message.status === 'pending' && message.nextAttemptAt
            ? ` · next ${dateTime(message.nextAttemptAt)}`
            : ''}
          {message.finishedAt ? ` · finished ${dateTime(message.finishedAt)}` : ''}
        </dd>
      </dl>

      {view && <view.OutboxBody content={content} />}

      <section className="sim-section" aria-label="Delivery log">
        <h3 className="section-title">Delivery log</h3>
        {message.log.length === 0 ? (
          <p className="sim-note" data-testid="outbox-log-empty">
            No attempt yet.
          </p>
        ) : (
          <div
            className="table-scroll is-short"
            tabIndex={0}
            role="region"
            aria-label="Delivery log"
          >
            <table className="data-table" data-testid="outbox-log">
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">When</th>
                  <th scope="col">Outcome</th>
                  <th scope="col">Through</th>
                  <th scope="col">Detail</th>
                </tr>
              </thead>
              <tbody>
                {message.log.map((entry, i) => (
                  <tr key={i} className={`is-${entry.outcome}`}>
                    <td className="is-number">{entry.attempt}</td>
                    <td className="is-nowrap">{dateTime(entry.at)}</td>
                    <td>{OUTCOME_WORDS[entry.outcome] ?? entry.outcome}</td>
                    <td>{entry.transport ?? '—'}</td>
                    <td className="is-wrap" title={entry.detail}>
                      {entry.detail ?? ''}
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
