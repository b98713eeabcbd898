import { useId } from 'react';
import { useLocale, useT } from '../i18n/I18nProvider';
import { LOCALES, LOCALE_NAMES, isLocale } from '../i18n/locales';

/**
 * The app's language, chosen here for this computer; until then, the system's. Each language is
 * named in its own words, so someone who cannot read the current one still finds theirs.
 */
export function LanguagePicker({ compact = false }: { compact?: boolean }) {
  const t = useT();
  const { locale, setLocale } = useLocale();
  const id = useId();
  return (
    <span className={compact ? 'language-picker is-compact' : 'language-picker'}>
      <label htmlFor={id} className={compact ? 'visually-hidden' : 'field-label'}>
        {t('app.language')}
      </label>
      <select
        id={id}
        className="select"
        data-testid="language-picker"
        value={locale}
        onChange={(e) => {
          if (isLocale(e.target.value)) setLocale(e.target.value);
        }}
      >
        {LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LOCALE_NAMES[code]}
          </option>
        ))}
      </select>
    </span>
  );
}
