import { ClockIcon, UsersIcon } from '../nodes/icons';
import type { AppState } from '../store/app-store';
import { useApp } from '../store/app-store';
import { count, plural } from './format';
import type { NodeFigures } from './overlay';

/** Whether the canvas draws the simulation's figures: not while the live run's are drawn. */
export const showsSimulation = (s: AppState) => s.simulation.showCounts && !s.execution.open;

const figuresOf = (nodeId: string) => (s: AppState) =>
  showsSimulation(s) ? s.simulation.overlay?.nodes[nodeId] : undefined;

/** A step's place in the trace being stepped through, for the card's outline. */
export type TraceMark = 'current' | 'visited' | 'off' | null;

export function useTraceMark(nodeId: string): TraceMark {
  return useApp((s) => {
    const focus = s.trace.focus;
    if (!focus) return null;
    if (focus.nodeId === nodeId) return 'current';
    return focus.visitedNodes.has(nodeId) ? 'visited' : 'off';
  });
}

function title(figures: NodeFigures): string {
  const lines = [`${plural(figures.entered, 'profile')} reached this step`];
  if (figures.waiting)
    lines.push(`${count(figures.waiting)} still waiting here when the window ended`);
  if (figures.message) {
    lines.push(`${count(figures.message.sent)} sent, ${count(figures.message.skipped)} not sent`);
    if (figures.message.deferred)
      lines.push(`${count(figures.message.deferred)} held for quiet hours`);
  }
  lines.push('Click for the figures and the profiles who reached it');
  return lines.join('\n');
}

/**
 * How many profiles reached a step, pinned to the card's top edge (where nothing else is), and
 * how many still wait there. A button: it opens the step's figures and profiles in the panel.
 */
export function NodeCount({ nodeId }: { nodeId: string }) {
  const figures = useApp(figuresOf(nodeId));
  const focus = useApp((s) => s.focusSimulationNode);
  if (!figures) return null;
  return (
    <button
      type="button"
      className={`count-badge sim-count nodrag nopan${figures.entered === 0 ? ' is-zero' : ''}`}
      data-testid={`count-${nodeId}`}
      title={title(figures)}
      aria-label={`${plural(figures.entered, 'profile')} reached this step${figures.waiting ? `, ${count(figures.waiting)} waiting` : ''}`}
      onClick={(e) => {
        e.stopPropagation();
        focus(nodeId);
      }}
    >
      <span className="sim-count-main">
        <UsersIcon size={12} />
        <span data-testid={`entered-${nodeId}`}>{count(figures.entered)}</span>
      </span>
      {figures.waiting > 0 && (
        <span className="sim-count-waiting" data-testid={`waiting-${nodeId}`}>
          <ClockIcon size={12} />
          {count(figures.waiting)}
        </span>
      )}
    </button>
  );
}

/**
 * Departures through an open exit, after its "ends": how many ended the journey there. A
 * connected exit's departures are the label at the start of its connection, just below it.
 */
export function PortCount({ nodeId, portId }: { nodeId: string; portId: string }) {
  const n = useApp((s) => figuresOf(nodeId)(s)?.ports[portId]);
  if (n === undefined) return null;
  return (
    <span
      className="sim-end"
      data-testid={`port-${nodeId}-${portId}`}
      title={`${plural(n, 'profile')} ended the journey here`}
    >
      {' '}
      · {count(n)}
    </span>
  );
}
