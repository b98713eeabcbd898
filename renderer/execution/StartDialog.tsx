import { useT } from '../i18n/I18nProvider';
import { FormDialog } from '../panels/FormDialog';
import { useApp, useAppStore } from '../store/app-store';

/** The buttons' names in tests, as before the dialog frame was shared. */
const TEST_IDS = { action: 'start-confirm', close: 'start-cancel' };

/** The confirmation before starting (or resuming) a journey: from then on it reaches people. */
export function StartDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const store = useAppStore();
  const info = useApp((s) => s.execution.info);
  const resume = info?.state === 'paused';
  const version = info?.latestVersion ?? 0;
  return (
    <FormDialog
      title={t(resume ? 'start.titleResume' : 'start.title')}
      onClose={onClose}
      testIds={TEST_IDS}
      action={{
        label: t(resume ? 'start.confirmResume' : 'start.confirm', { version }),
        onPress: () => {
          onClose();
          void store.getState().setRunState('running');
        },
      }}
    >
      <p data-testid="start-consequences">
        {t(resume ? 'start.bodyResume' : 'start.body', { version })}
      </p>
    </FormDialog>
  );
}
