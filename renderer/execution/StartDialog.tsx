import { useT } from '../i18n/I18nProvider';
import { Modal } from '../panels/Modal';
import { useApp, useAppStore } from '../store/app-store';

/** The confirmation before starting (or resuming) a journey: from then on it reaches people. */
export function StartDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const store = useAppStore();
  const info = useApp((s) => s.execution.info);
  const resume = info?.state === 'paused';
  const version = info?.latestVersion ?? 0;
  return (
    <Modal
      title={t(resume ? 'start.titleResume' : 'start.title')}
      onClose={onClose}
      actions={
        <>
          <button
            type="button"
            className="button is-quiet"
            data-testid="start-cancel"
            onClick={onClose}
          >
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className="button is-primary"
            data-testid="start-confirm"
            onClick={() => {
              onClose();
              void store.getState().setRunState('running');
            }}
          >
            {t(resume ? 'start.confirmResume' : 'start.confirm', { version })}
          </button>
        </>
      }
    >
      <p data-testid="start-consequences">
        {t(resume ? 'start.bodyResume' : 'start.body', { version })}
      </p>
    </Modal>
  );
}
