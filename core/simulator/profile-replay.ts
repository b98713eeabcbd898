import type { ForecastRuns, ForkPoint } from '../forecast/forecast-runs';
import type { RunCounter } from '../forecast/run-counts';
import type { JourneyEvent } from '../model/event';
import type { Profile } from '../model/profile';
import type { Interpreter } from '../runtime/interpreter';
import type { MemoryStore } from './memory-store';
import type { RepublishStep } from './republish-step';

export interface ProfileReplayOptions<C extends RunCounter> {
  store: MemoryStore;
  interpreter: Interpreter;
  forecast: ForecastRuns<C>;
  window: { start: number; end: number };
  profiles: readonly Profile[];
  /** The cohort's events, each profile's together (see `cohort`). */
  events: readonly JourneyEvent[];
  /** Where each profile's events start in `events`. */
  eventsFrom: Int32Array;
  /** A new version published part-way (one journey, one run). */
  republish?: RepublishStep;
  /** Told each simulated response as it is applied, and its run. */
  onResponse?: (event: JourneyEvent, run: number) => void;
}

/**
 * One profile's whole window in one run, for both simulators (one journey, several together):
 * its events, its responses, its wake-ups, in the order execution has them. A later run of a
 * forecast starts `from` where the runs part (see ForecastRuns.mark).
 */
export class ProfileReplay<C extends RunCounter> {
  /** Events before the window (history) and in it, counted in run 0. */
  history = 0;
  replayed = 0;

  constructor(private readonly options: ProfileReplayOptions<C>) {}

  replay(index: number, run: number, from?: ForkPoint): void {
    const { store, interpreter, window, profiles, events, eventsFrom, forecast, republish } =
      this.options;
    const { responses, applying } = forecast;
    const profile = profiles[index] as Profile;
    // This profile's events are events[next] up to events[last - 1].
    let next = eventsFrom[index] as number;
    const last = eventsFrom[index + 1] as number;
    if (from) {
      responses?.begin(run, profile, events, from.next, last, from.sent);
      // A run that takes the quiet path is counted from it, not simulated.
      if (!forecast.resume(from)) return;
      store.restore(from.store);
      next = from.next;
    } else {
      store.clear();
      store.putProfile(profile);
      for (; next < last && (events[next] as JourneyEvent).time < window.start; next++) {
        interpreter.recordHistory(events[next] as JourneyEvent);
        if (run === 0) this.history++;
      }
      responses?.begin(run, profile, events, next, last);
    }
    republish?.begin();
    if (!from?.started) {
      const watching = forecast.watching;
      if (watching) forecast.beforeUnit();
      interpreter.start(profile.id, window.start);
      if (watching && forecast.drew) this.mark(next, true);
    }
    for (;;) {
      const event = next < last ? (events[next] as JourneyEvent) : undefined;
      const eventTime = event && event.time <= window.end ? event.time : undefined;
      const responseTime = responses?.nextTime();
      const responseDue =
        responseTime !== undefined && responseTime <= window.end ? responseTime : undefined;
      const wakeTime = store.wakes.peekTime();
      const wakeDue = wakeTime !== undefined && wakeTime <= window.end ? wakeTime : undefined;
      // The new version comes once everything due up to its instant has happened.
      if (republish?.dueBefore(eventTime, responseDue, wakeDue)) {
        republish.publish(store, interpreter, profile.id);
        continue;
      }
      if (eventTime === undefined && responseDue === undefined && wakeDue === undefined) break;
      const watching = forecast.watching;
      if (watching) forecast.beforeUnit();
      // At one instant: observed events, then responses in the order drawn, then wake-ups.
      if (
        eventTime !== undefined &&
        (responseDue === undefined || eventTime <= responseDue) &&
        (wakeDue === undefined || eventTime <= wakeDue)
      ) {
        next++;
        if (responses) responses.cursor = next;
        applying.event = event;
        applying.caused = false;
        interpreter.handleEvent(event as JourneyEvent, eventTime);
        if (run === 0) this.replayed++;
      } else if (responseDue !== undefined && (wakeDue === undefined || responseDue <= wakeDue)) {
        const response = (responses as NonNullable<typeof responses>).take();
        applying.event = response.event;
        applying.caused = response.kind === 'converted';
        forecast.counter.responded(response);
        this.options.onResponse?.(response.event, run);
        interpreter.handleEvent(response.event, responseDue);
      } else {
        const wake = store.wakes.pop();
        if (wake) interpreter.handleWake(wake, wake.at);
      }
      if (watching && forecast.drew) this.mark(next, true);
    }
    applying.event = undefined;
  }

  /** Notes the state now, after the unit of work that drew first, as where the runs part. */
  private mark(next: number, started: boolean): void {
    this.options.forecast.mark({ store: this.options.store.snapshot(), next, started });
  }
}
