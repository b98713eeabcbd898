import { ForecastCount, ForecastEnd } from '../forecast/ForecastOverlay';
import { ClockIcon, UsersIcon } from '../nodes/icons';
import type { AppState } from '../store/app-store';
import { useApp } from '../store/app-store';
import { count, plural } from './format';
import type { NodeFigures } from './overlay';
import { SKIP_SHORT, skipWords } from './reasons';

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
    for (const { reason, count: n } of figures.message.notSent)
      lines.push(`  ${count(n)} ${skipWords(reason)}`);
    if (figures.message.deferred)
      lines.push(`${count(figures.message.deferred)} held for quiet hours`);
  }
  lines.push('Click for the figures and the profiles who reached it');
  return lines.join('\n');
}

/** "no address", "no address, unsubscribed": why messages were not sent, most common first. */
function notSentReasons(figures: NodeFigures): string {
  return (figures.message?.notSent ?? []).map((r) => SKIP_SHORT[r.reason]).join(', ');
}

function messageWords(figures: NodeFigures): string {
  const message = figures.message;
  if (!message) return '';
  const skipped = message.skipped
    ? `, ${count(message.skipped)} not sent (${notSentReasons(figures)})`
    : '';
  return `, ${count(message.sent)} sent${skipped}`;
}

/**
 * How many profiles reached a step, pinned to the card's top edge (where nothing else is), how
 * many still wait there, and on a message step how many were sent and why the rest were not. A button: it opens the step's figures and profiles in the panel.
 */
export function NodeCount({ nodeId }: { nodeId: string }) {
  const figures = useApp(figuresOf(nodeId));
  const focus = useApp((s) => s.focusSimulationNode);
  if (!figures) return null;
  if (figures.forecast) return <ForecastCount nodeId={nodeId} figures={figures.forecast} />;
  return (
    <button
      type="button"
      className={`count-badge sim-count nodrag nopan${figures.entered === 0 ? ' is-zero' : ''}`}
      data-testid={`count-${nodeId}`}
      title={title(figures)}
      // On a message step the name starts with the words the badge shows, in their order, so
      // someone who reads the badge and speaks it to voice control names the same button.
      aria-label={`${figures.message ? `${count(figures.entered)} reached` : `${plural(figures.entered, 'profile')} reached this step`}${messageWords(figures)}${figures.waiting ? `, ${count(figures.waiting)} waiting` : ''}`}
      onClick={(e) => {
        e.stopPropagation();
        focus(nodeId);
      }}
    >
      <span className="sim-count-main">
        <UsersIcon size={12} />
        <span data-testid={`entered-${nodeId}`}>{count(figures.entered)}</span>{' '}
        {figures.message && <span className="sim-count-word">reached</span>}
      </span>{' '}
      {figures.message && (
        <span className="sim-count-sent" data-testid={`sent-${nodeId}`}>
          {count(figures.message.sent)} sent
        </span>
      )}{' '}
      {figures.message && figures.message.skipped > 0 && (
        <span className="sim-count-skipped" data-testid={`not-sent-${nodeId}`}>
          {count(figures.message.skipped)} not sent ({notSentReasons(figures)})
        </span>
      )}
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
  const spread = useApp((s) => figuresOf(nodeId)(s)?.forecast?.ports[portId]);
  if (spread) return <ForecastEnd spread={spread} testId={`port-${nodeId}-${portId}`} />;
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
