import { ForecastCount, ForecastEnd } from '../forecast/ForecastOverlay';
import { ClockIcon, UsersIcon } from '../nodes/icons';
import type { AppState } from '../store/app-store';
import { useApp } from '../store/app-store';
import { useT, type Translate } from '../i18n/I18nProvider';
import type { MessageId } from '../i18n/messages';
import type { NodeFigures } from './overlay';
import { useTimeFormats } from './use-time-formats';

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

/** Why messages were not sent, short enough for a badge ("no address"); said in words otherwise. */
const SKIP_SHORT_IDS: Record<string, MessageId> = {
  unsubscribed: 'sim.skip.unsubscribed',
  suppressed: 'sim.skip.suppressed',
  no_address: 'sim.skip.noAddress',
  capped: 'sim.skip.capped',
  policy: 'sim.skip.policy',
  template_error: 'sim.skip.templateError',
  late: 'sim.skip.late',
};

function skipShort(t: Translate, reason: string): string {
  const id = SKIP_SHORT_IDS[reason];
  return id ? t(id) : reason.replace(/_/g, ' ');
}

function title(t: Translate, count: (n: number) => string, figures: NodeFigures): string {
  const lines = [t('sim.count.reached', { n: figures.entered })];
  if (figures.waiting) lines.push(t('sim.count.waitingLong', { n: count(figures.waiting) }));
  if (figures.message) {
    lines.push(
      t('sim.count.sentNotSent', {
        sent: count(figures.message.sent),
        skipped: count(figures.message.skipped),
      }),
    );
    for (const { reason, count: n } of figures.message.notSent)
      lines.push(`  ${count(n)} ${skipShort(t, reason)}`);
    if (figures.message.deferred)
      lines.push(t('sim.count.deferred', { n: count(figures.message.deferred) }));
  }
  lines.push(t('sim.count.click'));
  return lines.join('\n');
}

/** "no address, unsubscribed": why messages were not sent, most common first. */
function notSentReasons(t: Translate, figures: NodeFigures): string {
  return (figures.message?.notSent ?? []).map((r) => skipShort(t, r.reason)).join(', ');
}

/** What a screen reader says for the badge: that it is simulated, then the figures. */
function spoken(t: Translate, count: (n: number) => string, figures: NodeFigures): string {
  const message = figures.message;
  // On a message step the name says the badge's own words in their order, so someone who reads
  // the badge and speaks it to voice control names the same button.
  const parts = [
    message
      ? `${count(figures.entered)} ${t('sim.count.reachedWord')}`
      : t('sim.count.reached', { n: figures.entered }),
  ];
  if (message) {
    parts.push(t('sim.count.sent', { n: count(message.sent) }));
    if (message.skipped)
      parts.push(
        t('sim.count.notSent', {
          n: count(message.skipped),
          reasons: notSentReasons(t, figures),
        }),
      );
  }
  if (figures.waiting) parts.push(t('sim.count.waiting', { n: count(figures.waiting) }));
  return `${t('sim.count.simulated')}: ${parts.join(', ')}`;
}

/**
 * How many profiles reached a step, pinned to the card's top edge (where nothing else is), how
 * many still wait there, and on a message step how many were sent and why the rest were not. A
 * button: it opens the step's figures and profiles in the panel. Marked "simulated" (a dashed
 * outline and a tag), so it is never taken for the live run's counts, which go in the same place.
 */
export function NodeCount({ nodeId }: { nodeId: string }) {
  const figures = useApp(figuresOf(nodeId));
  const focus = useApp((s) => s.focusSimulationNode);
  const t = useT();
  const { count } = useTimeFormats();
  if (!figures) return null;
  if (figures.forecast) return <ForecastCount nodeId={nodeId} figures={figures.forecast} />;
  return (
    <button
      type="button"
      className={`count-badge sim-count nodrag nopan${figures.entered === 0 ? ' is-zero' : ''}`}
      data-testid={`count-${nodeId}`}
      title={title(t, count, figures)}
      aria-label={spoken(t, count, figures)}
      onClick={(e) => {
        e.stopPropagation();
        focus(nodeId);
      }}
    >
      {/* Drawn by the style sheet, so the badge's text is the figures its name starts with. */}
      <span
        className="count-kind is-simulated"
        data-tag={t('sim.count.simTag')}
        aria-hidden="true"
      />
      <span className="sim-count-main">
        <UsersIcon size={12} />
        <span data-testid={`entered-${nodeId}`}>{count(figures.entered)}</span>{' '}
        {figures.message && <span className="sim-count-word">{t('sim.count.reachedWord')}</span>}
      </span>{' '}
      {figures.message && (
        <span className="sim-count-sent" data-testid={`sent-${nodeId}`}>
          {t('sim.count.sent', { n: count(figures.message.sent) })}
        </span>
      )}{' '}
      {figures.message && figures.message.skipped > 0 && (
        <span className="sim-count-skipped" data-testid={`not-sent-${nodeId}`}>
          {t('sim.count.notSent', {
            n: count(figures.message.skipped),
            reasons: notSentReasons(t, figures),
          })}
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
  const t = useT();
  const { count } = useTimeFormats();
  if (spread) return <ForecastEnd spread={spread} testId={`port-${nodeId}-${portId}`} />;
  if (n === undefined) return null;
  return (
    <span
      className="sim-end"
      data-testid={`port-${nodeId}-${portId}`}
      title={t('sim.count.ended', { n })}
    >
      {' '}
      · {count(n)}
    </span>
  );
}
