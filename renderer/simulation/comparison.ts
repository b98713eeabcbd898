import type { RunSummary, SimulationRun } from '../../core/api/simulation-contract';
import type { Journey } from '../../core/model/journey';
import { compareRuns, type Change } from '../../core/simulator/compare-runs';
import { nodePorts } from '../nodes/card-shape';
import { stepName } from '../nodes/step-name';
import { count, dateTime, signed } from './format';
import { editedSince } from './overlay';

export type DeltaTone = 'up' | 'down' | 'same';

export interface ChangeRow {
  label: string;
  before: number;
  after: number;
  delta: number;
  /** `+12`, `−3`, `±0`. */
  deltaText: string;
  tone: DeltaTone;
  /**
   * Whether the change is good news. Only conversions are judged: fewer messages or fewer
   * profiles down a branch can be exactly what the edit was for.
   */
  verdict: 'better' | 'worse' | 'neutral';
}

export interface NodeChangeView {
  nodeId: string;
  title: string;
  /** `added` or `removed` when the step exists in only one of the runs. */
  status: 'changed' | 'added' | 'removed';
  rows: ChangeRow[];
}

export interface RunComparisonView {
  headline: ChangeRow[];
  nodes: NodeChangeView[];
  /** What differs in how the two runs were made, besides the journey. */
  differences: string[];
  journeyEdited: boolean;
}

function row(label: string, change: Change, judged = false): ChangeRow {
  return {
    label,
    before: change.before,
    after: change.after,
    delta: change.delta,
    deltaText: signed(change.delta),
    tone: change.delta > 0 ? 'up' : change.delta < 0 ? 'down' : 'same',
    verdict: !judged || change.delta === 0 ? 'neutral' : change.delta > 0 ? 'better' : 'worse',
  };
}

function paramDifferences(previous: RunSummary, current: RunSummary): string[] {
  const a = previous.params;
  const b = current.params;
  const out: string[] = [];
  if (a.profilesDatasetId !== b.profilesDatasetId) out.push('other profiles');
  if (a.eventsDatasetId !== b.eventsDatasetId) out.push('other events');
  if (a.start !== b.start || a.end !== b.end || a.days !== b.days) out.push('another window');
  if (a.seed !== b.seed) out.push(`another seed (${a.seed}, now ${b.seed})`);
  return out;
}

/**
 * What changed from one run to the next, for a marketer tuning a journey: the headline figures,
 * then each step whose counts moved (entered, each exit, sent and skipped), named as on the canvas.
 * The arithmetic is the engine's `compareRuns`.
 */
export function runComparison(
  previous: SimulationRun,
  current: SimulationRun,
  journey: Journey,
): RunComparisonView {
  const comparison = compareRuns(previous.report, current.report);
  const known = new Map(
    [...previous.journey.nodes, ...current.journey.nodes, ...journey.nodes].map((n) => [n.id, n]),
  );
  const nodes = comparison.nodes.map((change): NodeChangeView => {
    const node = known.get(change.nodeId);
    const ports = node ? new Map(nodePorts(node).map((p) => [p.id, p.label])) : new Map();
    const rows = [row('Reached', change.entered)];
    for (const [id, port] of Object.entries(change.ports)) {
      rows.push(row(id === 'next' ? 'Went on' : `Took “${ports.get(id) ?? id}”`, port));
    }
    if (change.sent) rows.push(row('Sent', change.sent));
    if (change.skipped) rows.push(row('Not sent', change.skipped));
    const inPrevious = change.nodeId in previous.report.nodes;
    const inCurrent = change.nodeId in current.report.nodes;
    return {
      nodeId: change.nodeId,
      title: node ? stepName(node) : change.nodeId,
      status: !inPrevious ? 'added' : !inCurrent ? 'removed' : 'changed',
      rows: rows.filter((r) => r.delta !== 0 || !inPrevious || !inCurrent),
    };
  });
  return {
    headline: [
      row('Entered', comparison.enrollments),
      row('Converted', comparison.conversions, true),
      row('Messages sent', comparison.sent),
      row('Still in the journey', comparison.active),
    ],
    nodes,
    differences: paramDifferences(previous, current),
    journeyEdited: editedSince(previous.journey, current.journey),
  };
}

/** How a kept run is named in a list: `Tue 1 Oct 2019, 10:02 · 123 entered`, in local time. */
export function runLabel(run: RunSummary, timeZone?: string): string {
  return `${dateTime(run.createdAt, timeZone)} · ${count(run.enrollments)} entered · ${count(run.conversions)} converted`;
}

/** One sentence on what else differs between the runs, or nothing when only the journey could. */
export function differenceNote(view: RunComparisonView): string | undefined {
  const parts: string[] = [];
  if (view.journeyEdited) parts.push('The journey was edited between the runs');
  if (view.differences.length)
    parts.push(
      `${parts.length ? 'the runs used' : 'The runs used'} ${view.differences.join(', ')}`,
    );
  return parts.length ? `${parts.join('; ')}.` : undefined;
}
