import { useEffect } from 'react';
import { useIntl } from 'react-intl';
import {
  OUTBOX_STATUSES,
  type OutboxMessage,
  type OutboxMessageStatus,
} from '../../core/api/execution-contract';
import { ChevronLeftIcon, SettingsIcon } from '../nodes/icons';
import { useWords } from '../simulation/sim-words';
import { useApp, useAppStore } from '../store/app-store';
import { OutboxDetail } from './OutboxDetail';
import { deliveryDetail } from './outbox-words';
import { STATUS_WORDS } from './run-controls';
import { say } from '../i18n/words';

/** `4 Mar, 10:02` in the computer's own zone: a list's time; the full one is in its tooltip. */
const SHORT_TIME: Intl.DateTimeFormatOptions = {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
};

/**
 * Every message the live journeys produced, newest first: filtered by journey and status, a page
 * at a time, and beside the list the selected message as it was sent.
 */
export function OutboxView() {
  const store = useAppStore();
  const { t } = useWords();
  const messages = useApp((s) => s.outbox.messages);
  const counts = useApp((s) => s.outbox.counts);
  const filter = useApp((s) => s.outbox.filter);
  const more = useApp((s) => s.outbox.more);
  const loading = useApp((s) => s.outbox.loading);
  const error = useApp((s) => s.outbox.error);
  const selectedId = useApp((s) => s.outbox.selectedId);
  const detail = useApp((s) => s.outbox.detail);
  const detailError = useApp((s) => s.outbox.detailError);
  const email = useApp((s) => s.execution.engine?.email);
  const journeys = useApp((s) => s.journeys);
  const open = useApp((s) => s.journey);
  const {
    leaveOutbox,
    setOutboxFilter,
    loadOlderMessages,
    selectOutboxMessage,
    openDialog,
    refreshLibrary,
  } = store.getState();

  useEffect(() => store.getState().watchOutbox(), [store]);
  useEffect(() => {
    if (journeys === null) void refreshLibrary();
  }, [journeys, refreshLibrary]);

  const choices = new Map<string, string>();
  if (open) choices.set(open.id, open.name);
  for (const j of journeys ?? []) if (!choices.has(j.id)) choices.set(j.id, j.name);
  // Messages outlive their journeys: a deleted journey's can still be picked, by its id.
  for (const id of [filter.journeyId, ...(messages ?? []).map((m) => m.journeyId)])
    if (id !== null && !choices.has(id)) choices.set(id, id);
  const total = counts ? OUTBOX_STATUSES.reduce((sum, s) => sum + counts[s], 0) : undefined;

  return (
    <main className="data-view outbox-view" data-testid="outbox-view">
      <header className="data-head">
        <button
          type="button"
          className="button is-quiet"
          data-testid="outbox-back"
          onClick={leaveOutbox}
        >
          <ChevronLeftIcon size={16} /> {open?.name ?? t('run.outbox.journeys')}
        </button>
        <div className="data-title">
          <h1>{t('run.outbox.title')}</h1>
          <p data-testid="outbox-mode">
            {t(email === 'smtp' ? 'run.outbox.modeServer' : 'run.outbox.modeOutbox')}
          </p>
        </div>
        <div className="button-row">
          <button
            type="button"
            className="button"
            data-testid="outbox-smtp-open"
            onClick={() => openDialog({ type: 'smtp-settings' })}
          >
            <SettingsIcon size={16} /> {t('run.smtp.title')}
          </button>
        </div>
      </header>

      <div className="outbox-filters">
        <select
          className="select is-inline"
          aria-label={t('run.outbox.journey')}
          data-testid="outbox-journey"
          value={filter.journeyId ?? ''}
          onChange={(e) => setOutboxFilter({ journeyId: e.target.value || null })}
        >
          <option value="">{t('run.outbox.allJourneys')}</option>
          {[...choices].map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
        <div className="segmented outbox-statuses" role="group" aria-label={t('run.outbox.status')}>
          <StatusChoice
            status={null}
            label={t('run.outbox.all')}
            n={total}
            on={filter.status === null}
            onPick={() => setOutboxFilter({ status: null })}
          />
          {OUTBOX_STATUSES.map((status) => (
            <StatusChoice
              key={status}
              status={status}
              label={t(STATUS_WORDS[status].label)}
              n={counts?.[status]}
              on={filter.status === status}
              onPick={() => setOutboxFilter({ status })}
            />
          ))}
        </div>
      </div>

      {error && (
        <p className="form-error" role="alert" data-testid="outbox-error">
          {say(t, error)}
        </p>
      )}

      <div className="outbox-main">
        <section className="outbox-list" aria-label={t('run.outbox.messages')}>
          {messages === null ? (
            <p className="library-empty">{loading ? t('run.outbox.loading') : ''}</p>
          ) : messages.length === 0 ? (
            <div className="library-empty" data-testid="outbox-empty">
              <p className="library-empty-title">{t('run.outbox.none')}</p>
              <p>
                {filter.status
                  ? t('run.outbox.noneWith', { status: filter.status })
                  : t('run.outbox.noneYet')}
              </p>
            </div>
          ) : (
            <div
              className={`table-scroll is-tall${loading ? ' is-stale' : ''}`}
              tabIndex={0}
              role="region"
              aria-label={t('run.outbox.messages')}
            >
              <table className="data-table outbox-table" data-testid="outbox-list">
                <thead>
                  <tr>
                    <th scope="col" className="is-time">
                      {t('run.outbox.made')}
                    </th>
                    <th scope="col">{t('run.outbox.to')}</th>
                    <th scope="col">{t('run.outbox.titleColumn')}</th>
                    {filter.journeyId === null && (
                      <th scope="col" className="is-journey">
                        {t('run.outbox.journey')}
                      </th>
                    )}
                    <th scope="col" className="is-status">
                      {t('run.outbox.status')}
                    </th>
                    <th scope="col" className="is-number is-attempts">
                      {t('run.outbox.attempts')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {messages.map((m) => (
                    <OutboxRow
                      key={m.id}
                      message={m}
                      selected={m.id === selectedId}
                      journey={
                        filter.journeyId === null ? (choices.get(m.journeyId) ?? m.journeyId) : null
                      }
                      onSelect={() => void selectOutboxMessage(m.id)}
                    />
                  ))}
                </tbody>
              </table>
              {more && (
                <div className="outbox-more">
                  <button
                    type="button"
                    className="button is-small"
                    data-testid="outbox-more"
                    disabled={loading}
                    onClick={() => void loadOlderMessages()}
                  >
                    {t(loading ? 'run.outbox.loading' : 'run.outbox.older')}
                  </button>
                </div>
              )}
            </div>
          )}
        </section>
        {selectedId === null ? (
          <p className="data-pick">{t('run.outbox.pick')}</p>
        ) : detail && detail.id === selectedId ? (
          <OutboxDetail key={detail.id} message={detail} />
        ) : detailError ? (
          <p className="form-error" role="alert" data-testid="outbox-detail-error">
            {say(t, detailError)}
          </p>
        ) : (
          <p className="data-pick">{t('run.outbox.loading')}</p>
        )}
      </div>
    </main>
  );
}

function StatusChoice({
  status,
  label,
  n,
  on,
  onPick,
}: {
  status: OutboxMessageStatus | null;
  label: string;
  n: number | undefined;
  on: boolean;
  onPick: () => void;
}) {
  const { t, f } = useWords();
  return (
    <button
      type="button"
      className={`choice${on ? ' is-on' : ''}`}
      aria-pressed={on}
      data-testid={`outbox-status-${status ?? 'all'}`}
      title={t(status ? STATUS_WORDS[status].help : 'run.outbox.allHelp')}
      onClick={onPick}
    >
      {label}
      {n !== undefined && <span className="choice-count">{f.number(n)}</span>}
    </button>
  );
}

function OutboxRow({
  message,
  selected,
  journey,
  onSelect,
}: {
  message: OutboxMessage;
  selected: boolean;
  journey: string | null;
  onSelect: () => void;
}) {
  const words = useWords();
  const { t, time } = words;
  const intl = useIntl();
  return (
    <tr
      className={`outbox-row${selected ? ' is-selected' : ''}`}
      data-testid={`outbox-row-${message.id}`}
      data-status={message.status}
      aria-selected={selected}
      tabIndex={0}
      onClick={onSelect}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onSelect();
        }
      }}
    >
      <td className="is-nowrap" title={time.dateTime(message.at)}>
        {intl.formatDate(message.at, SHORT_TIME)}
      </td>
      <td title={message.to}>{message.to}</td>
      <td className="outbox-title" title={message.title}>
        {message.title}
      </td>
      {journey !== null && <td title={message.journeyId}>{journey}</td>}
      <td>
        <span
          className={`status-badge is-${message.status}`}
          title={message.lastError && deliveryDetail(words, message.lastError)}
        >
          {t(STATUS_WORDS[message.status].label)}
        </span>
      </td>
      <td className="is-number">{message.attempts}</td>
    </tr>
  );
}
