import { useState } from 'react';
import { Modal } from '../panels/Modal';
import { PauseIcon, PlayIcon, RocketIcon, StopIcon } from '../nodes/icons';
import { dateTime } from '../simulation/format';
import { useApp, useAppStore } from '../store/app-store';
import { VersionChanges } from '../versions/VersionChanges';
import { PublishDialog } from './PublishDialog';
import { runControls, stopConsequences } from './run-controls';
import { StartDialog } from './StartDialog';

const PENDING_WORDS = {
  publish: 'Publishing…',
  paused: 'Pausing…',
  stopped: 'Stopping…',
} as const;

/**
 * The journey's execution at a glance and the buttons that change it: its state, the live and
 * newest versions, whether the saved journey is newer than what runs, and Publish, Start (Resume),
 * Pause, Stop. Publishing (with what it means for the people inside), starting and stopping ask
 * first.
 */
export function RunControls() {
  const store = useAppStore();
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
  const controls = runControls({ info, dirty, errors, pending });
  const blocked = dirty || errors > 0;

  return (
    <section className="run-status" aria-label="Execution">
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
            since {dateTime(info.since)}
          </span>
        )}
      </div>
      {(info || !error) && <p className="run-meaning">{controls.meaning}</p>}
      <dl className="run-versions">
        <div>
          <dt>Live version</dt>
          <dd data-testid="run-live-version">
            {info?.liveVersion !== undefined ? `v${info.liveVersion}` : '—'}
          </dd>
        </div>
        <div>
          <dt>Newest published</dt>
          <dd data-testid="run-latest-version">
            {info?.latestVersion !== undefined ? `v${info.latestVersion}` : 'none yet'}
          </dd>
        </div>
      </dl>
      {info && info.state !== 'unpublished' && info.changedSincePublish && (
        <p className="run-changed" data-testid="run-changed">
          Changes not yet published: the saved journey differs from v{info.latestVersion}.
        </p>
      )}
      <VersionChanges />

      <div className="run-buttons">
        <button
          type="button"
          className={`button${controls.publish.enabled ? ' is-primary' : ''}`}
          data-testid="run-publish"
          disabled={!controls.publish.enabled}
          title={controls.publish.reason ?? 'Freeze the saved journey as a new version'}
          onClick={() => setConfirmPublish(true)}
        >
          <RocketIcon size={15} /> {pending === 'publish' ? PENDING_WORDS.publish : 'Publish'}
        </button>
        <button
          type="button"
          className="button"
          data-testid="run-start"
          disabled={!controls.start.enabled}
          title={controls.start.reason ?? 'Let new profiles enter'}
          onClick={() => setConfirmStart(true)}
        >
          <PlayIcon size={15} />{' '}
          {pending === 'running'
            ? controls.start.label === 'Resume'
              ? 'Resuming…'
              : 'Starting…'
            : controls.start.label}
        </button>
        <button
          type="button"
          className="button"
          data-testid="run-pause"
          disabled={!controls.pause.enabled}
          title={controls.pause.reason ?? 'Let nobody new in; those inside carry on'}
          onClick={() => void setRunState('paused')}
        >
          <PauseIcon size={15} /> {pending === 'paused' ? PENDING_WORDS.paused : 'Pause'}
        </button>
        <button
          type="button"
          className="button is-danger-text"
          data-testid="run-stop"
          disabled={!controls.stop.enabled}
          title={controls.stop.reason ?? 'End the run: everyone inside leaves'}
          onClick={() => setConfirmStop(true)}
        >
          <StopIcon size={15} /> {pending === 'stopped' ? PENDING_WORDS.stopped : 'Stop'}
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
              Show the problems
            </button>
          ) : dirty ? (
            <button
              type="button"
              className="link-button"
              data-testid="run-save"
              disabled={saving}
              onClick={() => void save()}
            >
              Save now
            </button>
          ) : null}
        </p>
      )}
      {error && (
        <p className="form-error" role="alert" data-testid="run-error">
          {error}
        </p>
      )}

      {confirmPublish && <PublishDialog onClose={() => setConfirmPublish(false)} />}
      {confirmStart && <StartDialog onClose={() => setConfirmStart(false)} />}
      {confirmStop && info && (
        <Modal
          title="Stop this journey?"
          onClose={() => setConfirmStop(false)}
          actions={
            <>
              <button
                type="button"
                className="button is-quiet"
                data-testid="run-stop-cancel"
                onClick={() => setConfirmStop(false)}
              >
                {info.state === 'paused' ? 'Keep it paused' : 'Keep it running'}
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
                Stop the journey
              </button>
            </>
          }
        >
          <ul className="run-consequences" data-testid="run-stop-consequences">
            {stopConsequences(info).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <p className="run-consequences-note">
            To let nobody new in while those inside finish, pause it instead.
          </p>
        </Modal>
      )}
    </section>
  );
}
