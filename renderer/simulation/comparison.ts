import type { RunSummary, SimulationRun } from '../../core/api/simulation-contract';
import type { Journey } from '../../core/model/journey';
import { compareRuns, type Change } from '../../core/simulator/compare-runs';
import { nodePorts } from '../nodes/card-shape';
import { stepName } from '../nodes/step-name';
import { editedSince } from './overlay';
import { signedCount, type Words } from './sim-words';

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

function row(words: Words, label: string, change: Change, judged = false): ChangeRow {
  return {
    label,
    before: change.before,
    after: change.after,
    delta: change.delta,
    deltaText: signedCount(words, change.delta),
    tone: change.delta > 0 ? 'up' : change.delta < 0 ? 'down' : 'same',
    verdict: !judged || change.delta === 0 ? 'neutral' : change.delta > 0 ? 'better' : 'worse',
  };
}

function paramDifferences({ t }: Words, previous: RunSummary, current: RunSummary): string[] {
  const a = previous.params;
  const b = current.params;
  const out: string[] = [];
  if (a.profilesDatasetId !== b.profilesDatasetId) out.push(t('sim.compare.otherProfiles'));
  if (a.eventsDatasetId !== b.eventsDatasetId) out.push(t('sim.compare.otherEvents'));
  if (a.start !== b.start || a.end !== b.end || a.days !== b.days)
    out.push(t('sim.compare.otherWindow'));
  if (a.seed !== b.seed)
    out.push(t('sim.compare.otherSeed', { before: String(a.seed), after: String(b.seed) }));
  return out;
}

/**
 * What changed from one run to the next, for a marketer tuning a journey: the headline figures,
 * then each step whose counts moved (entered, each exit, sent and skipped), named as on the canvas.
 * The arithmetic is the engine's `compareRuns`.
 */
export function runComparison(
  words: Words,
  previous: SimulationRun,
  current: SimulationRun,
  journey: Journey,
): RunComparisonView {
  const { t } = words;
  const comparison = compareRuns(previous.report, current.report);
  const known = new Map(
    [...previous.journey.nodes, ...current.journey.nodes, ...journey.nodes].map((n) => [n.id, n]),
  );
  const nodes = comparison.nodes.map((change): NodeChangeView => {
    const node = known.get(change.nodeId);
    const ports = node ? new Map(nodePorts(node).map((p) => [p.id, p.label])) : new Map();
    const rows = [row(words, t('sim.compare.reached'), change.entered)];
    for (const [id, port] of Object.entries(change.ports)) {
      const label =
        id === 'next'
          ? t('sim.compare.wentOn')
          : t('sim.compare.took', { exit: String(ports.get(id) ?? id) });
      rows.push(row(words, label, port));
    }
    if (change.sent) rows.push(row(words, t('sim.compare.sent'), change.sent));
    if (change.skipped) rows.push(row(words, t('sim.compare.notSent'), change.skipped));
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
      row(words, t('sim.compare.entered'), comparison.enrollments),
      row(words, t('sim.compare.converted'), comparison.conversions, true),
      row(words, t('sim.compare.messagesSent'), comparison.sent),
      row(words, t('sim.compare.stillIn'), comparison.active),
    ],
    nodes,
    differences: paramDifferences(words, previous, current),
    journeyEdited: editedSince(previous.journey, current.journey),
  };
}

/** How a kept run is named in a list: `Tue 1 Oct 2019, 10:02 · 123 entered`, in local time. */
export function runLabel({ t, f, time }: Words, run: RunSummary, timeZone?: string): string {
  return t('sim.compare.runLabel', {
    at: time.dateTime(run.createdAt, timeZone),
    entered: f.number(run.enrollments),
    converted: f.number(run.conversions),
  });
}

/** One sentence on what else differs between the runs, or nothing when only the journey could. */
export function differenceNote({ t, f }: Words, view: RunComparisonView): string | undefined {
  const used = view.differences.length ? f.list(view.differences) : undefined;
  if (view.journeyEdited)
    return used ? t('sim.compare.editedAndUsed', { used }) : t('sim.compare.edited');
  return used ? t('sim.compare.used', { used }) : undefined;
}
