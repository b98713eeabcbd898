import { useT } from '../i18n/I18nProvider';
import { useApp } from '../store/app-store';

/** Opens the library's sending policy from the library. */
export function SendingPolicyButton() {
  const t = useT();
  const openDialog = useApp((s) => s.openDialog);
  return (
    <button
      type="button"
      className="button"
      onClick={() => openDialog({ type: 'sending-policy' })}
      data-testid="library-policy"
    >
      {t('policy.open')}
    </button>
  );
}
