import { ApiError } from '../../core/api/contract';
import type { ImportProblemView } from '../../core/api/data-contract';
import { MAX_ROW_CHARS, ROW_PROBLEM_CODES } from '../../core/import/import-problems';
import type { Formats } from '../i18n/format';
import type { Translate } from '../i18n/I18nProvider';
import type { Locale } from '../i18n/locales';
import { say } from '../i18n/words';
import { apiErrorWords } from '../api/api-error-words';

const KNOWN = new Set<string>(ROW_PROBLEM_CODES);

/**
 * Why a row was left out, in the chosen language. English reads the import's own sentence (the
 * command line prints the same); Swedish and Norwegian word the problem from its code, its column
 * and its figures. A code this version does not know keeps the import's words.
 */
export function rowProblemText(
  t: Translate,
  f: Formats,
  locale: Locale,
  problem: ImportProblemView,
): string {
  if (locale === 'en') return problem.reason;
  // The whole file refused (a picture, a missing column): the words of the import's refusal.
  if (problem.values?.problem === problem.code)
    return say(
      t,
      apiErrorWords(
        ApiError.fromBody({
          code: 'invalid-request',
          message: problem.reason,
          reason: 'import-file',
          values: problem.values,
        }),
      ),
    );
  if (!KNOWN.has(problem.code)) return problem.reason;
  const values = problem.values ?? {};
  const column = problem.column ?? '';
  switch (problem.code) {
    case 'missing-id':
      return t('data.rowProblem.missingId', { column });
    case 'bad-id':
      return t('data.rowProblem.badId', { column });
    case 'missing-name':
      return t('data.rowProblem.missingName', { column });
    case 'bad-name':
      return t('data.rowProblem.badName', { column });
    case 'missing-time':
      return t('data.rowProblem.missingTime', { column });
    case 'bad-time':
      return t('data.rowProblem.badTime', { column, value: String(values.value ?? '') });
    case 'bad-row-length':
      return t('data.rowProblem.badRowLength', {
        cells: Number(values.cells ?? 0),
        columns: Number(values.columns ?? 0),
        endLine: values.endLine === undefined ? 'none' : String(values.endLine),
        line: problem.line,
      });
    case 'bad-quotes':
      return t('data.rowProblem.badQuotes');
    case 'bad-json':
      return t('data.rowProblem.badJson');
    case 'not-an-object':
      return t('data.rowProblem.notAnObject');
    case 'row-too-long':
      return t('data.rowProblem.rowTooLong', { limit: f.number(MAX_ROW_CHARS) });
    default:
      return problem.reason;
  }
}
