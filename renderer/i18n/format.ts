import { useIntl } from 'react-intl';

/** Numbers, shares, money and times in the chosen language's conventions. */
export interface Formats {
  number(value: number, fractionDigits?: number): string;
  /** A share in [0, 1] as a percentage: 0.569 → "56.9%" (en), "56,9 %" (sv). */
  percent(value: number, fractionDigits?: number): string;
  /** `fractionDigits` 0 for whole amounts (forecasts): "17 434 kr" rather than "17 434,00 kr". */
  money(amount: number, currency: string, fractionDigits?: number): string;
  date(at: number | Date): string;
  /** A calendar day, short: `1 Oct` (en), `1 okt.` (sv), for axes; `day` is `YYYY-MM-DD`. */
  day(day: string): string;
  dateTime(at: number | Date, timeZone?: string): string;
  /** Items joined as the language lists them: "a, b and c" (en), "a, b och c" (sv). */
  list(items: readonly string[]): string;
}

export function useFormats(): Formats {
  const intl = useIntl();
  return {
    number: (value, fractionDigits) =>
      intl.formatNumber(value, {
        maximumFractionDigits: fractionDigits ?? 2,
        ...(fractionDigits !== undefined && { minimumFractionDigits: fractionDigits }),
      }),
    percent: (value, fractionDigits = 1) =>
      intl.formatNumber(value, {
        style: 'percent',
        minimumFractionDigits: 0,
        maximumFractionDigits: fractionDigits,
      }),
    money: (amount, currency, fractionDigits) =>
      intl.formatNumber(amount, {
        style: 'currency',
        currency,
        ...(fractionDigits !== undefined && {
          minimumFractionDigits: fractionDigits,
          maximumFractionDigits: fractionDigits,
        }),
      }),
    date: (at) => intl.formatDate(at, { dateStyle: 'medium' }),
    day: (day) =>
      intl.formatDate(Date.parse(`${day}T12:00:00Z`), {
        day: 'numeric',
        month: 'short',
        timeZone: 'UTC',
      }),
    dateTime: (at, timeZone) =>
      intl.formatDate(at, { dateStyle: 'medium', timeStyle: 'short', timeZone }),
    list: (items) => intl.formatList(items, { type: 'conjunction' }),
  };
}
