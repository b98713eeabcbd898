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
  /** Called every so often with the number of profiles simulated so far, and in all. */
  onProgress?: (done: number, total: number) => void;
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
  let first: number | undefined;
  let last: number | undefined;
  for (const event of events) {
    if (first === undefined || event.time < first) first = event.time;
    if (last === undefined || event.time > last) last = event.time;
  }
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

/** Each profile's events in time order (stable), and every profile in the order first met. */
function cohort(input: SimulationInput): {
  profiles: Profile[];
  events: Map<string, JourneyEvent[]>;
} {
  const byId = new Map<string, Profile>();
  for (const profile of input.profiles ?? []) byId.set(profile.id, profile);
  const events = new Map<string, JourneyEvent[]>();
  for (const event of input.events ?? []) {
    const list = events.get(event.profileId);
    if (list) list.push(event);
    else events.set(event.profileId, [event]);
    if (!byId.has(event.profileId)) byId.set(event.profileId, makeProfile(event.profileId));
  }
  for (const list of events.values()) {
    for (let i = 1; i < list.length; i++) {
      if ((list[i] as JourneyEvent).time < (list[i - 1] as JourneyEvent).time) {
        list.sort((a, b) => a.time - b.time);
        break;
      }
    }
  }
  return { profiles: [...byId.values()], events };
}

const NO_EVENTS: readonly JourneyEvent[] = [];

/**
 * Runs a journey for a whole cohort on a virtual clock: weeks in seconds, through the same
 * interpreter as execution, with the same rule that at one instant events are applied before
 * wake-ups.
 *
 * Nothing in a journey connects one profile to another (caps, consent, goals and re-entry are
 * all per profile), so the simulator runs each profile's whole window before the next: the
 * result is the same as one global timeline, while the working set stays one profile small —
 * which is what lets a million profiles run in seconds and in little memory.
 */
export function simulate(input: SimulationInput): SimulationResult {
  const journey = compileJourney(input.journey);
  const window = windowOf(input, input.events ?? NO_EVENTS);
  const { profiles, events } = cohort(input);
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

  let history = 0;
  let replayed = 0;
  profiles.forEach((profile, index) => {
    store.clear();
    store.putProfile(profile);
    const own = events.get(profile.id) ?? NO_EVENTS;
    let next = 0;
    for (; next < own.length && (own[next] as JourneyEvent).time < window.start; next++) {
      interpreter.recordHistory(own[next] as JourneyEvent);
      history++;
    }
    interpreter.start(profile.id, window.start);
    for (;;) {
      const event = own[next];
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
    }
    report.countWaiting(store.enrollmentsOf(profile.id));
    if (input.onProgress && (index + 1) % 20_000 === 0)
      input.onProgress(index + 1, profiles.length);
  });
  store.clear();

  const built = report.build({
    window,
    profiles: profiles.length,
    seed,
    events: { replayed, history },
  });
  const steps = Object.values(built.nodes).reduce((sum, n) => sum + n.entered, 0);
  return { report: built, traces: traces.all(), messages: store.messages, steps };
}
