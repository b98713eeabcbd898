import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { IntlProvider, useIntl } from 'react-intl';
import { CATALOGS, type MessageId } from './messages';
import { initialLocale, saveLocale, type Locale } from './locales';

/**
 * The locale numbers and dates are formatted in. English text is formatted the British way
 * (24-hour clock, day before month), as the app's users are in Sweden and Norway.
 */
export const FORMAT_LOCALE: Record<Locale, string> = { en: 'en-GB', sv: 'sv-SE', nb: 'nb-NO' };

interface LocaleChoice {
  locale: Locale;
  setLocale: (locale: Locale) => void;
}

const LocaleContext = createContext<LocaleChoice>({ locale: 'en', setLocale: () => undefined });

/** Gives the app its language: messages from the catalogues, formats from the locale. */
export function I18nProvider({
  children,
  locale: fixed,
}: {
  children: ReactNode;
  locale?: Locale;
}) {
  const [chosen, setChosen] = useState<Locale>(() => fixed ?? initialLocale());
  const locale = fixed ?? chosen;
  const setLocale = useCallback((next: Locale) => {
    saveLocale(next);
    setChosen(next);
  }, []);
  const choice = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return (
    <LocaleContext.Provider value={choice}>
      <IntlProvider
        locale={FORMAT_LOCALE[locale]}
        messages={CATALOGS[locale]}
        defaultLocale="en-GB"
        onError={reportMissing}
      >
        {children}
      </IntlProvider>
    </LocaleContext.Provider>
  );
}

function reportMissing(error: { code?: string; message: string }): void {
  // A missing translation falls back to the id; tests catch it before it ships.
  if (error.code !== 'MISSING_TRANSLATION') console.error(error.message);
}

export function useLocale(): LocaleChoice {
  return useContext(LocaleContext);
}

export type MessageValues = Record<string, string | number | boolean | Date | null | undefined>;

/** Text for an id of the catalogues, with ICU arguments. */
export type Translate = (id: MessageId, values?: MessageValues) => string;

/** `t(id, values)`: the app's words in the chosen language. */
export function useT(): Translate {
  const intl = useIntl();
  return useCallback(
    (id: MessageId, values?: MessageValues) => intl.formatMessage({ id }, values),
    [intl],
  );
}
