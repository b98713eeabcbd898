import { createIntl } from 'react-intl';
import { FORMAT_LOCALE, type Translate } from '../../renderer/i18n/I18nProvider';
import type { Locale } from '../../renderer/i18n/locales';
import { CATALOGS } from '../../renderer/i18n/messages';

/** `t` as the app gives it in a language, for wording functions tested outside React. */
export function translator(locale: Locale = 'en'): Translate {
  const intl = createIntl({ locale: FORMAT_LOCALE[locale], messages: CATALOGS[locale] });
  return (id, values) => intl.formatMessage({ id }, values);
}
