import { useEffect, useRef, useState } from 'react';
import type { Backup } from '../../core/api/settings-contract';
import { useT } from '../i18n/I18nProvider';
import { useFormats } from '../i18n/format';
import type { MessageId } from '../i18n/messages';
import { useAppStore } from '../store/app-store';
import { say, words, type Words } from '../i18n/words';

const REASONS: Record<Backup['reason'], MessageId> = {
  daily: 'backups.reason.daily',
  manual: 'backups.reason.manual',
  'before-restore': 'backups.reason.beforeRestore',
};

const MB = 1_048_576;

type Busy = { kind: 'make' } | { kind: 'restore'; name: string } | null;

/** Asks before a restore, saying what it replaces and how to undo it; Escape cancels. */
function RestoreConfirm({
  when,
  busy,
  onRestore,
  onCancel,
}: {
  when: string;
  busy: boolean;
  onRestore: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  const cancel = useRef<HTMLButtonElement>(null);
  // The safe answer has the focus, so a stray Enter replaces nothing.
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div
      className="backup-confirm"
      role="alertdialog"
      aria-labelledby="backup-confirm-title"
      aria-describedby="backup-confirm-body"
      data-testid="backup-confirm"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        // Escape answers this question, not the whole dialog; during the restore it waits.
        e.stopPropagation();
        if (!busy) onCancel();
      }}
    >
      <p className="backup-confirm-title" id="backup-confirm-title">
        {t('backups.confirm.title', { at: when })}
      </p>
      <div id="backup-confirm-body">
        <p>{t('backups.confirm.replaces')}</p>
        <p>{t('backups.confirm.undo')}</p>
      </div>
      <div className="button-row">
        <button
          type="button"
          className="button is-danger"
          data-testid="backup-restore-confirm"
          aria-disabled={busy || undefined}
          onClick={() => {
            if (!busy) onRestore();
          }}
        >
          {t(busy ? 'backups.restoring' : 'backups.confirm.restore')}
        </button>
        <button type="button" className="button" ref={cancel} disabled={busy} onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}

/**
 * The library's backups: one is made every day; any can be restored, after the state it
 * replaces has been backed up too (so a restore can be undone the same way).
 */
export function BackupsSection({ onRestored }: { onRestored: () => void }) {
  const t = useT();
  const formats = useFormats();
  const store = useAppStore();
  const { loadBackups, backUpNow, restoreBackup, notify } = store.getState();
  const [list, setList] = useState<{ folder: string; backups: Backup[] } | null>(null);
  const [problem, setProblem] = useState<Words | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [confirm, setConfirm] = useState<Backup | null>(null);
  const listRef = useRef<HTMLUListElement>(null);

  const when = (backup: Backup) => formats.dateTime(Date.parse(backup.at));
  const size = (bytes: number) =>
    bytes >= MB
      ? t('backups.size.mb', { size: formats.number(bytes / MB, 1) })
      : t('backups.size.kb', { size: formats.number(Math.max(1, Math.round(bytes / 1024)), 0) });

  useEffect(() => {
    let current = true;
    void loadBackups().then((loaded) => {
      if (!current) return;
      if (loaded.ok) setList(loaded.value);
      else setProblem(loaded.error);
    });
    return () => {
      current = false;
    };
  }, [loadBackups]);
  const load = async () => {
    const loaded = await loadBackups();
    if (loaded.ok) setList(loaded.value);
    else setProblem(loaded.error);
  };

  const make = async () => {
    setBusy({ kind: 'make' });
    setProblem(null);
    setDone(null);
    const made = await backUpNow();
    setBusy(null);
    if (made.ok) setDone(t('backups.made', { at: when(made.value) }));
    else setProblem(made.error);
    await load();
  };

  // Where the keyboard goes once the question is gone: back to the button that asked, or after
  // a restore to "Back up now", so focus never falls out of the dialog.
  const focusAfter = useRef<string | null>(null);
  const makeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirm || busy || focusAfter.current === null) return;
    const name = focusAfter.current;
    focusAfter.current = null;
    const asked = [
      ...(listRef.current?.querySelectorAll<HTMLButtonElement>('[data-backup]') ?? []),
    ].find((b) => b.dataset.backup === name);
    (asked ?? makeButton.current)?.focus();
  }, [confirm, busy, list]);

  const cancel = (backup: Backup) => {
    focusAfter.current = backup.name;
    setConfirm(null);
  };

  const restore = async (backup: Backup) => {
    setBusy({ kind: 'restore', name: backup.name });
    setProblem(null);
    setDone(null);
    const outcome = await restoreBackup(backup.name);
    focusAfter.current = '';
    setBusy(null);
    setConfirm(null);
    if (!outcome.ok) {
      setProblem(outcome.error);
      return;
    }
    setDone(t('backups.restored', { at: when(backup) }));
    notify(words('backups.restored', { at: when(backup) }), 'success');
    onRestored();
    await load();
  };

  return (
    <section className="settings-section settings-backups" aria-labelledby="settings-backups-title">
      <div className="section-head">
        <h3 className="section-title" id="settings-backups-title">
          {t('backups.title')}
        </h3>
        <button
          type="button"
          className="button"
          data-testid="backup-now"
          ref={makeButton}
          // Not `disabled`: the button keeps the focus while the copy is made.
          aria-disabled={busy !== null || undefined}
          onClick={() => {
            if (busy === null) void make();
          }}
        >
          {t(busy?.kind === 'make' ? 'backups.making' : 'backups.now')}
        </button>
      </div>
      <p className="settings-help">
        {list ? t('backups.intro', { folder: list.folder }) : t('backups.loading')}
      </p>
      {problem && (
        <p className="field-error" role="alert" data-testid="backup-problem">
          {say(t, problem)}
        </p>
      )}
      <p className="settings-result is-ok" role="status" data-testid="backup-done">
        {done}
      </p>
      {list && list.backups.length === 0 && <p className="settings-help">{t('backups.none')}</p>}
      {list && list.backups.length > 0 && (
        <ul
          className="backup-list"
          data-testid="backup-list"
          aria-label={t('backups.listLabel')}
          ref={listRef}
        >
          {list.backups.map((backup) => (
            <li key={backup.name} data-testid="backup-row">
              <div className="backup-line">
                <span className="backup-when">{when(backup)}</span>
                <span className="backup-kind">{t(REASONS[backup.reason])}</span>
                <span className="backup-size">{size(backup.bytes)}</span>
                <button
                  type="button"
                  className="button"
                  data-backup={backup.name}
                  aria-label={t('backups.restoreLabel', { at: when(backup) })}
                  aria-expanded={confirm?.name === backup.name}
                  disabled={busy !== null || confirm !== null}
                  onClick={() => setConfirm(backup)}
                >
                  {t('backups.restore')}
                </button>
              </div>
              {confirm?.name === backup.name && (
                <RestoreConfirm
                  when={when(backup)}
                  busy={busy?.kind === 'restore'}
                  onRestore={() => void restore(backup)}
                  onCancel={() => cancel(backup)}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
