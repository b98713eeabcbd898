import type { Severity, ValidationIssue } from '../../core/validation/catalogue';
import { AlertIcon, CheckIcon, ChevronDownIcon, InfoIcon } from '../nodes/icons';
import { nodeTitle } from '../nodes/node-title';
import { useApp } from '../store/app-store';
import { useIssueWords } from '../i18n/issue-words';
import { useT } from '../i18n/I18nProvider';
import { cardTitle } from '../nodes/kind-words';

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Every problem in the journey: errors, warnings, and notes (where profiles end). Clicking one
 * selects the step it concerns and brings it into view; settings problems open the settings.
 */
export function IssuesPanel() {
  const t = useT();
  const validation = useApp((s) => s.validation);
  const journey = useApp((s) => s.journey);
  const open = useApp((s) => s.issuesOpen);
  const setOpen = useApp((s) => s.setIssuesOpen);
  const revealNode = useApp((s) => s.revealNode);
  const clearSelection = useApp((s) => s.clearSelection);
  const words = useIssueWords();
  const notes = validation.issues.filter((i) => i.severity === 'info').length;
  const issues = [...validation.issues].sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  );
  const title = (issue: ValidationIssue) => {
    if (issue.nodeId === undefined)
      return t(issue.path?.[0] === 'settings' ? 'issues.settings' : 'issues.journey');
    const node = journey?.nodes.find((n) => n.id === issue.nodeId);
    return node ? cardTitle(t, node, nodeTitle(node)) : issue.nodeId;
  };
  const summary =
    validation.errors === 0 && validation.warnings === 0
      ? t('issues.none')
      : [
          validation.errors ? t('issues.errors', { count: validation.errors }) : '',
          validation.warnings ? t('issues.warnings', { count: validation.warnings }) : '',
        ]
          .filter(Boolean)
          .join(', ');

  return (
    <section className={`issues${open ? ' is-open' : ''}`} aria-label={t('issues.title')}>
      <button
        type="button"
        className="issues-bar"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        data-testid="issues-toggle"
      >
        <span
          className={`issues-status ${validation.errors ? 'is-error' : validation.warnings ? 'is-warning' : 'is-ok'}`}
        >
          {validation.errors || validation.warnings ? (
            <AlertIcon size={15} />
          ) : (
            <CheckIcon size={15} />
          )}
          <span data-testid="issues-summary">{summary}</span>
        </span>
        {notes > 0 && <span className="issues-notes">{t('issues.notes', { count: notes })}</span>}
        <span className="issues-chevron">
          <ChevronDownIcon size={16} />
        </span>
      </button>
      {open && (
        <ul className="issues-list">
          {issues.length === 0 && <li className="issues-empty">{t('issues.empty')}</li>}
          {issues.map((issue, i) => (
            <li key={`${issue.code}-${i}`}>
              <button
                type="button"
                className={`issue is-${issue.severity}`}
                onClick={() => {
                  if (issue.nodeId !== undefined) revealNode(issue.nodeId);
                  else clearSelection();
                }}
              >
                <span className="issue-icon">
                  {issue.severity === 'info' ? <InfoIcon size={15} /> : <AlertIcon size={15} />}
                </span>
                <span className="issue-where">{title(issue)}</span>
                <span className="issue-message">{words(issue)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
