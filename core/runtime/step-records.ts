import type { WinnerDecision } from '../forecast/auto-winner';
import type { StoredEvent } from '../model/event';
import type { ProfileChange } from '../model/profile';
import type { Enrollment, EnrollmentStatus, StepObserver } from './ports';
import type { Channel, SkipFacts, SkipReason, WaitReason } from './step';

/**
 * The records a step writes, one method per record type, handed to the observer (the simulator's
 * report and traces, the executor's journal).
 *
 * Each method writes its record whole, in one object literal: completing records of every type in
 * one place made each of those writes a slow one. An enrollment's records list its own fields
 * before `at`, `journeyId` and `profileId`, the order the journal stores them in. Without an
 * observer, no record is built at all.
 */
export class StepRecords {
  constructor(private readonly observer: StepObserver | undefined) {}

  enter(enrollment: Enrollment, event: string | undefined, now: number): void {
    this.observer?.record({
      type: 'enter',
      enrollmentId: enrollment.id,
      via: enrollment.via,
      event,
      at: now,
      journeyId: enrollment.journeyId,
      profileId: enrollment.profileId,
    });
  }

  /** A profile the journey's re-entry setting keeps out. */
  entryRefused(
    journeyId: string,
    profileId: string,
    reason: 'reentry_never' | 'already_active',
    detail: string,
    now: number,
  ): void {
    this.observer?.record({
      at: now,
      journeyId,
      profileId,
      type: 'entry-refused',
      reason,
      detail,
    });
  }

  arrive(enrollment: Enrollment, nodeId: string, now: number): void {
    this.observer?.record({
      type: 'arrive',
      enrollmentId: enrollment.id,
      nodeId,
      at: now,
      journeyId: enrollment.journeyId,
      profileId: enrollment.profileId,
    });
  }

  leave(
    enrollment: Enrollment,
    nodeId: string,
    port: string,
    to: string | undefined,
    now: number,
  ): void {
    this.observer?.record({
      type: 'leave',
      enrollmentId: enrollment.id,
      nodeId,
      port,
      to,
      at: now,
      journeyId: enrollment.journeyId,
      profileId: enrollment.profileId,
    });
  }

  wait(
    enrollment: Enrollment,
    nodeId: string,
    until: number,
    reason: WaitReason,
    event: string | undefined,
    now: number,
  ): void {
    this.observer?.record({
      type: 'wait',
      enrollmentId: enrollment.id,
      nodeId,
      until,
      reason,
      event,
      at: now,
      journeyId: enrollment.journeyId,
      profileId: enrollment.profileId,
    });
  }

  message(
    enrollment: Enrollment,
    nodeId: string,
    channel: Channel,
    to: string,
    key: string,
    now: number,
  ): void {
    this.observer?.record({
      type: 'message',
      enrollmentId: enrollment.id,
      nodeId,
      channel,
      to,
      key,
      at: now,
      journeyId: enrollment.journeyId,
      profileId: enrollment.profileId,
    });
  }

  skip(
    enrollment: Enrollment,
    nodeId: string,
    reason: SkipReason,
    detail: string,
    now: number,
    facts?: SkipFacts,
  ): void {
    if (!this.observer) return;
    this.observer.record({
      type: 'skip',
      enrollmentId: enrollment.id,
      nodeId,
      reason,
      detail,
      ...(facts?.code === 'policy' && { filledBy: facts.filledBy }),
      ...(facts && { facts }),
      at: now,
      journeyId: enrollment.journeyId,
      profileId: enrollment.profileId,
    });
  }

  update(enrollment: Enrollment, nodeId: string, change: ProfileChange, now: number): void {
    this.observer?.record({
      type: 'update',
      enrollmentId: enrollment.id,
      nodeId,
      change,
      at: now,
      journeyId: enrollment.journeyId,
      profileId: enrollment.profileId,
    });
  }

  variant(enrollment: Enrollment, nodeId: string, key: string, now: number): void {
    this.observer?.record({
      type: 'variant',
      enrollmentId: enrollment.id,
      nodeId,
      key,
      at: now,
      journeyId: enrollment.journeyId,
      profileId: enrollment.profileId,
    });
  }

  /** The goal performed within the attribution window after an assignment to a variant. */
  variantConvert(
    enrollment: Enrollment,
    nodeId: string,
    key: string,
    assignedAt: number,
    event: string,
    now: number,
  ): void {
    this.observer?.record({
      type: 'variant-convert',
      enrollmentId: enrollment.id,
      nodeId,
      key,
      assignedAt,
      event,
      at: now,
      journeyId: enrollment.journeyId,
      profileId: enrollment.profileId,
    });
  }

  /**
   * An automatic winner decided: a record of the journey, not of the profile whose arrival
   * happened to decide it, so it reads the same whichever driver ran it. Its time is the whole
   * hour the decision was made at.
   */
  winner(journeyId: string, nodeId: string, decision: WinnerDecision): void {
    this.observer?.record({
      type: 'winner',
      nodeId,
      variant: decision.variant,
      probability: decision.probability,
      at: decision.at,
      journeyId,
      profileId: '',
    });
  }

  /**
   * A conversion, with the variants taken so far (a copy: later splits must not change it),
   * whether a message had been sent, and the message that caused it, if the event says so. An
   * order another journey's message caused (several journeys simulated together) is, for this
   * journey, an order like any other: the cause is that journey's.
   */
  convert(enrollment: Enrollment, event: StoredEvent, now: number): void {
    const { journey } = event.properties;
    const causedBy =
      journey === undefined || journey === enrollment.journeyId
        ? event.properties.caused_by
        : undefined;
    this.observer?.record({
      type: 'convert',
      enrollmentId: enrollment.id,
      event: event.name,
      variants: { ...(enrollment.variants ?? {}) },
      afterMessage: (enrollment.sent ?? 0) > 0,
      causedBy: typeof causedBy === 'string' ? causedBy : undefined,
      at: now,
      journeyId: enrollment.journeyId,
      profileId: enrollment.profileId,
    });
  }

  end(enrollment: Enrollment, status: Exclude<EnrollmentStatus, 'active'>, now: number): void {
    this.observer?.record({
      type: 'end',
      enrollmentId: enrollment.id,
      nodeId: enrollment.nodeId,
      status,
      at: now,
      journeyId: enrollment.journeyId,
      profileId: enrollment.profileId,
    });
  }

  /** Carried over to a new version, or taken out, at a publish. */
  migrate(
    enrollment: Enrollment,
    action: 'continue' | 'move' | 'exit',
    toVersion: number,
    to: string | undefined,
    now: number,
  ): void {
    this.observer?.record({
      type: 'migrate',
      enrollmentId: enrollment.id,
      nodeId: enrollment.nodeId,
      action,
      fromVersion: enrollment.version,
      toVersion,
      to,
      at: now,
      journeyId: enrollment.journeyId,
      profileId: enrollment.profileId,
    });
  }
}
