import type { Condition } from '../conditions/condition';
import { compileCondition, matchesFilters } from '../conditions/evaluate';
import type { StoredEvent } from '../model/event';
import type { CompiledJourney } from './compiled-journey';
import type { EnrollmentMoves } from './enrollment-moves';
import type { ProfileAccess } from './profile-access';
import { journeyTurn, type EngineStore, type Enrollment, type EntryVia } from './ports';
import type { StepRecords } from './step-records';
import type { EventRoute, TriggerIndex } from './trigger-index';

/**
 * How profiles come in: an event that a journey starts with, a segment a profile starts to
 * match, a date that comes round; and the journey's re-entry rule, which may keep them out.
 */
export class Entries {
  constructor(
    private readonly store: EngineStore,
    private readonly profiles: ProfileAccess,
    private readonly records: StepRecords,
    private readonly moves: EnrollmentMoves,
  ) {}

  /**
   * Moves on the enrollments waiting for the event and enters the journeys it starts, journey by
   * journey in priority order (then journey id; in one journey, those waiting before a new
   * entry), so that under the sending policy the journey that matters more sends first whether
   * the event resumes it or starts it (DESIGN §8). Then looks again at segments that read events.
   */
  respondToEvent(index: TriggerIndex, event: StoredEvent, now: number): void {
    const routes = index.eventRoutes(event.name);
    const waiting = this.moves.waitingFor(event);
    if (waiting.length > 0 && routes.length > 0) this.inPriorityOrder(waiting, routes, event, now);
    else {
      for (const enrollment of waiting) this.moves.resumeEventWait(enrollment, event, now);
      for (const route of routes) this.enterOnRoute(route, event, now);
    }
    for (const segment of index.segments) {
      if (segment.usesEvents)
        this.evaluateSegment(segment.journey, segment.condition, event.profileId, now);
    }
  }

  private enterOnRoute({ journey, where }: EventRoute, event: StoredEvent, now: number): void {
    if (matchesFilters(where, event.properties))
      this.enroll(journey, event.profileId, now, 'event', event);
  }

  private inPriorityOrder(
    waiting: readonly Enrollment[],
    routes: readonly EventRoute[],
    event: StoredEvent,
    now: number,
  ): void {
    const turns = [
      ...waiting.map((enrollment, order) => ({
        priority: this.moves.priorityOf(enrollment),
        journeyId: enrollment.journeyId,
        entry: 0,
        order,
        run: () => this.moves.resumeEventWait(enrollment, event, now),
      })),
      ...routes.map((route, order) => ({
        priority: route.journey.settings.priority,
        journeyId: route.journey.id,
        entry: 1,
        order,
        run: () => this.enterOnRoute(route, event, now),
      })),
    ];
    turns.sort(
      (a, b) =>
        journeyTurn(a.priority, a.journeyId, b.priority, b.journeyId) ||
        a.entry - b.entry ||
        a.order - b.order,
    );
    for (const turn of turns) turn.run();
  }

  /**
   * Tests segment membership at `now`: a profile that starts matching enters; the next moment the
   * answer may change (a `within` window closing) is scheduled.
   */
  evaluateSegment(
    journey: CompiledJourney,
    condition: Condition,
    profileId: string,
    now: number,
  ): void {
    const profile = this.profiles.get(profileId);
    const compiled = compileCondition(condition);
    const ctx = this.profiles.conditionContext(
      profile,
      this.profiles.zoneOf(profile, journey),
      now,
    );
    const member = compiled.test(ctx);
    const before = this.store.getSegmentMembership(journey.id, profileId);
    if (before !== member) this.store.setSegmentMembership(journey.id, profileId, member);
    if (member && before !== true) this.enroll(journey, profileId, now, 'segment');
    const next = compiled.nextChange(ctx);
    if (next !== undefined)
      this.store.schedule({
        kind: 'segment',
        at: next,
        journeyId: journey.id,
        profileId,
        priority: journey.settings.priority,
      });
  }

  /** Schedules the profile's next dated entry at or after `from`, if it has the date. */
  scheduleAnniversary(journey: CompiledJourney, profileId: string, from: number): void {
    const dated = journey.entry.dated;
    if (!dated) return;
    const profile = this.profiles.get(profileId);
    const at = dated.next(profile.attributes, from, this.profiles.zoneOf(profile, journey));
    if (at !== undefined)
      this.store.schedule({
        kind: 'date',
        at,
        journeyId: journey.id,
        profileId,
        priority: journey.settings.priority,
      });
  }

  /** A dated entry planned for `at` is due: enters if the date still holds, plans the next one. */
  fireAnniversary(
    journey: CompiledJourney | undefined,
    profileId: string,
    at: number,
    now: number,
  ): void {
    const dated = journey?.entry.dated;
    if (!journey || !dated) return;
    const profile = this.profiles.get(profileId);
    // The date may have changed since this wake-up was planned: enter only on the real one.
    const expected = dated.next(profile.attributes, at, this.profiles.zoneOf(profile, journey));
    // Once per anniversary: a change to the profile during this instant (an update node of the
    // journey just entered) plans the same anniversary again, and it must not enter twice.
    const entered = this.store
      .enrollmentsOf(profileId)
      .some((e) => e.journeyId === journey.id && e.via === 'date' && e.enteredAt === now);
    if (expected === at && !entered) this.enroll(journey, profileId, now, 'date');
    this.scheduleAnniversary(journey, profileId, Math.max(at, now) + 1);
  }

  /** Enters a profile, unless the journey's re-entry setting keeps it out, and runs it on. */
  private enroll(
    journey: CompiledJourney,
    profileId: string,
    now: number,
    via: EntryVia,
    event?: StoredEvent,
  ): void {
    let earlier = 0;
    let active = false;
    for (const e of this.store.enrollmentsOf(profileId)) {
      if (e.journeyId !== journey.id) continue;
      earlier++;
      active ||= e.status === 'active';
    }
    const { reentry } = journey.settings;
    if (reentry === 'never' && earlier > 0) {
      const detail = 'this journey admits a profile once';
      this.records.entryRefused(journey.id, profileId, 'reentry_never', detail, now);
      return;
    }
    if (reentry === 'after_exit' && active) {
      const detail = 'already in this journey';
      this.records.entryRefused(journey.id, profileId, 'already_active', detail, now);
      return;
    }
    const entry = earlier + 1;
    const enrollment: Enrollment = {
      // join builds a flat string; a template literal leaves a tree of pieces alive per id.
      id: [journey.id, profileId, entry].join(':'),
      journeyId: journey.id,
      version: journey.version,
      profileId,
      entry,
      enteredAt: now,
      via,
      trigger: event,
      status: 'active',
      nodeId: journey.triggerId,
      visits: 0,
    };
    this.records.enter(enrollment, event?.name, now);
    this.moves.advance(journey, enrollment, journey.triggerId, now);
  }
}
