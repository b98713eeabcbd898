import type { JourneyEvent } from '../model/event';
import type { Journey } from '../model/journey';
import { makeProfile, type Profile } from '../model/profile';
import { compileJourney } from '../runtime/compiled-journey';
import { Interpreter, fixedCatalog } from '../runtime/interpreter';
import type { OutboxMessage, StepObserver, StepRecord } from '../runtime/ports';
import { MemoryStore } from './memory-store';
import { ReportBuilder, type SimulationReport } from './report';
import { TraceRecorder, type TraceStep } from './trace';

export interface SimulationInput {
  journey: Journey;
  /** Sample profiles; profiles that appear only in events are added as they are met. */
  profiles?: Iterable<Profile>;
  /** Events in any order; those before `start` are history, those in [start, end] are replayed. */
  events?: readonly JourneyEvent[];
  /** Window start; the first event's time by default. */
  start?: number;
  /** Window end (included); the last event's time by default. */
  end?: number;
  /** Moves split assignment; 0 (as in execution) by default. */
  seed?: number;
  /** Profiles whose path to record step by step, or `'all'`. */
  trace?: ReadonlySet<string> | 'all';
  /** How many full rendered messages to keep for preview (traced profiles' messages are always kept). */
  keepMessages?: number;
  /** Suppressed addresses as `channel:address`. */
  suppressed?: Iterable<string>;
  /** Further observers of every step (progress, live views). */
  observers?: readonly StepObserver[];
  /** Called every so often with the virtual time reached. */
  onProgress?: (now: number, window: { start: number; end: number }) => void;
}

export interface SimulationResult {
  report: SimulationReport;
  traces: ReadonlyMap<string, TraceStep[]>;
  messages: readonly OutboxMessage[];
  /** Node arrivals processed (profile-steps). */
  steps: number;
}

export class SimulationInputError extends Error {}

class FanOut implements StepObserver {
  constructor(private readonly observers: readonly StepObserver[]) {}
  record(step: StepRecord): void {
    for (const observer of this.observers) observer.record(step);
  }
}

function windowOf(
  input: SimulationInput,
  events: readonly JourneyEvent[],
): { start: number; end: number } {
  const first = events[0]?.time;
  const last = events[events.length - 1]?.time;
  const start = input.start ?? first;
  const end = input.end ?? last;
  if (start === undefined || end === undefined) {
    throw new SimulationInputError(
      'A simulation needs a window: give a start and an end, or events to take it from.',
    );
  }
  if (end < start) throw new SimulationInputError('The simulation window ends before it starts.');
  return { start, end };
}

/**
 * Runs a journey for a whole cohort on a virtual clock: weeks in seconds. At each instant
 * events are applied before wake-ups, exactly as execution does, through the same interpreter.
 */
export function simulate(input: SimulationInput): SimulationResult {
  const journey = compileJourney(input.journey);
  const events = [...(input.events ?? [])].sort((a, b) => a.time - b.time);
  const window = windowOf(input, events);
  const traces = new TraceRecorder(input.trace ?? new Set());
  const store = new MemoryStore({
    keepMessagesFor: input.trace === 'all' ? undefined : input.trace,
    keepMessages: input.trace === 'all' ? Number.POSITIVE_INFINITY : (input.keepMessages ?? 0),
    suppressed: input.suppressed,
    keepEvent: (name) => journey.readsEvents.has(name),
    countSends: journey.settings.frequencyCap !== undefined,
  });
  const report = new ReportBuilder(journey);
  const observers: StepObserver[] = [
    report,
    ...(input.trace ? [traces] : []),
    ...(input.observers ?? []),
  ];
  const seed = input.seed ?? 0;
  const interpreter = new Interpreter({
    catalog: fixedCatalog([journey]),
    store,
    observer: observers.length === 1 ? report : new FanOut(observers),
    seed,
  });

  for (const profile of input.profiles ?? []) store.putProfile(profile);
  for (const event of events)
    if (!store.getProfile(event.profileId)) store.putProfile(makeProfile(event.profileId));

  let next = 0;
  let history = 0;
  for (; next < events.length && (events[next] as JourneyEvent).time < window.start; next++) {
    interpreter.recordHistory(events[next] as JourneyEvent);
    history++;
  }
  for (const profileId of [...store.profileIds()]) interpreter.start(profileId, window.start);

  let replayed = 0;
  let units = 0;
  for (;;) {
    const event = events[next];
    const eventTime = event && event.time <= window.end ? event.time : undefined;
    const wakeTime = store.wakes.peekTime();
    const wakeDue = wakeTime !== undefined && wakeTime <= window.end ? wakeTime : undefined;
    if (eventTime === undefined && wakeDue === undefined) break;
    // At one instant, events are applied before wake-ups.
    if (eventTime !== undefined && (wakeDue === undefined || eventTime <= wakeDue)) {
      interpreter.handleEvent(event as JourneyEvent, eventTime);
      next++;
      replayed++;
    } else {
      const wake = store.wakes.pop();
      if (wake) interpreter.handleWake(wake, wake.at);
    }
    if (input.onProgress && ++units % 50_000 === 0)
      input.onProgress(eventTime ?? wakeDue ?? window.end, window);
  }

  const built = report.build({
    window,
    profiles: store.profileCount,
    seed,
    events: { replayed, history },
    enrollments: store.allEnrollments(),
  });
  const steps = Object.values(built.nodes).reduce((sum, n) => sum + n.entered, 0);
  return { report: built, traces: traces.all(), messages: store.messages, steps };
}
