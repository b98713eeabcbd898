import { matchesFilters } from '../conditions/evaluate';
import { addDuration } from '../model/duration';
import type { StoredEvent } from '../model/event';
import type { MigrationChoice } from '../migration/migration-plan';
import { DEFAULT_ATTRIBUTION_WINDOW, DEFAULT_PRIORITY } from '../model/journey-settings';
import type { CompiledJourney } from './compiled-journey';
import type { JourneyCatalog } from './interpreter';
import type { NodeContext } from './node-context';
import type { ProfileAccess } from './profile-access';
import type { EngineStore, Enrollment, EnrollmentStatus, PendingAssignment } from './ports';
import type { StepRecords } from './step-records';
import type { WaitReason } from './step';

const NONE_WAITING: readonly Enrollment[] = Object.freeze([]);

/** Steps one enrollment may take in one instant before the interpreter stops it. */
const MAX_INSTANT_STEPS = 10_000;

/**
 * Moving enrollments: through nodes until they wait or end, out through a port, to their end;
 * and what an event or a wake-up does to enrollments already under way (goals, event waits,
 * finished waits).
 */
export class EnrollmentMoves {
  constructor(
    private readonly catalog: JourneyCatalog,
    private readonly store: EngineStore,
    private readonly profiles: ProfileAccess,
    private readonly records: StepRecords,
    private readonly context: NodeContext,
  ) {}

  /**
   * Runs nodes from `nodeId` until the enrollment waits or ends. With `resumed`, the node is
   * run again after the wait it asked for (a held message), without counting a new arrival.
   */
  advance(
    journey: CompiledJourney,
    enrollment: Enrollment,
    nodeId: string,
    now: number,
    resumed?: WaitReason,
  ): void {
    let current = nodeId;
    let again = resumed;
    let profile = this.profiles.get(enrollment.profileId);
    for (let steps = 0; steps < MAX_INSTANT_STEPS; steps++) {
      const node = journey.nodes.get(current);
      if (!node) {
        this.end(enrollment, 'completed', now);
        return;
      }
      enrollment.nodeId = current;
      if (!again) {
        enrollment.visits++;
        this.records.arrive(enrollment, current, now);
      }
      const decision = this.context.run(
        node.definition,
        journey,
        enrollment,
        profile,
        node.config,
        current,
        now,
        again,
      );
      profile = this.context.profile;
      again = undefined;
      if (decision.type === 'exit') {
        this.end(enrollment, 'exited', now);
        return;
      }
      if (decision.type === 'wait') {
        enrollment.wait = {
          until: decision.until,
          reason: decision.reason,
          since: now,
          timeoutPort: decision.timeoutPort,
          event: decision.event,
        };
        this.store.putEnrollment(enrollment);
        this.store.schedule({
          kind: 'enrollment',
          at: decision.until,
          journeyId: journey.id,
          profileId: enrollment.profileId,
          enrollmentId: enrollment.id,
          token: enrollment.visits,
          priority: journey.settings.priority,
        });
        this.records.wait(
          enrollment,
          current,
          decision.until,
          decision.reason,
          decision.event?.name,
          now,
        );
        return;
      }
      const to = this.recordLeave(journey, enrollment, current, decision.port, now);
      if (to === undefined) {
        this.end(enrollment, 'completed', now);
        return;
      }
      current = to;
    }
    // Validation forbids loops without a wait; this only guards against a journey that slipped past it.
    this.end(enrollment, 'exited', now);
  }

  /** Leaves `nodeId` through `port`: on to the connected node, or out of the journey. */
  leave(
    journey: CompiledJourney,
    enrollment: Enrollment,
    nodeId: string,
    port: string,
    now: number,
  ): void {
    const to = this.recordLeave(journey, enrollment, nodeId, port, now);
    if (to === undefined) this.end(enrollment, 'completed', now);
    else this.advance(journey, enrollment, to, now);
  }

  end(enrollment: Enrollment, status: Exclude<EnrollmentStatus, 'active'>, now: number): void {
    enrollment.status = status;
    enrollment.endedAt = now;
    enrollment.wait = undefined;
    this.store.putEnrollment(enrollment);
    this.records.end(enrollment, status, now);
  }

  /**
   * Counts an event as the conversion of the enrollments whose journey has it as goal, and as
   * the conversion of each split assignment it comes within the attribution window of.
   */
  applyGoals(event: StoredEvent, now: number): void {
    // Enrollments started while this runs are appended; they must not see this event.
    const list = this.store.enrollmentsOf(event.profileId);
    for (let i = 0, n = list.length; i < n; i++) {
      const enrollment = list[i] as Enrollment;
      const pending = enrollment.assignments;
      const measured = pending !== undefined && pending.length > 0;
      if (enrollment.convertedAt !== undefined && !measured) continue;
      if (enrollment.trigger?.seq === event.seq) continue;
      const journey = this.catalog.version(enrollment.journeyId, enrollment.version);
      const goal = journey?.settings.goal;
      if (!journey || !goal || goal.event !== event.name || event.time < enrollment.enteredAt)
        continue;
      if (!matchesFilters(goal.where, event.properties)) continue;
      let changed = measured && this.measureAssignments(journey, enrollment, event, now);
      if (
        enrollment.convertedAt === undefined &&
        this.convertsEnrollment(journey, enrollment, event)
      ) {
        enrollment.convertedAt = now;
        this.records.convert(enrollment, event, now);
        if (enrollment.status === 'active' && goal.exit) {
          this.end(enrollment, 'converted', now);
          continue;
        }
        changed = true;
      }
      if (changed) this.store.putEnrollment(enrollment);
    }
  }

