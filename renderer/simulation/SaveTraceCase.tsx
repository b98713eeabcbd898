import { useId, useState } from 'react';
import { useT } from '../i18n/I18nProvider';
import { useAppStore } from '../store/app-store';
import { say } from '../i18n/words';

type Status =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved'; fileName: string }
  | { state: 'failed'; error: string };

/**
 * "Save this person's path as a test case": the followed profile, its events and its path as a
 * journey test the command line runs (`npm run cli -- test`), saved where the user chooses.
 */
export function SaveTraceCase({ profileId }: { profileId: string }) {
  const t = useT();
  const store = useAppStore();
  const helpId = useId();
  const [status, setStatus] = useState<Status>({ state: 'idle' });
  const save = async () => {
    setStatus({ state: 'saving' });
    const saved = await store
      .getState()
      .saveTraceAsCase(t('trace.saveCase.name', { profile: profileId }));
    setStatus(
      saved === null
        ? { state: 'idle' }
        : saved.ok
          ? { state: 'saved', fileName: saved.fileName }
          : { state: 'failed', error: say(t, saved.error) },
    );
  };
  return (
    <div className="trace-save-case">
      <button
        type="button"
        className="button is-small"
        data-testid="trace-save-case"
        disabled={status.state === 'saving'}
        aria-describedby={helpId}
        onClick={() => void save()}
      >
        {status.state === 'saving' ? t('trace.saveCase.saving') : t('trace.saveCase.button')}
      </button>
      <p className="trace-save-case-help" id={helpId}>
        {t('trace.saveCase.help')}
      </p>
      <p className="trace-save-case-status" role="status" data-testid="trace-save-case-status">
        {status.state === 'saved' && t('trace.saveCase.saved', { file: status.fileName })}
      </p>
      {status.state === 'failed' && (
        <p className="form-error" role="alert">
          {t('trace.saveCase.failed', { error: status.error })}
        </p>
      )}
    </div>
  );
}
