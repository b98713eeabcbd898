import { useEffect } from 'react';
import { useLocale, useT } from '../i18n/I18nProvider';
import { Modal } from '../panels/Modal';
import { useApp, useAppStore } from '../store/app-store';
import { usePackLabels } from './pack-labels';
import { say, words } from '../i18n/words';

/**
 * The sign-off pack of a version (or of the draft), in the app's language and the reader's time
 * zone, shown as it will print; saved as a PDF by the desktop app, printed by the browser.
 */
export function SignOffPackDialog({ version }: { version?: number }) {
  const t = useT();
  const { locale } = useLocale();
  const labels = usePackLabels();
  const store = useAppStore();
  const journey = useApp((s) => s.journey);
  const pack = useApp((s) => s.pack);

  useEffect(() => {
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    void store.getState().openSignOffPack({
      ...(version !== undefined && { version }),
      labels,
      locale,
      ...(timeZone && { timeZone }),
    });
    return () => store.getState().closeSignOffPack();
  }, [store, version, labels, locale]);

  const close = () => store.getState().closeDialog();
  const save = async () => {
    const fileName = await store.getState().saveSignOffPack();
    if (fileName) store.getState().notify(words('pack.saved', { fileName }), 'success');
  };

  return (
    <Modal
      title={t('pack.dialogTitle', { name: journey?.name ?? '' })}
      onClose={close}
      size="large"
      actions={
        <>
          <button type="button" className="button" onClick={close}>
            {t('common.close')}
          </button>
          <button
            type="button"
            className="button is-primary"
            disabled={!pack?.html}
            onClick={() => void save()}
          >
            {window.journeyApp ? t('pack.savePdf') : t('pack.print')}
          </button>
        </>
      }
    >
      {pack?.error ? (
        <p className="form-error" role="alert">
          {t('pack.error', { error: say(t, pack.error) })}
        </p>
      ) : !pack?.html ? (
        <p className="run-changes-note" role="status">
          {t('pack.loading')}
        </p>
      ) : (
        // The pack runs nothing: no scripts in it, none allowed in the frame.
        <iframe
          className="pack-frame"
          title={t('pack.frame')}
          sandbox=""
          srcDoc={pack.html}
          data-testid="sign-off-pack"
        />
      )}
    </Modal>
  );
}
