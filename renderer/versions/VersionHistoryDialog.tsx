import { useEffect, useId, useState } from 'react';
import type { VersionEntryView } from '../../core/api/versions-contract';
import { useT } from '../i18n/I18nProvider';
import { useFormats } from '../i18n/format';
import { Modal } from '../panels/Modal';
import { useApp, useAppStore } from '../store/app-store';
import { ApproveForm, NoteForm } from './VersionForms';
import { VersionCompare } from './VersionCompare';
import { say, words } from '../i18n/words';

type Open = { form: 'note' | 'approve' | 'restore'; version: number } | null;

/**
 * The open journey's version history: every published version with its date, note and approvals
 * (stale ones said to be), approving a version, restoring one as the draft, any two compared,
 * and the sign-off pack of a version or of the draft.
 */
export function VersionHistoryDialog() {
  const t = useT();
  const formats = useFormats();
  const dateTime = (at: number) => formats.dateTime(at);
  const store = useAppStore();
  const journey = useApp((s) => s.journey);
  const history = useApp((s) => s.history);
  const [open, setOpen] = useState<Open>(null);
  const listId = useId();
  const close = () => store.getState().closeDialog();

  useEffect(() => {
    void store.getState().loadHistory();
  }, [store]);

  if (!journey) return null;
  const shown = history?.journeyId === journey.id ? history : null;
  const pack = (version?: number) =>
    store
      .getState()
      .openDialog({ type: 'sign-off-pack', ...(version !== undefined && { version }) });

  const restore = async (version: number) => {
    setOpen(null);
    if (await store.getState().restoreVersion(version))
      store.getState().notify(words('history.restored', { version }), 'success');
  };

  const row = (v: VersionEntryView) => (
    <li key={v.version} className="history-version" data-testid={`history-version-${v.version}`}>
      <div className="history-version-head">
        <strong>{t('history.version', { version: v.version })}</strong>
        <span className="muted">
          {t('history.published', { date: dateTime(Date.parse(v.publishedAt)) })}
        </span>
      </div>
      <p className="history-note">
        {v.note
          ? v.noteBy
            ? t('history.noteBy', { note: v.note, by: v.noteBy })
            : v.note
          : t('history.noNote')}
      </p>
      <h4 className="history-subtitle">{t('history.approvals')}</h4>
      {v.approvals.length === 0 ? (
        <p className="muted">{t('history.noApprovals')}</p>
      ) : (
        <ul className="history-approvals">
          {v.approvals.map((a) => (
            <li key={a.id} className={a.stale ? 'is-stale' : 'is-holding'} data-testid="approval">
              <span>
                {t('history.approval', {
                  name: a.name,
                  role: a.role,
                  date: dateTime(Date.parse(a.approvedAt)),
                })}
              </span>
              {a.comment && <q className="history-comment">{a.comment}</q>}
              <span className={`badge${a.stale ? ' is-warning' : ' is-success'}`}>
                {a.stale ? t('history.stale') : t('history.holds')}
              </span>
            </li>
          ))}
        </ul>
      )}
      {open?.version === v.version && open.form === 'note' && (
        <NoteForm
          version={v.version}
          note={v.note ?? ''}
          by={v.noteBy ?? ''}
          onDone={() => setOpen(null)}
        />
      )}
      {open?.version === v.version && open.form === 'approve' && (
        <ApproveForm version={v.version} onDone={() => setOpen(null)} />
      )}
      {open?.version === v.version && open.form === 'restore' ? (
        <div className="history-confirm" role="alertdialog" aria-labelledby={`${listId}-restore`}>
          <p id={`${listId}-restore`}>
            <strong>{t('history.restoreTitle', { version: v.version })}</strong>{' '}
            {t('history.restoreConfirm', { version: v.version })}
          </p>
          <div className="form-actions">
            <button type="button" className="button is-quiet" onClick={() => setOpen(null)}>
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className="button is-primary"
              onClick={() => void restore(v.version)}
            >
              {t('history.restoreDo', { version: v.version })}
            </button>
          </div>
        </div>
      ) : (
        <div className="history-actions">
          <button
            type="button"
            className="button is-small"
            onClick={() => setOpen({ form: 'note', version: v.version })}
          >
            {v.note ? t('history.editNote') : t('history.addNote')}
          </button>
          <button
            type="button"
            className="button is-small"
            onClick={() => setOpen({ form: 'approve', version: v.version })}
          >
            {t('history.approve')}
          </button>
          <button
            type="button"
            className="button is-small"
            onClick={() => setOpen({ form: 'restore', version: v.version })}
          >
            {t('history.restore')}
          </button>
          <button type="button" className="button is-small" onClick={() => pack(v.version)}>
            {t('history.pack')}
          </button>
        </div>
      )}
    </li>
  );

  return (
    <Modal
      title={t('history.title', { name: journey.name })}
      onClose={close}
      size="large"
      actions={
        <>
          <button type="button" className="button" onClick={() => pack()}>
            {t('history.packDraft')}
          </button>
          <button type="button" className="button is-primary" onClick={close}>
            {t('common.close')}
          </button>
        </>
      }
    >
      {!shown ? (
        <p className="run-changes-note">{t('history.loading')}</p>
      ) : shown.error ? (
        <p className="form-error" role="alert">
          {t('history.error', { error: say(t, shown.error) })}
        </p>
      ) : shown.versions.length === 0 ? (
        <p>{t('history.none')}</p>
      ) : (
        <div className="history-layout">
          <section aria-labelledby={listId}>
            <h3 id={listId} className="section-title">
              {t('history.list')}
            </h3>
            <ol className="history-versions">{shown.versions.map(row)}</ol>
          </section>
          <VersionCompare draft={journey} />
        </div>
      )}
    </Modal>
  );
}
