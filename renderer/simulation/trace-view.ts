import { DEFAULT_PORT, edgePort, type Journey, type JourneyNode } from '../../core/model/journey';
import type { TraceStep } from '../../core/simulator/trace';
import { edgeIds } from '../canvas/flow-mapping';
import { portWord } from '../canvas/keyboard-words';
import { nodePorts } from '../nodes/card-shape';
import { stepName, variantLabel } from '../nodes/step-name';
import { day as dayOf } from './format';
import { channelLabel, skipWords } from './reasons';
import { skipFactsWords } from './trace-words';
import type { Words } from './sim-words';

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

/** One line of a profile's path, with what the canvas should light up; `traceLine` words it. */
export interface TraceRow {
  index: number;
  at: string;
  /** The first row of a day in the journey's zone: the list prints the day above it. */
  newDay: boolean;
  /** The first row of an instant: the list prints its time of day. */
  newInstant: boolean;
  tone: TraceTone;
  step: TraceStep;
  /** For a leave step, the step the connection taken leads to. */
  nextId?: string;
  nodeId?: string;
  /** The canvas id of the connection taken, for leave steps. */
  edgeId?: string;
}

/** A row in words: the day and time when they are new, what happened, and why. */
export interface TraceLine {
  day?: string;
  time?: string;
  title: string;
  /** The reason, when it adds something. */
  detail?: string;
}

/** Where the canvas is along a trace: the step in focus and the path walked to it. */
export interface TraceFocus {
  nodeId?: string;
  edgeId?: string;
  visitedNodes: ReadonlySet<string>;
  visitedEdges: ReadonlySet<string>;
}

const TONES: Record<TraceStep['type'], TraceTone> = {
  enter: 'enter',
  'entry-refused': 'refused',
  arrive: 'arrive',
  leave: 'leave',
  wait: 'wait',
  message: 'message',
  skip: 'skip',
  update: 'update',
  variant: 'variant',
  winner: 'variant',
  'variant-convert': 'convert',
  convert: 'convert',
  // Only a simulation that publishes a new version part-way has these.
  migrate: 'leave',
  end: 'end',
};

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** An exit's name in the language (Yes, No, a variant's own name). */
function portLabel(t: Words['t'], node: JourneyNode | undefined, port: string): string {
  const spec = node ? nodePorts(node).find((p) => p.id === port) : undefined;
  return spec ? portWord(t, spec) : port;
}

/** A profile change as a list: `vip = true, points +10, coupon removed`. */
function changeText({ t, f }: Words, change: NonNullable<TraceStep['values']>['change']): string {
  const parts = [
    ...Object.entries(change?.set ?? {}).map(([k, v]) => `${k} = ${JSON.stringify(v)}`),
    ...Object.entries(change?.increment ?? {}).map(
      ([k, n]) => `${k} ${n < 0 ? '−' : '+'}${f.number(Math.abs(n))}`,
    ),
    ...(change?.unset ?? []).map((k) => t('sim.trace.removed', { name: k })),
  ];
  return parts.join(', ');
}

