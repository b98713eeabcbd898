import { useFormats, type Formats } from '../i18n/format';
import { useLocale, useT, type Translate } from '../i18n/I18nProvider';
import type { Locale } from '../i18n/locales';
import { useTimeFormats, type TimeFormats } from './use-time-formats';

/**
 * What the simulation and run screens' helpers word their figures with: the catalogues' text,
 * numbers and shares, and times, all in the chosen language.
 */
export interface Words {
  t: Translate;
  f: Formats;
  time: TimeFormats;
  /** English says some things in the engine's own words, as the command line prints them. */
  locale: Locale;
}

export function useWords(): Words {
  const t = useT();
  const f = useFormats();
  const time = useTimeFormats();
  const { locale } = useLocale();
  return { t, f, time, locale };
}

/** A change with its sign: `+12`, `−3` (a real minus), `±0`; the number as the language writes it. */
export function signedCount({ f }: Pick<Words, 'f'>, delta: number): string {
  if (delta === 0) return '±0';
  return `${delta > 0 ? '+' : '−'}${f.number(Math.abs(delta))}`;
}

/** A difference of two rates in percentage points: `+2.1 pts` (en), `+2,1 procentenheter` (sv). */
export function pointsText({ t, f }: Pick<Words, 't' | 'f'>, difference: number): string {
  const shown = Math.abs(difference * 100).toFixed(1);
  if (shown === '0.0') return t('sim.points', { value: '±0' });
  const value = `${difference > 0 ? '+' : '−'}${f.number(Number(shown), 1)}`;
  return t('sim.points', { value });
}
