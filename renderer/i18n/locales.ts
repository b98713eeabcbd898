/** The languages the app speaks. English is the fallback for anything missing elsewhere. */
export const LOCALES = ['en', 'sv', 'nb'] as const;
export type Locale = (typeof LOCALES)[number];

/** Names of the languages, each in its own language, for the language picker. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  sv: 'Svenska',
  nb: 'Norsk bokmål',
};

const STORAGE_KEY = 'journey-studio.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The app's language for a list of preferred languages (the system's, most preferred first):
 * Swedish for `sv-*`, Norwegian Bokmål for `nb`, `no` and `nn` (the app has no Nynorsk; Bokmål is
 * what Norwegian users of Nynorsk read every day), English otherwise.
 */
export function localeFor(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const language = tag.toLowerCase().split(/[-_]/)[0];
    if (language === 'sv') return 'sv';
    if (language === 'nb' || language === 'no' || language === 'nn') return 'nb';
    if (language === 'en') return 'en';
  }
  return 'en';
}

/** The language chosen in the app, else the system's. */
export function initialLocale(): Locale {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (isLocale(saved)) return saved;
  } catch {
    // Storage may be unavailable (private windows); the system's language then decides.
  }
  const navigator = globalThis.navigator as Navigator | undefined;
  return localeFor(
    navigator?.languages?.length ? navigator.languages : [navigator?.language ?? 'en'],
  );
}

export function saveLocale(locale: Locale): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    // Not saved: the choice lasts until the window closes.
  }
}
