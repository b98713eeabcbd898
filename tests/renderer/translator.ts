import { createIntl } from 'react-intl';
import { FORMAT_LOCALE, type Translate } from '../../renderer/i18n/I18nProvider';
import type { Locale } from '../../renderer/i18n/locales';
import { CATALOGS } from '../../renderer/i18n/messages';
import { say, type Words } from '../../renderer/i18n/words';

/** `t` as the app gives it in a language, for wording functions tested outside React. */
export function translator(locale: Locale = 'en'): Translate {
  const intl = createIntl({ locale: FORMAT_LOCALE[locale], messages: CATALOGS[locale] });
  return (id, values) => intl.formatMessage({ id }, values);
}

/** Words kept by the store (a notice, an error), said in a language; undefined when there are none. */
export function sayIn(locale: Locale, kept: Words | null | undefined): string | undefined {
  return kept ? say(translator(locale), kept) : undefined;
}
