import type { MessageForecast } from '../../core/forecast/forecast-report';
import type { Spread } from '../../core/forecast/statistics';
import type { Journey } from '../../core/model/journey';
import type { SimulationReport } from '../../core/simulator/report';
import type { SkipReason } from '../../core/runtime/step';
import { SKIP_ORDER } from './reasons';

/** What the canvas prints on one step after a simulation. */
export interface NodeFigures {
  /** Arrivals at the step. */
  entered: number;
  /** Departures through each exit. */
  ports: Readonly<Record<string, number>>;
  /** Enrollments still waiting at the step when the window ended. */
  waiting: number;
  /** Message steps: what happened to the messages; `notSent` by reason, most common first. */
  message?: {
    sent: number;
    skipped: number;
    deferred: number;
    notSent: { reason: SkipReason; count: number }[];
  };
  /**
   * A forecast's figures over its runs (the ones above are run 0's): arrivals and departures,
   * and on a message step what its messages did.
   */
  forecast?: {
    entered: Spread;
    ports: Readonly<Record<string, Spread>>;
    message?: MessageForecast;
  };
}

/** What the canvas draws on one connection: a count, and a band as wide as the flow. */
export interface EdgeFigures {
  /** Profiles that went this way; in a forecast the median over the runs. */
  count: number;
  /** A forecast's spread over the runs. */
  range?: Spread;
  /** Band width in pixels, by the square root of the flow (areas, not lengths, read as amounts). */
  width: number;
}

export interface SimulationOverlay {
  nodes: Readonly<Record<string, NodeFigures>>;
  /**
   * By the canvas's edge id, `from:port->to`. A second connection from the same exit (id suffixed
   * `~2`) is never taken, and finds nothing here.
   */
  edges: Readonly<Record<string, EdgeFigures>>;
  /** The largest flow along any connection. */
  maxFlow: number;
  /** A forecast's runs; absent for a replay. */
  runs?: number;
}

export const MIN_BAND = 3;
export const MAX_BAND = 12;

export function bandWidth(flow: number, maxFlow: number): number {
  if (flow <= 0 || maxFlow <= 0) return 0;
  return Math.round((MIN_BAND + (MAX_BAND - MIN_BAND) * Math.sqrt(flow / maxFlow)) * 10) / 10;
}

function sum(values: Iterable<number | undefined>): number {
  let total = 0;
  for (const value of values) total += value ?? 0;
  return total;
}

/**
 * The figures of a report, keyed as the canvas keys its steps and connections. Connections are
 * keyed by their endpoints and exit, so a run still labels the ones it knew after the journey was
 * edited; a connection drawn since has no figures, and says nothing rather than something wrong.
 */
export function simulationOverlay(report: SimulationReport): SimulationOverlay {
  const { forecast } = report;
  const nodes: Record<string, NodeFigures> = {};
  for (const [id, counts] of Object.entries(report.nodes)) {
    const messages = report.messages[id];
    const spread = forecast?.nodes[id];
    const message = forecast?.messages[id];
    nodes[id] = {
      entered: counts.entered,
      ports: counts.ports,
      waiting: report.waiting[id] ?? 0,
      ...(messages && {
        message: {
          sent: messages.sent,
          skipped: sum(Object.values(messages.skipped)),
          deferred: messages.deferred,
          notSent: SKIP_ORDER.map((reason) => ({ reason, count: messages.skipped[reason] ?? 0 }))
            .filter((r) => r.count > 0)
            .sort((a, b) => b.count - a.count),
        },
      }),
      ...(spread && {
        forecast: { entered: spread.entered, ports: spread.ports, ...(message && { message }) },
      }),
    };
  }
  // A forecast draws its connections by the median run, and labels them with the range.
  const flows = report.edges.map((edge) => {
    const range = forecast?.nodes[edge.from]?.ports[edge.port];
    return { edge, count: range ? range.p50 : edge.count, range };
  });
  const maxFlow = Math.max(0, ...flows.map((f) => f.count));
  const edges: Record<string, EdgeFigures> = {};
  for (const { edge, count, range } of flows) {
    edges[`${edge.from}:${edge.port}->${edge.to}`] = {
      count,
      width: bandWidth(count, maxFlow),
      ...(range && { range }),
    };
  }
  return { nodes, edges, maxFlow, ...(forecast && { runs: forecast.runs }) };
}

function withoutPositions(journey: Journey): unknown {
  return {
    settings: journey.settings,
    nodes: journey.nodes.map(({ position: _position, ...node }) => node),
    edges: journey.edges,
  };
}

/**
 * JSON with every object's keys in order: the engine hands the simulated journey back with its
 * keys in its schema's order, the editor keeps them in the order they were set, and the same
 * journey must compare equal either way (else "Edited since" stayed after a re-run).
 */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(
          Object.entries(item as Record<string, unknown>)
            .filter(([, v]) => v !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : item,
  );
}

/** Whether the journey was edited (beyond moving steps) since it was simulated. */
export function editedSince(simulated: Journey, current: Journey): boolean {
  return canonical(withoutPositions(simulated)) !== canonical(withoutPositions(current));
}
