import { DEFAULT_PORT, edgePort, type Journey, type JourneyNode } from '../../core/model/journey';
import type { TraceStep } from '../../core/simulator/trace';
import { edgeIds } from '../canvas/flow-mapping';
import { nodePorts } from '../nodes/card-shape';
import { stepName, variantLabel } from '../nodes/step-name';
import { clock, day } from './format';
import { skipWords } from './reasons';

export type TraceTone =
  | 'enter'
  | 'refused'
  | 'arrive'
  | 'leave'
  | 'wait'
  | 'message'
  | 'skip'
  | 'update'
  | 'variant'
  | 'convert'
  | 'end';

/** One line of a profile's path, in words, with what the canvas should light up. */
export interface TraceRow {
  index: number;
  at: string;
  /** The day, on the first row of each day (the list prints it as a heading). */
  day?: string;
  /** The time of day, on the first row of each instant. */
  time?: string;
  tone: TraceTone;
  title: string;
  /** The reason or the engine's exact words, when they add something. */
  detail?: string;
  nodeId?: string;
  /** The canvas id of the connection taken, for leave steps. */
  edgeId?: string;
}

/** Where the canvas is along a trace: the step in focus and the path walked to it. */
export interface TraceFocus {
  nodeId?: string;
  edgeId?: string;
  visitedNodes: ReadonlySet<string>;
  visitedEdges: ReadonlySet<string>;
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The engine writes times into its sentences as `2019-10-02 01:05:14Z`. */
const ENGINE_TIME = /(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d(?:\.\d+)?)Z/;

function untilText(text: string, timeZone: string): string | undefined {
  const match = ENGINE_TIME.exec(text);
  if (!match) return undefined;
  const at = `${match[1]}T${match[2]}Z`;
  return `${day(at, timeZone)}, ${clock(at, timeZone)}`;
}

function portLabel(node: JourneyNode | undefined, port: string): string {
  const spec = node ? nodePorts(node).find((p) => p.id === port) : undefined;
  return spec?.label ?? port;
}

function describe(
  step: TraceStep,
  nodes: ReadonlyMap<string, JourneyNode>,
  target: (from: string, port: string) => string | undefined,
  timeZone: string,
): Pick<TraceRow, 'tone' | 'title' | 'detail'> {
  const node = step.nodeId === undefined ? undefined : nodes.get(step.nodeId);
  const name = node ? stepName(node) : (step.nodeId ?? '');
  switch (step.type) {
    case 'enter':
      return { tone: 'enter', title: capitalize(step.text) };
    case 'entry-refused':
      return {
        tone: 'refused',
        title: 'Not let in',
        detail: capitalize(step.text.replace(/^not entered: /, '')),
      };
    case 'arrive':
      return { tone: 'arrive', title: `Reached ${name}` };
    case 'leave': {
      const port = step.port ?? DEFAULT_PORT;
      const to = step.nodeId === undefined ? undefined : target(step.nodeId, port);
      const toNode = to === undefined ? undefined : nodes.get(to);
      const via = port === DEFAULT_PORT ? '' : ` through “${portLabel(node, port)}”`;
      return toNode
        ? { tone: 'leave', title: `On to ${stepName(toNode)}${via}` }
        : {
            tone: 'leave',
            title: `Left ${name}${via}`,
            detail: 'Nothing is connected there, so the journey ends.',
          };
    }
    case 'wait': {
      const until = untilText(step.text, timeZone);
      if (step.reason === 'quiet_hours')
        return { tone: 'wait', title: `Held for quiet hours${until ? ` until ${until}` : ''}` };
      if (step.reason === 'event') {
        const what = /waiting for (.+?) until/.exec(step.text)?.[1] ?? 'an event';
        return {
          tone: 'wait',
          title: `Waits for ${what}${until ? `, until ${until} at most` : ''}`,
        };
      }
      return { tone: 'wait', title: `Waits${until ? ` until ${until}` : ''}` };
    }
    case 'message':
      return { tone: 'message', title: capitalize(step.text) };
    case 'skip': {
      const detail = step.text.split(' — ')[1];
      return {
        tone: 'skip',
        title: `Message not sent: ${skipWords(step.reason ?? '')}`,
        ...(detail && { detail: capitalize(detail) }),
      };
    }
    case 'update':
      return { tone: 'update', title: capitalize(step.text) };
    case 'variant': {
      const key = step.text.replace(/^assigned to variant /, '');
      return { tone: 'variant', title: `Drawn into variant ${variantLabel(node, key)}` };
    }
    case 'winner':
      // Never in a profile's trace (the recorder leaves it out); said plainly should one come.
      return { tone: 'variant', title: capitalize(step.text) };
    case 'variant-convert': {
      const key = /^counted as a conversion of variant (.+) of /.exec(step.text)?.[1] ?? '';
      const event = step.text.split(': performed ')[1] ?? 'the goal';
      return {
        tone: 'convert',
        title: `Counts for variant ${variantLabel(node, key)} of the A/B test: performed ${event}`,
      };
    }
    case 'convert':
      return { tone: 'convert', title: capitalize(step.text) };
    case 'migrate':
      // Only a simulation that publishes a new version part-way has these.
      return { tone: 'leave', title: capitalize(step.text) };
    case 'end':
      return { tone: 'end', title: capitalize(step.text) };
  }
}

/**
 * A trace as rows to read, with node names instead of ids and times in the journey's zone. The
 * engine records arriving at a step as a step of its own; here "On to X" says it, and lights up
 * both the connection taken and the step reached, so the list is half as long and says the same.
 */
export function traceRows(
  steps: readonly TraceStep[],
  journey: Journey,
  timeZone = 'UTC',
): TraceRow[] {
  const nodes = new Map(journey.nodes.map((n) => [n.id, n]));
  const ids = edgeIds(journey.edges);
  const byExit = new Map<string, { to: string; id: string }>();
  journey.edges.forEach((edge, i) => {
    const key = `${edge.from}\u0000${edgePort(edge)}`;
    // The first connection from an exit is the one profiles take.
    if (!byExit.has(key)) byExit.set(key, { to: edge.to, id: ids[i] ?? '' });
  });
  const exit = (from: string, port: string) => byExit.get(`${from}\u0000${port}`);
  let lastDay: string | undefined;
  let lastAt: string | undefined;
  const rows: TraceRow[] = [];
  steps.forEach((step, i) => {
    if (step.type === 'arrive') return;
    const stepDay = day(step.at, timeZone);
    const row: TraceRow = {
      index: rows.length,
      at: step.at,
      ...(stepDay !== lastDay && { day: stepDay }),
      ...(step.at !== lastAt && { time: clock(step.at, timeZone) }),
      ...describe(step, nodes, (from, port) => exit(from, port)?.to, timeZone),
      ...(step.nodeId !== undefined && { nodeId: step.nodeId }),
    };
    if (step.type === 'enter') {
      // Entering puts the profile on the trigger, which the next step names.
      const next = steps[i + 1];
      if (next?.type === 'arrive' && next.nodeId !== undefined) row.nodeId = next.nodeId;
    }
    if (step.type === 'leave' && step.nodeId !== undefined) {
      const taken = exit(step.nodeId, step.port ?? DEFAULT_PORT);
      if (taken) {
        row.edgeId = taken.id;
        row.nodeId = taken.to;
      }
    }
    lastDay = stepDay;
    lastAt = step.at;
    rows.push(row);
  });
  return rows;
}

/** The canvas's view of a trace at one step: that step's node and connection, and the path so far. */
export function traceFocus(rows: readonly TraceRow[], index: number): TraceFocus {
  const visitedNodes = new Set<string>();
  const visitedEdges = new Set<string>();
  let nodeId: string | undefined;
  let edgeId: string | undefined;
  for (const row of rows.slice(0, index + 1)) {
    if (row.nodeId !== undefined) {
      visitedNodes.add(row.nodeId);
      nodeId = row.nodeId;
    }
    if (row.edgeId !== undefined) visitedEdges.add(row.edgeId);
  }
  const current = rows[index];
  if (current?.edgeId !== undefined) edgeId = current.edgeId;
  return {
    ...(nodeId !== undefined && { nodeId }),
    ...(edgeId !== undefined && { edgeId }),
    visitedNodes,
    visitedEdges,
  };
}
