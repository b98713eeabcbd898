import { useState } from 'react';
import { Modal } from '../panels/Modal';
import { PauseIcon, PlayIcon, RocketIcon, StopIcon } from '../nodes/icons';
import { useWords } from '../simulation/sim-words';
import { useApp, useAppStore } from '../store/app-store';
import { VersionChanges } from '../versions/VersionChanges';
import { PublishDialog } from './PublishDialog';
import { runControls, stopConsequences } from './run-controls';
import { StartDialog } from './StartDialog';
import { say } from '../i18n/words';

/**
 * The journey's execution at a glance and the buttons that change it: its state, the live and
 * newest versions, whether the saved journey is newer than what runs, and Publish, Start (Resume),
 * Pause, Stop. Publishing (with what it means for the people inside), starting and stopping ask
 * first.
 */
export function RunControls() {
  const store = useAppStore();
  const { t, time } = useWords();
  const info = useApp((s) => s.execution.info);
  const pending = useApp((s) => s.execution.pending);
  const error = useApp((s) => s.execution.error);
  const dirty = useApp((s) => s.dirty);
  const saving = useApp((s) => s.saving);
  const errors = useApp((s) => s.validation.errors);
  const [confirmStop, setConfirmStop] = useState(false);
  const [confirmPublish, setConfirmPublish] = useState(false);
  const [confirmStart, setConfirmStart] = useState(false);
  const { setRunState, save, setIssuesOpen } = store.getState();
  const controls = runControls(t, { info, dirty, errors, pending });
  const blocked = dirty || errors > 0;

  return (
    <section className="run-status" aria-label={t('run.controls.label')}>
      <div className="run-state-line">
        <span
          className={`run-state is-${info?.state ?? 'loading'}`}
          data-testid="run-state"
          aria-live="polite"
        >
          {controls.label}
        </span>
        {info?.since && info.state !== 'unpublished' && (
          <span className="run-since" data-testid="run-since">
            {t('run.controls.since', { at: time.dateTime(info.since) })}
          </span>
        )}
      </div>
      {(info || !error) && <p className="run-meaning">{controls.meaning}</p>}
      <dl className="run-versions">
        <div>
          <dt>{t('run.controls.liveVersion')}</dt>
          <dd data-testid="run-live-version">
            {info?.liveVersion !== undefined ? `v${info.liveVersion}` : '—'}
          </dd>
        </div>
        <div>
          <dt>{t('run.controls.newest')}</dt>
          <dd data-testid="run-latest-version">
            {info?.latestVersion !== undefined
              ? `v${info.latestVersion}`
              : t('run.controls.noneYet')}
          </dd>
        </div>
      </dl>
      {info && info.state !== 'unpublished' && info.changedSincePublish && (
        <p className="run-changed" data-testid="run-changed">
          {t('run.controls.changed', { version: info.latestVersion ?? '' })}
        </p>
      )}
      <VersionChanges />

      <div className="run-buttons">
        <button
          type="button"
          className={`button${controls.publish.enabled ? ' is-primary' : ''}`}
          data-testid="run-publish"
          disabled={!controls.publish.enabled}
          title={controls.publish.reason ?? t('run.controls.publishHelp')}
          onClick={() => setConfirmPublish(true)}
        >
          <RocketIcon size={15} />{' '}
          {t(pending === 'publish' ? 'run.controls.publishing' : 'run.controls.publish')}
        </button>
        <button
          type="button"
          className="button"
          data-testid="run-start"
          disabled={!controls.start.enabled}
          title={controls.start.reason ?? t('run.controls.startHelp')}
          onClick={() => setConfirmStart(true)}
        >
          <PlayIcon size={15} />{' '}
          {t(
            pending === 'running'
              ? controls.start.label === 'Resume'
                ? 'run.controls.resuming'
                : 'run.controls.starting'
              : controls.start.label === 'Resume'
                ? 'run.controls.resume'
                : 'run.controls.start',
          )}
        </button>
        <button
          type="button"
          className="button"
          data-testid="run-pause"
          disabled={!controls.pause.enabled}
          title={controls.pause.reason ?? t('run.controls.pauseHelp')}
          onClick={() => void setRunState('paused')}
        >
          <PauseIcon size={15} />{' '}
          {t(pending === 'paused' ? 'run.controls.pausing' : 'run.controls.pause')}
        </button>
        <button
          type="button"
          className="button is-danger-text"
          data-testid="run-stop"
          disabled={!controls.stop.enabled}
          title={controls.stop.reason ?? t('run.controls.stopHelp')}
          onClick={() => setConfirmStop(true)}
        >
          <StopIcon size={15} />{' '}
          {t(pending === 'stopped' ? 'run.controls.stopping' : 'run.controls.stop')}
        </button>
      </div>

      {controls.publish.reason && pending === null && (
        <p
          className={`run-hint${blocked ? ' is-blocking' : ''}`}
          data-testid="run-publish-hint"
          role={blocked ? 'note' : undefined}
        >
          {controls.publish.reason}{' '}
          {errors > 0 ? (
            <button
              type="button"
              className="link-button"
              data-testid="run-show-problems"
              onClick={() => setIssuesOpen(true)}
            >
              {t('run.controls.showProblems')}
            </button>
          ) : dirty ? (
            <button
              type="button"
              className="link-button"
              data-testid="run-save"
              disabled={saving}
              onClick={() => void save()}
            >
              {t('run.controls.saveNow')}
            </button>
          ) : null}
        </p>
      )}
      {error && (
        <p className="form-error" role="alert" data-testid="run-error">
          {say(t, error)}
        </p>
      )}

      {confirmPublish && <PublishDialog onClose={() => setConfirmPublish(false)} />}
      {confirmStart && <StartDialog onClose={() => setConfirmStart(false)} />}
      {confirmStop && info && (
        <Modal
          title={t('run.controls.stopTitle')}
          onClose={() => setConfirmStop(false)}
          actions={
            <>
              <button
                type="button"
                className="button is-quiet"
                data-testid="run-stop-cancel"
                onClick={() => setConfirmStop(false)}
              >
                {t(
                  info.state === 'paused' ? 'run.controls.keepPaused' : 'run.controls.keepRunning',
                )}
              </button>
              <button
                type="button"
                className="button is-danger"
                data-testid="run-stop-confirm"
                onClick={() => {
                  setConfirmStop(false);
                  void setRunState('stopped');
                }}
              >
                {t('run.controls.stopConfirm')}
              </button>
            </>
          }
        >
          <ul className="run-consequences" data-testid="run-stop-consequences">
            {stopConsequences(t, info).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <p className="run-consequences-note">{t('run.controls.pauseInstead')}</p>
        </Modal>
      )}
    </section>
  );
}
