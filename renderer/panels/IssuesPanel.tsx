import type { Severity, ValidationIssue } from '../../core/validation/catalogue';
import { AlertIcon, CheckIcon, ChevronDownIcon, InfoIcon } from '../nodes/icons';
import { nodeTitle } from '../nodes/node-title';
import { useApp } from '../store/app-store';
import { useIssueWords } from '../i18n/issue-words';

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Every problem in the journey: errors, warnings, and notes (where profiles end). Clicking one
 * selects the step it concerns and brings it into view; settings problems open the settings.
 */
export function IssuesPanel() {
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
    if (issue.nodeId === undefined) return issue.path?.[0] === 'settings' ? 'Settings' : 'Journey';
    const node = journey?.nodes.find((n) => n.id === issue.nodeId);
    return node ? nodeTitle(node) : issue.nodeId;
  };
  const summary =
    validation.errors === 0 && validation.warnings === 0
      ? 'No problems'
      : [
          validation.errors ? plural(validation.errors, 'error') : '',
          validation.warnings ? plural(validation.warnings, 'warning') : '',
        ]
          .filter(Boolean)
          .join(', ');

  return (
    <section className={`issues${open ? ' is-open' : ''}`} aria-label="Problems">
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
        {notes > 0 && <span className="issues-notes">{plural(notes, 'note')}</span>}
        <span className="issues-chevron">
          <ChevronDownIcon size={16} />
        </span>
      </button>
      {open && (
        <ul className="issues-list">
          {issues.length === 0 && <li className="issues-empty">Nothing to report.</li>}
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
