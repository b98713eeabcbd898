import { useCallback } from 'react';
import {
  issueWordingId,
  type IssueCode,
  type ValidationIssue,
} from '../../core/validation/catalogue';
import type { JourneyNode } from '../../core/model/journey';
import { portWord } from '../canvas/keyboard-words';
import { nodePorts } from '../nodes/card-shape';
import { stepWords } from '../nodes/kind-words';
import { useApp } from '../store/app-store';
import { useLocale, useT, type Translate } from './I18nProvider';
import { CATALOGS, type MessageId } from './messages';
import type { Locale } from './locales';

/**
 * The arguments the catalogue sentences may use, blank unless the issue gives them: an issue
 * made before a value existed (or by a rule that has no use for it) still formats.
 */
const BLANKS: Readonly<Record<string, string | number>> = {
  stepId: '',
  stepTitle: '',
  field: '',
  fieldTitle: '',
  variant: '',
  channel: '',
  count: 0,
};

const has = (id: string): id is MessageId => id in CATALOGS.en;

/**
 * Words an issue in the app's language. An issue whose code has a sentence in the catalogues
 * (`validation.<code>` / `check.<code>`) is worded from its values, naming steps by their titles.
 * Other codes read the core's English sentence in English, and in Swedish or Norwegian the
 * code's title with the step and field it concerns.
 */
export function wordIssue(
  t: Translate,
  locale: Locale,
  issue: ValidationIssue,
  nodes: readonly JourneyNode[] = [],
): string {
  const id = issueWordingId(issue.code);
  const values = { ...BLANKS, ...issue.values, ...stepValues(t, issue, nodes) };
  // A schema's own sentence (variant `other`) says more than any general wording could.
  const specific = has(id) && issue.values !== undefined && values.variant !== 'other';
  if (specific) return t(id, values);
  if (locale === 'en') return issue.message;
  const title = t(titleId(issue.code));
  if (values.stepTitle && values.field)
    return t('issueWords.fallback.stepField', { ...values, title });
  if (values.stepTitle) return t('issueWords.fallback.step', { ...values, title });
  return t('issueWords.fallback.journey', { title });
}

/**
 * The step and exit an issue is about, named as their cards name them in the language: the core
 * words an unnamed step by its English summary ("If purchase performed since entry") and an exit
 * by its id ("yes").
 */
function stepValues(
  t: Translate,
  issue: ValidationIssue,
  nodes: readonly JourneyNode[],
): Record<string, string> {
  const stepId = issue.values?.stepId;
  const node = typeof stepId === 'string' ? nodes.find((n) => n.id === stepId) : undefined;
  if (!node) return {};
  const port = issue.values?.port;
  const spec = typeof port === 'string' ? nodePorts(node).find((p) => p.id === port) : undefined;
  return { stepTitle: stepWords(t, node), ...(spec && { port: portWord(t, spec) }) };
}

function titleId(code: IssueCode): MessageId {
  const id = `issueWords.title.${code}`;
  return has(id) ? id : 'issueWords.title.other';
}

/** `words(issue)`: the problems bar, node cards and inspector word issues through this. */
export function useIssueWords(): (issue: ValidationIssue) => string {
  const t = useT();
  const { locale } = useLocale();
  const nodes = useApp((s) => s.journey?.nodes);
  return useCallback(
    (issue: ValidationIssue) => wordIssue(t, locale, issue, nodes),
    [t, locale, nodes],
  );
}
