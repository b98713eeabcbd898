import { describeMillis, longestMillis } from '../model/duration';
import type { Journey } from '../model/journey';
import { buildGraph, type GraphEdge } from '../model/journey-graph';
import { loopBacks } from '../model/journey-loops';
import { DEFAULT_ATTRIBUTION_WINDOW, wellFormedSettings } from '../model/journey-settings';
import { checkedJourney } from '../validation/checks/checked-journey';
import { longestInJourney } from '../validation/checks/elapsed-time';

/** Something about a simulation a marketer should know before trusting its figures. */
export interface ReportWarning {
  /** Stable: `window-shorter-than-journey`, `frequency-over-limit`. */
  code: string;
  message: string;
}

/** How long going through a journey can take. */
export interface JourneyLength {
  /**
   * The longest time from entry to leaving the last step (milliseconds, calendar days at their
   * longest), going round each loop at most once.
   */
  millis: number;
  /** Whether the journey has a loop, so going round it again would take longer still. */
  loops: boolean;
}

/** The journey's longest path, from the waits on it (the checks' elapsed-time reasoning). */
export function journeyLength(journey: Journey): JourneyLength {
  const graph = buildGraph(journey);
  const trigger = graph.triggers[0];
  const back = trigger ? loopBacks(graph, trigger.id) : new Set<GraphEdge>();
  if (back.size === 0) return { millis: longestInJourney(checkedJourney(graph)), loops: false };
  const closing = new Set([...back].map((e) => e.index));
  const once = buildGraph({ ...journey, edges: journey.edges.filter((_, i) => !closing.has(i)) });
  return { millis: longestInJourney(checkedJourney(once)), loops: true };
}

/** How long after an assignment or entry a goal event still counts; none without a goal. */
function attributionMillis(journey: Journey): number {
  const goal = wellFormedSettings(journey.settings).goal;
  return goal ? longestMillis(goal.within ?? DEFAULT_ATTRIBUTION_WINDOW) : 0;
}

/**
 * The end of the window the app simulates over by default: after the data's last event, long
 * enough for a profile who enters then to go through the journey, and for the goal's attribution
 * window after that (7 days when the goal sets none). Undefined without events.
 */
export function defaultWindowEnd(
  journey: Journey,
  lastEvent: number | undefined,
): number | undefined {
  if (lastEvent === undefined) return undefined;
  return lastEvent + journeyLength(journey).millis + attributionMillis(journey);
}

/** The warning a window shorter than the journey's longest path gets, if it is. */
export function windowWarning(
  journey: Journey,
  window: { start: number; end: number },
): ReportWarning | undefined {
  const length = journeyLength(journey);
  const covered = window.end - window.start;
  if (covered >= length.millis) return undefined;
  const through = length.loops ? ' once, without going round its loop again,' : '';
  return {
    code: 'window-shorter-than-journey',
    message: `The simulation covers ${describeMillis(covered)}, but going through this journey${through} can take up to ${describeMillis(length.millis)}: profiles who enter late are still on their way when it ends, so the later steps are undercounted. Simulate over a longer window.`,
  };
}
