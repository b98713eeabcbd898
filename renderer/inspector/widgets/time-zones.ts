import { DateTime, IANAZone } from 'luxon';
import type { Translate } from '../../i18n/I18nProvider';

/** One time zone as a marketer picks it: a city, its offset now, and what the zone is called. */
export interface ZoneChoice {
  /** The zone as the journey file stores it (`Europe/Stockholm`); never shown. */
  zone: string;
  /** "Stockholm (UTC+1)", "Köpenhamn (UTC+1)". */
  label: string;
  /** The zone's name in the language, where Intl knows it: "centraleuropeisk tid". */
  description: string;
  /** Minutes ahead of UTC now, for the order of the list. */
  offset: number;
  /** What a search looks in: the city in the language and in English, the zone's name. */
  haystack: string;
}

/** Lower case without accents, so "sto" finds Stockholm and "zur" Zürich. */
export function searchable(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** "UTC+1", "UTC+5:30", "UTC−5", "UTC". */
function offsetText(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const sign = minutes > 0 ? '+' : '\u2212';
  const hours = Math.floor(Math.abs(minutes) / 60);
  const rest = Math.abs(minutes) % 60;
  return `UTC${sign}${hours}${rest ? `:${String(rest).padStart(2, '0')}` : ''}`;
}

/** The city a zone is named after, as the zone's id writes it: `America/New_York` → New York. */
function englishCity(zone: string): string {
  return (zone.split('/').pop() ?? zone).replace(/_/g, ' ');
}

function zoneName(zone: string, locale: string, at: Date): string {
  try {
    const parts = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'longGeneric' });
    return parts.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? '';
  } catch {
    return '';
  }
}

/**
 * One zone as a choice, in the language: its city (translated where the catalogue knows a
 * name, "Köpenhamn"), its offset at `now`, and its name from Intl. Undefined for a zone this
 * runtime does not know.
 */
export function zoneChoice(
  zone: string,
  t: Translate,
  locale: string,
  now: number,
): ZoneChoice | undefined {
  if (zone !== 'UTC' && !IANAZone.isValidZone(zone)) return undefined;
  const offset = DateTime.fromMillis(now, { zone }).offset;
  const english = englishCity(zone);
  const at = new Date(now);
  if (zone === 'UTC') {
    const label = t('timezone.utc');
    return { zone, label, description: '', offset: 0, haystack: ` ${searchable(label)} utc gmt` };
  }
  const city = t('timezone.city', { key: english.replace(/\W/g, '_'), city: english });
  const description = zoneName(zone, locale, at);
  const label = t('timezone.option', { city, offset: offsetText(offset) });
  return {
    zone,
    label,
    description,
    offset,
    haystack: ` ${searchable(`${city} ${english} ${description} ${zone}`).replace(/[^\p{L}\p{N}+]+/gu, ' ')}`,
  };
}

function supportedZones(): readonly string[] {
  return typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
}

/**
 * Every zone the runtime knows, universal time first, then from west to east and by city; the
 * journey's own value is among them even when it is an unusual one (an alias, `Etc/GMT-3`).
 */
export function zoneChoices(
  t: Translate,
  locale: string,
  now: number,
  current?: string,
): ZoneChoice[] {
  const zones = new Set(['UTC', ...supportedZones()]);
  if (current) zones.add(current);
  const choices: ZoneChoice[] = [];
  for (const zone of zones) {
    const choice = zoneChoice(zone, t, locale, now);
    if (choice) choices.push(choice);
  }
  const collator = new Intl.Collator(locale);
  return choices.sort((a, b) =>
    a.zone === 'UTC'
      ? -1
      : b.zone === 'UTC'
        ? 1
        : a.offset - b.offset || collator.compare(a.label, b.label),
  );
}

/**
 * The choices a search finds: each word typed starts a word of the city or of the zone's name,
 * so "sto" finds Stockholm (not Creston) and "central" every Central European city.
 */
export function findZones(choices: readonly ZoneChoice[], query: string): readonly ZoneChoice[] {
  const words = searchable(query)
    .split(/[\s/]+/)
    .filter(Boolean);
  if (words.length === 0) return choices;
  return choices.filter((c) => words.every((w) => c.haystack.includes(` ${w}`)));
}
