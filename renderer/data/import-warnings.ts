import type { ImportWarningView } from '../../core/api/data-contract';
import type { Translate } from '../i18n/I18nProvider';
import type { Locale } from '../i18n/locales';

/**
 * What to check about an import although its rows were read, in the chosen language. English
 * reads the import's own sentence (the command line prints the same); Swedish and Norwegian word
 * the warning from its code and facts. A warning without facts (an older engine's) or with a code
 * this version does not know keeps the import's words.
 */
export function importWarningText(
  t: Translate,
  locale: Locale,
  warning: ImportWarningView,
): string {
  const values = warning.values;
  if (locale === 'en' || !values) return warning.message;
  switch (warning.code) {
    case 'encoding-latin1':
      return t('data.importWarning.encodingLatin1');
    case 'undecodable-text':
      return t('data.importWarning.undecodableText', { byte: Number(values.byte ?? 0) });
    case 'duplicate-ids':
      return t('data.importWarning.duplicateIds', {
        rows: Number(values.rows ?? 0),
        id: String(values.id ?? ''),
        line: String(values.line ?? ''),
        firstLine: String(values.firstLine ?? ''),
      });
    default:
      return warning.message;
  }
}
