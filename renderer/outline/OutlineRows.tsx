import { useId } from 'react';
import { isNodeKind, nodeDefinition } from '../../core/nodes/registry';
import { useT } from '../i18n/I18nProvider';
import { useIssueWords } from '../i18n/issue-words';
import { cardProblem } from '../nodes/card-shape';
import { ChevronDownIcon, ChevronRightIcon, LinkArrowIcon } from '../nodes/icons';
import { kindWord, stepWords } from '../nodes/kind-words';
import { exitWords, nodeSummary } from '../nodes/node-summary';
import { nodeView } from '../nodes/registry';
import { useApp } from '../store/app-store';
import type { OutlineItem, OutlineRow } from './outline-tree';

export interface OutlineRowsProps {
  rows: readonly OutlineRow[];
  closed: ReadonlySet<string>;
  /** The row that is the tree's one Tab stop. */
  activeKey: string | undefined;
  selected: readonly string[];
  onToggle: (key: string, open: boolean) => void;
  onChoose: (item: OutlineItem) => void;
}

/**
 * The tree's rows as one flat list, each treeitem with its level, its place among its siblings
 * and whether it is open (the ARIA tree's flat form). Nested groups would make each row's text
 * hold all the rows beneath it, so a row's name could not be the words it shows.
 */
export function OutlineRows({ rows, ...props }: OutlineRowsProps) {
  return rows.map((row) => <OutlineTreeItem key={row.item.key} {...props} row={row} />);
}

function OutlineTreeItem({
  row,
  closed,
  activeKey,
  selected,
  onToggle,
  onChoose,
}: Omit<OutlineRowsProps, 'rows'> & { row: OutlineRow }) {
  const { item, level, position, siblings } = row;
  const t = useT();
  const words = useIssueWords();
  const id = useId();
  const issues = useApp((s) =>
    item.type === 'step' ? s.issuesByNode.get(item.node.id) : undefined,
  );
  const branch = item.children.length > 0;
  const open = branch && !closed.has(item.key);
  const problem = issues && cardProblem(issues);
  const isStep = item.type === 'step';
  const isSelected = isStep && selected.includes(item.node.id);
  const Icon = isStep ? nodeView(item.node.kind)?.Icon : undefined;
  const labelled = isStep && Boolean(item.node.label?.trim());
  const summary = isStep ? nodeSummary(t, item.node) : undefined;
  const described = [labelled && `${id}-summary`, problem && `${id}-problem`].filter(Boolean);

  const label = (() => {
    switch (item.type) {
      case 'step': {
        const { node } = item;
        const kind = isNodeKind(node.kind)
          ? kindWord(t, node.kind, nodeDefinition(node.kind).label)
          : node.kind;
        return { kind, text: stepWords(t, node) };
      }
      case 'exit':
        return {
          text: t('outline.exit', {
            exit: exitWords(t, item.node, item.port),
            ends: !branch,
          }),
        };
      case 'link':
        return { text: t('outline.link', { step: stepWords(t, item.node) }) };
      default:
        return { text: t('outline.unconnected', { count: item.count }) };
    }
  })();

  return (
    // The row's notes (its summary, its problem) stand beside the treeitem, not in it: its name
    // is the words it shows, and the notes are its description.
    <li
      role="none"
      className={`outline-item is-${item.type}${isSelected ? ' is-selected' : ''}${
        problem ? ` has-${problem.severity}` : ''
      }`}
      style={{ paddingInlineStart: 8 + (level - 1) * 18 }}
      onClick={() => onChoose(item)}
    >
      {/* A pointer's way in is a click; the keyboard's is the tree's own keys, not a button. */}
      <div
        role="treeitem"
        className="outline-row"
        data-key={item.key}
        data-testid={isStep ? `outline-step-${item.node.id}` : undefined}
        tabIndex={item.key === activeKey ? 0 : -1}
        aria-level={level}
        aria-posinset={position}
        aria-setsize={siblings}
        aria-expanded={branch ? open : undefined}
        aria-selected={isStep ? isSelected : undefined}
        aria-label={
          label.kind ? t('outline.step', { kind: label.kind, step: label.text }) : label.text
        }
        aria-describedby={described.length > 0 ? described.join(' ') : undefined}
        onFocus={() => {
          if (item.key !== activeKey) onChoose(item);
        }}
      >
        <span
          className="outline-toggle"
          aria-hidden="true"
          onClick={(e) => {
            if (!branch) return;
            e.stopPropagation();
            onToggle(item.key, !open);
          }}
        >
          {branch && (open ? <ChevronDownIcon size={14} /> : <ChevronRightIcon size={14} />)}
        </span>
        {Icon && (
          <span className="outline-icon" aria-hidden="true">
            <Icon size={14} />
          </span>
        )}
        {item.type === 'link' && (
          <span className="outline-icon" aria-hidden="true">
            <LinkArrowIcon size={14} />
          </span>
        )}
        <span className="outline-text">
          {label.kind && <span className="outline-kind">{label.kind}</span>}{' '}
          <span className="outline-title">{label.text}</span>
        </span>
      </div>
      {described.length > 0 && (
        <div className="outline-notes" aria-hidden="true">
          {labelled && summary && (
            <span className="outline-summary" id={`${id}-summary`}>
              {summary.text}
            </span>
          )}
          {problem && (
            <span className={`outline-problem is-${problem.severity}`} id={`${id}-problem`}>
              {words(problem)}
            </span>
          )}
        </div>
      )}
    </li>
  );
}
