import type { Condition, Filter } from '../conditions/condition';
import type { CompiledJourney } from './compiled-journey';

/** A journey an event lets in, with the filters its properties must pass. */
export interface EventRoute {
  readonly journey: CompiledJourney;
  readonly where?: readonly Filter[];
}

/** A journey whose members are those who match a condition. */
export interface SegmentRoute {
  readonly journey: CompiledJourney;
  readonly condition: Condition;
  /** Whether the condition reads event history, so that an event can change membership. */
  readonly usesEvents: boolean;
}

const NO_ROUTES: readonly EventRoute[] = Object.freeze([]);

function usesEvents(condition: Condition): boolean {
  if ('all' in condition) return condition.all.some(usesEvents);
  if ('any' in condition) return condition.any.some(usesEvents);
  if ('not' in condition) return usesEvents(condition.not);
  return 'event' in condition;
}

/** Higher priority first; a stable sort keeps the catalog's order among equals. */
function byPriority(a: CompiledJourney, b: CompiledJourney): number {
  return b.settings.priority - a.settings.priority;
}

/**
 * The live journeys by the way profiles enter them (their entry node's `EntryRoutes`): by event
 * name, by segment, by date. Built once per list of live journeys; each list is by priority
 * (highest first), then in catalog order, so entries happen in a stable order and, under the
 * sending policy, the message of the journey that matters more goes first (DESIGN §8). Both
 * drivers list journeys by id, which breaks ties between equal priorities by journey id.
 */
export class TriggerIndex {
  private readonly byEvent = new Map<string, EventRoute[]>();
  /** Segment-entered journeys, by priority, then in catalog order. */
  readonly segments: readonly SegmentRoute[];
  /** Date-entered journeys, by priority, then in catalog order. */
  readonly dated: readonly CompiledJourney[];

  /** @param source the live journeys */
  constructor(readonly source: readonly CompiledJourney[]) {
    const segments: SegmentRoute[] = [];
    const dated: CompiledJourney[] = [];
    for (const journey of [...source].sort(byPriority)) {
      const { events, segment, dated: date } = journey.entry;
      for (const { event, where } of events ?? []) {
        let list = this.byEvent.get(event);
        if (!list) this.byEvent.set(event, (list = []));
        list.push(where ? { journey, where } : { journey });
      }
      if (segment) segments.push({ journey, condition: segment, usesEvents: usesEvents(segment) });
      if (date) dated.push(journey);
    }
    this.segments = segments;
    this.dated = dated;
  }

  /** The journeys an event of this name may let in (their filters still to be tested). */
  eventRoutes(name: string): readonly EventRoute[] {
    return this.byEvent.get(name) ?? NO_ROUTES;
  }

  /** The segment route of a live journey, if it is entered by segment. */
  segmentOf(journeyId: string): SegmentRoute | undefined {
    return this.segments.find((s) => s.journey.id === journeyId);
  }

  /** A live journey entered on a date, by id. */
  datedJourney(journeyId: string): CompiledJourney | undefined {
    return this.dated.find((j) => j.id === journeyId);
  }
}
