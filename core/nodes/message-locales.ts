import { z } from 'zod';
import { isRecord } from '../model/json-text';

/**
 * Content per language: a message's config may hold `locales`, e.g.
 * `{ "sv": { "subject": "Din varukorg väntar" }, "nb": { "subject": "Handlekurven din venter" } }`.
 * A profile whose `locale` attribute names one of these languages (`sv-SE` → `sv`) gets that
 * variant's fields over the default content; anyone else, and any field a variant leaves out,
 * gets the default content. Simulation and execution choose alike: both run the message node.
 */
export const localesSchema = z
  .record(
    z.string().regex(/^[a-z]{2,3}$/, 'A language is a two- or three-letter code, e.g. "sv".'),
    z.record(z.string(), z.string()),
  )
  .optional()
  .meta({
    title: 'Content per language',
    widget: 'locales',
    description:
      'Wording per language (e.g. "sv", "nb"), chosen by the profile’s locale; the content above is the fallback.',
  });

/** At most this many languages per message: a bound on what one config can hold. */
export const MAX_LOCALES = 50;

/** The language of a locale: `sv-SE`, `sv_SE` and `SV` → `sv`; `no` → `nb` (Bokmål). */
export function languageOf(locale: unknown): string | undefined {
  if (typeof locale !== 'string') return undefined;
  const language = /^([a-zA-Z]{2,3})(?:[-_]|$)/.exec(locale.trim())?.[1]?.toLowerCase();
  return language === 'no' ? 'nb' : language;
}

/** The languages a message has its own content for. */
export function messageLanguages(config: unknown): string[] {
  const locales = isRecord(config) ? config.locales : undefined;
  return isRecord(locales) ? Object.keys(locales).slice(0, MAX_LOCALES) : [];
}

/**
 * The config a profile's message is rendered from: the variant for its language over the
 * default content, or the default content when there is no variant for it.
 */
export function localisedConfig<C extends object>(config: C, locale: unknown): C {
  const language = languageOf(locale);
  const locales = (config as { locales?: unknown }).locales;
  if (language === undefined || !isRecord(locales)) return config;
  const variant = locales[language];
  if (!isRecord(variant)) return config;
  const fields: Record<string, string> = {};
  for (const [field, value] of Object.entries(variant))
    if (typeof value === 'string' && field !== 'channel') fields[field] = value;
  return { ...config, ...fields };
}
