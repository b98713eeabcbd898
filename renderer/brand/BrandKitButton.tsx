import { useT } from '../i18n/I18nProvider';
import { useApp } from '../store/app-store';

/** Opens the brand kit from the library. */
export function BrandKitButton() {
  const t = useT();
  const openDialog = useApp((s) => s.openDialog);
  return (
    <button
      type="button"
      className="button"
      onClick={() => openDialog({ type: 'brand-kit' })}
      data-testid="library-brand"
    >
      {t('brand.open')}
    </button>
  );
}
