import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, useContext, useMemo } from 'react';
import { isEntryKind, isNodeKind, nodeDefinition } from '../../core/nodes/registry';
import { ViewLevelContext } from '../canvas/far-view';
import type { JourneyFlowNode } from '../canvas/flow-mapping';
import { cardHeight } from '../canvas/geometry';
import { cardProblem, portRow } from './card-shape';
import { exitWords, nodeSummary } from './node-summary';
import { nodeTitle } from './node-title';
import { nodeView } from './registry';
import { useIssueWords } from '../i18n/issue-words';
import { WinnerBadge } from './WinnerBadge';
import { LiveCount } from '../execution/LiveCount';
import { NodeCount, PortCount, useTraceMark } from '../simulation/NodeOverlay';
import { useT } from '../i18n/I18nProvider';
import { cardTitle, kindWord } from './kind-words';

/**
 * The one card every node kind is drawn with: icon and name in the kind's category colour, the
 * summary line, the first problem, and one labelled exit per port. Memoized: a card re-renders
 * only when its own node, problems or selection change.
 */
function NodeCardView({ id, data, selected }: NodeProps<JourneyFlowNode>) {
  const { node, issues } = data;
  const t = useT();
  const title = cardTitle(t, node, nodeTitle(node));
  const level = useContext(ViewLevelContext);
  const known = isNodeKind(node.kind);
  const definition = known ? nodeDefinition(node.kind) : undefined;
  const view = nodeView(node.kind);
  const Icon = view?.Icon;
  const summary = useMemo(() => nodeSummary(t, node), [t, node]);
  const ports = useMemo(
    () => (definition ? definition.ports(node.config) : []),
    [definition, node.config],
  );
  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');
  const open = new Set(issues.filter((i) => i.code === 'port-open').map((i) => i.port));
  const problem = cardProblem(issues);
  const words = useIssueWords();
  const row = portRow(ports);
  const labelled = row === 'labelled';
  const traceMark = useTraceMark(id);
  // Nothing leads into an entry (a trigger): it has no input handle.
  const hasInput = !isEntryKind(node.kind);
  const className = [
    'node-card',
    `cat-${definition?.category ?? 'end'}`,
    selected ? 'is-selected' : '',
    errors.length ? 'has-errors' : '',
    traceMark ? `trace-${traceMark}` : '',
  ].join(' ');
  const height = cardHeight(row, problem !== undefined);

  if (level !== 'near') {
    // Zoomed out: a block of the same size, and plain elements where the handles are, which
    // React Flow measures exactly like its own (by class and data attributes) but which cost
    // nothing per frame. Nobody connects steps at this zoom.
    return (
      <div
        className={`${className} is-far`}
        data-testid={`node-${id}`}
        data-kind={node.kind}
        style={{ height }}
      >
        <NodeCount nodeId={id} />
        <LiveCount nodeId={id} kind={node.kind} />
        {level === 'overview' && (
          <div className="node-overview">
            {Icon && <Icon size={36} />}
            <span className="node-overview-title">{title}</span>
          </div>
        )}
        {hasInput && <HandleStub type="target" id="in" />}
        <div className="node-ports">
          {ports.map((port) => (
            <div key={port.id} className="node-port">
              <HandleStub type="source" id={port.id} />
            </div>
          ))}
        </div>
      </div>
    );
  }

  return (
    <div className={className} data-testid={`node-${id}`} data-kind={node.kind} style={{ height }}>
      {hasInput && <Handle type="target" position={Position.Top} id="in" className="node-in" />}
      <NodeCount nodeId={id} />
      <LiveCount nodeId={id} kind={node.kind} />
      {definition?.branches && <WinnerBadge node={node} />}
      <div className="node-head">
        <span className="node-icon">{Icon && <Icon size={16} />}</span>
        {/* A step with its own name still says what kind it is, above the name. */}
        {node.label?.trim() && definition ? (
          <span className="node-names">
            <span className="node-kind">{kindWord(t, node.kind, definition.label)}</span>
            <span className="node-title">{node.label}</span>
          </span>
        ) : (
          <span className="node-title">{title}</span>
        )}
        {errors.length > 0 ? (
          <span className="node-badge is-error" title={errors.map(words).join('\n')}>
            {errors.length}
          </span>
        ) : warnings.length > 0 ? (
          <span className="node-badge is-warning" title={warnings.map(words).join('\n')}>
            {warnings.length}
          </span>
        ) : null}
      </div>
      <div className={`node-summary${summary.ready ? '' : ' is-pending'}`} title={summary.text}>
        {summary.text}
      </div>
      {problem && (
        <div className={`node-problem is-${problem.severity}`} title={words(problem)}>
          {words(problem)}
        </div>
      )}
      {ports.length > 0 && (
        <div className={`node-ports${labelled ? ' is-labelled' : ''}`}>
          {ports.map((port) => {
            const exit = exitWords(t, node, port);
            return (
              <div key={port.id} className={`node-port${open.has(port.id) ? ' is-open' : ''}`}>
                {labelled && <span className="node-port-label">{exit}</span>}
                <Handle
                  type="source"
                  position={Position.Bottom}
                  id={port.id}
                  className="node-out"
                  title={open.has(port.id) ? t('card.port.openEnd', { exit }) : exit}
                />
                {open.has(port.id) && (
                  <span className="node-port-end">
                    {t('card.port.ends')}
                    <PortCount nodeId={id} portId={port.id} />
                  </span>
                )}
              </div>
            );
          })}
        </div>
      )}
    </div>
  );
}

function HandleStub({ type, id }: { type: 'source' | 'target'; id: string }) {
  const position = type === 'source' ? 'bottom' : 'top';
  return (
    <span
      className={`react-flow__handle react-flow__handle-${position} ${type} node-${type === 'source' ? 'out' : 'in'}`}
      data-handleid={id}
      data-handlepos={position}
      aria-hidden="true"
    />
  );
}

export const NodeCard = memo(NodeCardView);
