import { useFormats } from '../i18n/format';
import { useLocale } from '../i18n/I18nProvider';
import type { Locale } from '../i18n/locales';
import { useApp } from '../store/app-store';

/** The currencies offered in the settings, the Nordic ones first. */
export const CURRENCIES = ['SEK', 'NOK', 'EUR', 'DKK', 'USD', 'GBP'] as const;

/** Each language's own currency, used while the library has chosen none. */
const LOCALE_CURRENCY: Record<Locale, string> = { sv: 'SEK', nb: 'NOK', en: 'EUR' };

/** The currency money is shown in: the library's choice, else the language's own. */
export function currencyFor(chosen: string, locale: Locale): string {
  return chosen || LOCALE_CURRENCY[locale];
}

/** `money(amount)`: an amount in the library's currency, in the language's conventions. */
export function useMoney(): (amount: number, fractionDigits?: number) => string {
  const f = useFormats();
  const { locale } = useLocale();
  const currency = currencyFor(
    useApp((s) => s.currency),
    locale,
  );
  return (amount, fractionDigits) => f.money(amount, currency, fractionDigits);
}
