import type { Reference } from '../../../core/forecast/defaults';
import type { Formats } from '../../i18n/format';
import type { Translate } from '../../i18n/I18nProvider';
import { durationToWords } from '../widgets/duration-words';

/**
 * A response rate as a marketer reads it, to about three significant digits: 45%, 10.1%, 2.05%,
 * 0.012%.
 */
export function ratePercent(formats: Formats, rate: number): string {
  const percent = Math.abs(rate * 100);
  const digits = percent >= 10 ? 1 : percent >= 1 ? 2 : 3;
  return formats.percent(rate, digits);
}

/** A duration in words of the language ("3 days", "3 dagar"); as written when one unit cannot say it. */
export function durationWords(t: Translate, iso: string): string {
  const words = durationToWords(iso);
  if (!words) return iso;
  return t('expect.duration', { amount: words.amount, unit: words.unit });
}

/** Where a library default was published: "Bluecore, 2018 Retail Email Benchmark Report (2018)". */
export function referenceWords(t: Translate, reference: Reference): string {
  // The product's own figure, where nothing is published, is said to be one.
  if (reference.publisher === 'Journey Studio') return t('expect.source.ours');
  return reference.year === undefined
    ? t('expect.source.published', { publisher: reference.publisher, title: reference.title })
    : t('expect.source.publishedIn', {
        publisher: reference.publisher,
        title: reference.title,
        year: String(reference.year),
      });
}

/**
 * How sure an automatic winner was: "97.3%"; near certainty keeps its digits ("99.96%") and is
 * never rounded up to a certainty it was not (0.99999 reads as 99.99%).
 */
export function probabilityPercent(formats: Formats, probability: number): string {
  return probability >= 0.99
    ? formats.percent(Math.min(probability, 0.9999), 2)
    : formats.percent(probability, 1);
}