  /**
   * Whether a goal event converts the enrollment (DESIGN §1): within the goal's window after
   * entry, even after leaving; without a window, only while still in the journey.
   */
  private convertsEnrollment(
    journey: CompiledJourney,
    enrollment: Enrollment,
    event: StoredEvent,
  ): boolean {
    const within = journey.settings.goal?.within;
    if (!within) return enrollment.status === 'active';
    const zone = this.profiles.zoneOf(this.profiles.get(event.profileId), journey);
    return event.time <= addDuration(enrollment.enteredAt, within, zone);
  }

  /**
   * Records the conversion of each assignment the goal event falls within the attribution
   * window of (DESIGN §4), once per assignment. Returns whether any converted.
   */
  private measureAssignments(
    journey: CompiledJourney,
    enrollment: Enrollment,
    event: StoredEvent,
    now: number,
  ): boolean {
    const pending = enrollment.assignments as PendingAssignment[];
    const window = journey.settings.goal?.within ?? DEFAULT_ATTRIBUTION_WINDOW;
    const zone = this.profiles.zoneOf(this.profiles.get(event.profileId), journey);
    const open: PendingAssignment[] = [];
    for (const assignment of pending) {
      if (assignment.at <= event.time && event.time <= addDuration(assignment.at, window, zone)) {
        this.records.variantConvert(
          enrollment,
          assignment.node,
          assignment.key,
          assignment.at,
          event.name,
          now,
        );
        this.store.keepAssignmentConversion(enrollment, assignment, now);
      } else {
        open.push(assignment);
      }
    }
    if (open.length === pending.length) return false;
    enrollment.assignments = open.length > 0 ? open : undefined;
    return true;
  }

  /** The profile's enrollments whose wait this event ends, in the store's order. */
  waitingFor(event: StoredEvent): readonly Enrollment[] {
    const list = this.store.enrollmentsOf(event.profileId);
    let waiting: Enrollment[] | undefined;
    for (let i = 0, n = list.length; i < n; i++) {
      const enrollment = list[i] as Enrollment;
      if (this.waitEndedBy(enrollment, event)) (waiting ??= []).push(enrollment);
    }
    // Most events end no wait; they allocate nothing.
    return waiting ?? NONE_WAITING;
  }

  /** The priority of an enrollment's journey version (DESIGN §8), the default when it is gone. */
  priorityOf(enrollment: Enrollment): number {
    return (
      this.catalog.version(enrollment.journeyId, enrollment.version)?.settings.priority ??
      DEFAULT_PRIORITY
    );
  }

  /**
   * Moves one waiting enrollment on through its wait's event port — if the event still ends its
   * wait: what ran before it in the same instant may have moved or ended it.
   */
  resumeEventWait(enrollment: Enrollment, event: StoredEvent, now: number): void {
    const wait = enrollment.wait;
    if (!wait?.event || !this.waitEndedBy(enrollment, event)) return;
    const journey = this.catalog.version(enrollment.journeyId, enrollment.version);
    if (!journey) return;
    enrollment.wait = undefined;
    this.leave(journey, enrollment, enrollment.nodeId, wait.event.port, now);
  }

  private waitEndedBy(enrollment: Enrollment, event: StoredEvent): boolean {
    const wait = enrollment.wait;
    if (enrollment.status !== 'active' || !wait?.event) return false;
    if (wait.event.name !== event.name || event.time < wait.since) return false;
    return matchesFilters(wait.event.where, event.properties);
  }

  /** Ends a wait that is due; a wake-up made stale by a later move (`token`) is ignored. */
  wake(enrollmentId: string, token: number, now: number): void {
    const enrollment = this.store.getEnrollment(enrollmentId);
    const wait = enrollment?.wait;
    if (!enrollment || !wait || enrollment.status !== 'active' || enrollment.visits !== token)
      return;
    const journey = this.catalog.version(enrollment.journeyId, enrollment.version);
    if (!journey) return;
    enrollment.wait = undefined;
    if (wait.timeoutPort === undefined)
      this.advance(journey, enrollment, enrollment.nodeId, now, wait.reason);
    else this.leave(journey, enrollment, enrollment.nodeId, wait.timeoutPort, now);
  }

  /**
   * Carries an active enrollment over to a newly published version, as a publish's plan chose:
   * `continue` goes on from the same step (a wait keeps its wake-up, which finds the step in the
   * new version), `move` arrives at `to` now (the old wake-up goes stale), `exit` leaves now.
   */
  migrate(
    enrollment: Enrollment,
    choice: Exclude<MigrationChoice, { action: 'stay' }>,
    next: CompiledJourney,
    now: number,
  ): void {
    if (enrollment.status !== 'active' || enrollment.journeyId !== next.id) return;
    const to = choice.action === 'move' ? choice.to : undefined;
    this.records.migrate(enrollment, choice.action, next.version, to, now);
    switch (choice.action) {
      case 'exit':
        this.end(enrollment, 'exited', now);
        return;
      case 'continue':
        enrollment.version = next.version;
        this.store.putEnrollment(enrollment);
        return;
      case 'move':
        enrollment.version = next.version;
        enrollment.wait = undefined;
        this.advance(next, enrollment, choice.to, now);
        return;
    }
  }

  /** Records leaving `nodeId` through `port`; returns the node it leads to, if any. */
  private recordLeave(
    journey: CompiledJourney,
    enrollment: Enrollment,
    nodeId: string,
    port: string,
    now: number,
  ): string | undefined {
    const to = journey.nodes.get(nodeId)?.targets.get(port);
    this.records.leave(enrollment, nodeId, port, to, now);
    return to;
  }
}
