import type { SplitTest, WinnerDecision } from '../forecast/auto-winner';
import type { Profile, ProfileChange } from '../model/profile';
import type { CompiledJourney } from './compiled-journey';
import type { ProfileAccess } from './profile-access';
import type { EngineStore, Enrollment } from './ports';
import type { StepRecords } from './step-records';
import type { MessageDraft, SkipFacts, SkipReason } from './step';

/**
 * What a node may do to the world when a profile arrives: the only writes a step makes. The
 * node context writes through it; each effect is applied to the store and recorded at once.
 */
export interface StepEffects {
  /** Puts a message in the outbox, keyed by the visit so a replayed step cannot send it twice. */
  send(
    journey: CompiledJourney,
    enrollment: Enrollment,
    nodeId: string,
    message: MessageDraft,
    now: number,
  ): void;
  /**
   * Records a message not sent; the journey goes on all the same. `facts`: the detail's facts
   * (for a `policy` skip, they name the journey whose message filled the window).
   */
  skip(
    enrollment: Enrollment,
    nodeId: string,
    reason: SkipReason,
    detail: string,
    now: number,
    facts?: SkipFacts,
  ): void;
  /** Changes the profile; returns it as changed. */
  updateProfile(
    enrollment: Enrollment,
    nodeId: string,
    change: ProfileChange,
    now: number,
  ): Profile;
  /** Notes the variant of a split node the enrollment took. */
  assignVariant(enrollment: Enrollment, nodeId: string, key: string, now: number): void;
  /** The automatic winner of a split as of `now`; the decision is recorded once, when made. */
  winner(test: SplitTest, now: number): WinnerDecision | undefined;
}

/** The effects of steps on an engine store: outbox, profiles, enrollments, and their records. */
export class StoreEffects implements StepEffects {
  constructor(
    private readonly store: EngineStore,
    private readonly profiles: ProfileAccess,
    private readonly records: StepRecords,
  ) {}

  send(
    journey: CompiledJourney,
    enrollment: Enrollment,
    nodeId: string,
    message: MessageDraft,
    now: number,
  ): void {
    const key = `${enrollment.id}/${nodeId}/${enrollment.visits}`;
    this.store.addMessage({
      key,
      journeyId: journey.id,
      version: journey.version,
      nodeId,
      enrollmentId: enrollment.id,
      profileId: enrollment.profileId,
      channel: message.channel,
      to: message.to,
      at: now,
      content: message.content,
      ...(message.transactional === true && { transactional: true as const }),
    });
    enrollment.sent = (enrollment.sent ?? 0) + 1;
    this.records.message(enrollment, nodeId, message.channel, message.to, key, now);
  }

  skip(
    enrollment: Enrollment,
    nodeId: string,
    reason: SkipReason,
    detail: string,
    now: number,
    facts?: SkipFacts,
  ): void {
    this.records.skip(enrollment, nodeId, reason, detail, now, facts);
  }

  updateProfile(
    enrollment: Enrollment,
    nodeId: string,
    change: ProfileChange,
    now: number,
  ): Profile {
    const updated = this.profiles.change(enrollment.profileId, change);
    this.records.update(enrollment, nodeId, change, now);
    return updated;
  }

  assignVariant(enrollment: Enrollment, nodeId: string, key: string, now: number): void {
    (enrollment.variants ??= {})[nodeId] = key;
    const assignment = { node: nodeId, key, at: now };
    (enrollment.assignments ??= []).push(assignment);
    this.store.keepAssignment(enrollment, assignment);
    this.records.variant(enrollment, nodeId, key, now);
  }

  winner(test: SplitTest, now: number): WinnerDecision | undefined {
    const found = this.store.splitWinner(test, now);
    if (found?.fresh) this.records.winner(test.journeyId, test.nodeId, found.decision);
    return found?.decision;
  }
}