/** What happened at a step, in words: steps by their names, times in the journey's zone. */
function describe(
  words: Words,
  row: TraceRow,
  nodes: ReadonlyMap<string, JourneyNode>,
  timeZone: string,
): Pick<TraceLine, 'title' | 'detail'> {
  const { t, time, locale } = words;
  const { step } = row;
  const values = step.values ?? {};
  const node = step.nodeId === undefined ? undefined : nodes.get(step.nodeId);
  const name = node ? stepName(node) : (step.nodeId ?? '');
  const named = (id: string | undefined) => {
    const other = id === undefined ? undefined : nodes.get(id);
    return other ? stepName(other) : (id ?? '');
  };
  const until = t('sim.trace.at', {
    day: time.day(values.until ?? step.at, timeZone),
    time: time.clock(values.until ?? step.at, timeZone),
  });
  switch (step.type) {
    case 'enter':
      return {
        title: t('sim.trace.enter', { via: values.via ?? 'event', event: values.event ?? '' }),
      };
    case 'entry-refused': {
      const reason = step.reason === 'already_active' ? 'active' : 'once';
      return {
        title: t('sim.trace.refused'),
        detail:
          locale === 'en' && values.detail
            ? capitalize(values.detail)
            : t('sim.trace.refusedWhy', { reason }),
      };
    }
    case 'arrive':
      return { title: t('sim.trace.arrive', { step: name }) };
    case 'leave': {
      const port = step.port ?? DEFAULT_PORT;
      const exit = portLabel(t, node, port);
      const through = port !== DEFAULT_PORT;
      if (row.nextId !== undefined && nodes.has(row.nextId)) {
        const step = named(row.nextId);
        return {
          title: through
            ? t('sim.trace.onToThrough', { step, exit })
            : t('sim.trace.onTo', { step }),
        };
      }
      return {
        title: through
          ? t('sim.trace.leftThrough', { step: name, exit })
          : t('sim.trace.left', { step: name }),
        detail: t('sim.trace.noNext'),
      };
    }
    case 'wait':
      if (step.reason === 'quiet_hours') return { title: t('sim.trace.quietHours', { until }) };
      if (step.reason === 'event')
        return {
          title: t('sim.trace.waitsFor', { event: values.event ?? t('sim.trace.anEvent'), until }),
        };
      return { title: t('sim.trace.waits', { until }) };
    case 'message':
      return {
        title: t('sim.trace.sent', {
          channel: channelLabel(t, values.channel ?? ''),
          address: values.address ?? '',
        }),
      };
    case 'skip': {
      // English reads the engine's own words, as the command line prints them; other languages
      // word the facts that came with them. A template's mistake is read as the engine wrote it.
      const own = locale === 'en' || step.reason === 'template_error';
      const detail =
        !own && values.facts
          ? skipFactsWords(words, values.facts, timeZone)
          : values.detail && own
            ? capitalize(values.detail)
            : undefined;
      return {
        title: t('sim.trace.notSent', { why: skipWords(t, step.reason ?? '') }),
        ...(detail && { detail }),
      };
    }
    case 'update':
      return { title: t('sim.trace.updated', { change: changeText(words, values.change) }) };
    case 'variant':
      return { title: t('sim.trace.variant', { variant: variantLabel(node, values.key ?? '') }) };
    case 'winner':
      // Never in a profile's trace (the recorder leaves it out); said plainly should one come.
      return { title: capitalize(step.text) };
    case 'variant-convert':
      return {
        title: t('sim.trace.variantConvert', {
          variant: variantLabel(node, values.key ?? ''),
          event: values.event ?? '',
        }),
      };
    case 'convert':
      return { title: t('sim.trace.converted', { event: values.event ?? '' }) };
    case 'migrate':
      return {
        title: t('sim.trace.migrated', {
          action: values.action ?? 'continue',
          step: name,
          to: named(values.to),
          from: values.fromVersion ?? 0,
          version: values.toVersion ?? 0,
        }),
      };
    case 'end':
      return { title: t('sim.trace.end', { status: step.status ?? 'completed', step: name }) };
  }
}

/** A row of a trace in words, in the journey's zone. */
export function traceLine(
  words: Words,
  row: TraceRow,
  journey: Journey,
  timeZone = 'UTC',
): TraceLine {
  const nodes = new Map(journey.nodes.map((n) => [n.id, n]));
  return {
    ...(row.newDay && { day: words.time.day(row.at, timeZone) }),
    ...(row.newInstant && { time: words.time.clock(row.at, timeZone) }),
    ...describe(words, row, nodes, timeZone),
  };
}

/**
 * A trace as rows to read, with what the canvas lights up. The engine records arriving at a step
 * as a step of its own; here "On to X" says it, and lights up both the connection taken and the
 * step reached, so the list is half as long and says the same.
 */
export function traceRows(
  steps: readonly TraceStep[],
  journey: Journey,
  timeZone = 'UTC',
): TraceRow[] {
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
    // Days are told apart in the journey's zone, whatever the language prints.
    const stepDay = dayOf(step.at, timeZone);
    const row: TraceRow = {
      index: rows.length,
      at: step.at,
      newDay: stepDay !== lastDay,
      newInstant: step.at !== lastAt,
      tone: TONES[step.type],
      step,
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
        row.nextId = taken.to;
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
