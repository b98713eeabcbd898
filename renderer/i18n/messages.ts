import en from './catalogs/en.json';
import nb from './catalogs/nb.json';
import sv from './catalogs/sv.json';
import type { Locale } from './locales';

/** Every message id; English is the reference catalogue, so an id missing there does not compile. */
export type MessageId = keyof typeof en;

/** ICU messages by id, per language. */
export const CATALOGS: Record<Locale, Record<MessageId, string>> = {
  // Swedish or Norwegian without an id of English does not compile; the catalogue tests check
  // the other way round, and that each message has the same arguments.
  en,
  sv,
  nb,
};
