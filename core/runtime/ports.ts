import type { Filter } from '../conditions/condition';
import type { SplitTest, WinnerDecision } from '../forecast/auto-winner';
import type { JourneyEvent, StoredEvent } from '../model/event';
import { DEFAULT_PRIORITY } from '../model/journey-settings';
import type { Profile, ProfileChange } from '../model/profile';
import type { PolicySend } from '../policy/policy-decision';
import type { SendingPolicy } from '../policy/sending-policy';
import type { Channel, MessageContent, SkipFacts, SkipReason, WaitReason } from './step';

/** Where time comes from: a virtual clock in simulation, the system clock in execution. */
export interface Clock {
  now(): number;
}

/**
 * `merged`: ended when its profile was merged into a known one already in the same journey
 * (DESIGN §8): the person goes on in the known profile's enrollment, never in two.
 */
export type EnrollmentStatus = 'active' | 'completed' | 'exited' | 'converted' | 'merged';

/** How a profile came to enter. */
export type EntryVia = 'event' | 'segment' | 'date';

/** What a waiting enrollment waits for. */
export interface EnrollmentWait {
  until: number;
  reason: WaitReason;
  /** When the wait began: an awaited event must not be older. */
  since: number;
  /** The port to leave through at `until`; absent: run the node again (a held message). */
  timeoutPort?: string;
  event?: { name: string; where?: Filter[]; port: string };
}

/** One pass of one profile through one journey. */
export interface Enrollment {
  /** `<journey id>:<profile id>:<entry number>`: the same in simulation and execution. */
  id: string;
  journeyId: string;
  /** The journey version it entered with; it finishes on that version. */
  version: number;
  profileId: string;
  /** 1 for the profile's first entry into this journey, 2 for the second, … */
  entry: number;
  enteredAt: number;
  via: EntryVia;
  /** The event that started it, for `event.*` in templates and `since: "entry"`. */
  trigger?: { name: string; seq: number; properties: Readonly<Record<string, unknown>> };
  status: EnrollmentStatus;
  /** Where it is now: the node it waits on, or the last node it visited. */
  nodeId: string;
  /** Node arrivals so far; with the node id, it names each visit (idempotency keys). */
  visits: number;
  wait?: EnrollmentWait;
  /** The variant taken at each split node, for conversions by variant (absent before any split). */
  variants?: Record<string, string>;
  /**
   * Split assignments not yet converted. Each is measured over the goal's attribution window
   * after it was made, whether or not the enrollment is still in the journey (DESIGN §4).
   */
  assignments?: PendingAssignment[];
  /** Messages sent in this enrollment so far: a conversion after one is told apart. */
  sent?: number;
  convertedAt?: number;
  endedAt?: number;
}

/** An assignment to a variant of a split, waiting for the goal event. */
export interface PendingAssignment {
  /** The split node. */
  node: string;
  /** The variant drawn. */
  key: string;
  at: number;
}

/**
 * A scheduled wake-up. The key makes scheduling idempotent: a newer wake replaces an older one.
 * Wake-ups due at one instant run by the journey's `priority` (highest first), then journey id,
 * then in the order scheduled, so that under the sending policy the message of the journey that
 * matters more goes first (DESIGN §8). Absent `priority` is the default, 50.
 */
export type Wake =
  | {
      kind: 'enrollment';
      at: number;
      journeyId: string;
      profileId: string;
      enrollmentId: string;
      token: number;
      priority?: number;
    }
  | { kind: 'date'; at: number; journeyId: string; profileId: string; priority?: number }
  | { kind: 'segment'; at: number; journeyId: string; profileId: string; priority?: number };

/**
 * Whether wake-up `a` runs before `b` when both are due at the same instant, scheduled as
 * `aSeq` and `bSeq`: by priority (highest first), then journey id, then scheduling order.
 */
export function wakesBefore(a: Wake, aSeq: number, b: Wake, bSeq: number): boolean {
  const turn = journeyTurn(a.priority, a.journeyId, b.priority, b.journeyId);
  return turn !== 0 ? turn < 0 : aSeq < bSeq;
}

/**
 * Which of two journeys goes first at one instant (DESIGN §8): the higher priority (absent is the
 * default), then the lower journey id. Negative when `a` goes first, 0 for the same journey.
 */
export function journeyTurn(
  aPriority: number | undefined,
  aJourney: string,
  bPriority: number | undefined,
  bJourney: string,
): number {
  const pa = aPriority ?? DEFAULT_PRIORITY;
  const pb = bPriority ?? DEFAULT_PRIORITY;
  if (pa !== pb) return pb - pa;
  return aJourney < bJourney ? -1 : aJourney > bJourney ? 1 : 0;
}

export function wakeKey(wake: Wake): string {
  // Enrollment ids never contain NUL, so they cannot collide with the other kinds' keys.
  return wake.kind === 'enrollment'
    ? wake.enrollmentId
    : `${wake.kind}\u0000${wake.journeyId}\u0000${wake.profileId}`;
}

/** A message as the interpreter produces it: rendered, addressed, keyed. */
export interface OutboxMessage {
  /** `<enrollment id>/<node id>/<visit>`: a replayed step can never enqueue it twice. */
  key: string;
  journeyId: string;
  version: number;
  nodeId: string;
  enrollmentId: string;
  profileId: string;
  channel: Channel;
  to: string;
  at: number;
  content: MessageContent;
  /** Exempt from the sending policy, and not counted by it (a receipt, a password reset). */
  transactional?: true;
}

/**
 * The state the interpreter reads and writes. Synchronous on purpose: the simulator keeps it in
 * memory; the executor keeps it in SQLite and wraps each event or wake-up in one transaction,
 * so a step is applied whole or not at all.
 */
export interface EngineStore {
  getProfile(id: string): Profile | undefined;
  putProfile(profile: Profile): void;
  /**
   * The profile an id stands for now: the known profile an anonymous id was merged into, or the
   * id itself. Asked only for ids without a profile of their own (a merged profile is removed).
   */
  profileIdOf(id: string): string;
  /**
   * Moves what profile `from` holds into `into` and removes `from` (DESIGN §8): its events (in
   * their order among `into`'s), its enrollments (each now `into`'s, whatever its status), and
   * `from` (with the ids merged into it before) as ids of `into`, merged at `at` — at most
   * `MAX_MERGED_IDS` of them, the latest kept. Attributes and the enrollments that end are the
   * interpreter's to settle before (runtime/profile-merge.ts).
   */
  mergeProfile(from: string, into: string, at: number): void;
  /** The profile's events as applied so far, in application order. */
  eventsOf(profileId: string): readonly StoredEvent[];
  /** Applies an event, giving it the next sequence number. */
  addEvent(event: JourneyEvent): StoredEvent;

  getEnrollment(id: string): Enrollment | undefined;
  /**
   * Every enrollment of a profile, in every journey, active or ended, in creation order. May be
   * a live list: during a unit of work, enrollments are only ever appended to it.
   */
  enrollmentsOf(profileId: string): readonly Enrollment[];
  putEnrollment(enrollment: Enrollment): void;

  /** Whether the profile matched a segment trigger's condition when last evaluated. */
  getSegmentMembership(journeyId: string, profileId: string): boolean | undefined;
  setSegmentMembership(journeyId: string, profileId: string, member: boolean): void;

  schedule(wake: Wake): void;

  addMessage(message: OutboxMessage): void;
  /** Messages a journey has sent a profile at or after `since`. */
  sentCount(journeyId: string, profileId: string, since: number): number;
  /** The library's sending policy as it is now (DESIGN §8). */
  sendingPolicy(): SendingPolicy;
  /**
   * The messages the sending policy counts that a profile was sent on `channel` at or after
   * `since`, by any journey, oldest first (in the order written at one instant); transactional
   * messages are left out. A message counts from the step that wrote it, as the frequency cap
   * counts it, whatever delivery later makes of it: the simulator, which has no delivery, counts
   * the same.
   */
  policySends(profileId: string, channel: Channel, since: number): readonly PolicySend[];
  isSuppressed(channel: Channel, address: string): boolean;

  /** Keeps an assignment to a split's variant: live figures and automatic winners count them. */
  keepAssignment(enrollment: Enrollment, assignment: PendingAssignment): void;
  /** Marks a kept assignment as converted at `at` (DESIGN §4). */
  keepAssignmentConversion(enrollment: Enrollment, assignment: PendingAssignment, at: number): void;
  /**
   * The automatic winner of a split as of `now`, once decided; `fresh` when this call made the
   * decision (it is recorded then). A simulation is given its decisions by its driver;
   * execution decides at the first arrival in a whole hour, from the kept assignments.
   */
  splitWinner(
    test: SplitTest,
    now: number,
  ): { decision: WinnerDecision; fresh: boolean } | undefined;
  /** Puts an address on the suppression list (a spam complaint): no message reaches it again. */
  suppress(channel: Channel, address: string): void;
}

interface RecordBase {
  at: number;
  journeyId: string;
  profileId: string;
}

/**
 * Everything that happens, as it happens: the simulator builds its report and traces from
 * these; the executor journals them for live counts and profile histories.
 */
export type StepRecord = RecordBase &
  (
    | { type: 'enter'; enrollmentId: string; via: EntryVia; event?: string }
    | { type: 'entry-refused'; reason: 'reentry_never' | 'already_active'; detail: string }
    | { type: 'arrive'; enrollmentId: string; nodeId: string }
    | { type: 'leave'; enrollmentId: string; nodeId: string; port: string; to?: string }
    | {
        type: 'wait';
        enrollmentId: string;
        nodeId: string;
        until: number;
        reason: WaitReason;
        event?: string;
      }
    | {
        type: 'message';
        enrollmentId: string;
        nodeId: string;
        channel: Channel;
        to: string;
        key: string;
      }
    | {
        type: 'skip';
        enrollmentId: string;
        nodeId: string;
        reason: SkipReason;
        detail: string;
        /** For a `policy` skip: the journey whose message filled the window (DESIGN §8). */
        filledBy?: string;
        /** The detail's facts, for an app to say it in its language. */
        facts?: SkipFacts;
      }
    | { type: 'update'; enrollmentId: string; nodeId: string; change: ProfileChange }
    | { type: 'variant'; enrollmentId: string; nodeId: string; key: string }
    /**
     * An automatic winner decided at the whole hour `at` (a record of the journey: `profileId`
     * is empty).
     */
    | { type: 'winner'; nodeId: string; variant: string; probability: number }
    /** An assignment to a variant whose profile performed the goal within the window after it. */
    | {
        type: 'variant-convert';
        enrollmentId: string;
        nodeId: string;
        key: string;
        assignedAt: number;
        event: string;
      }
    | {
        type: 'convert';
        enrollmentId: string;
        event: string;
        variants: Record<string, string>;
        /** Whether the enrollment had been sent a message before it converted. */
        afterMessage: boolean;
        /** The message node that caused it (the goal event's `caused_by`), in a forecast. */
        causedBy?: string;
      }
    /**
     * Carried over to a newly published version (`continue` from the same step, `move` to
     * `to`), or taken out (`exit`), as the publish's plan chose for its group.
     */
    | {
        type: 'migrate';
        enrollmentId: string;
        nodeId: string;
        action: 'continue' | 'move' | 'exit';
        fromVersion: number;
        toVersion: number;
        to?: string;
      }
    | {
        type: 'end';
        enrollmentId: string;
        nodeId: string;
        status: Exclude<EnrollmentStatus, 'active'>;
      }
  );

export interface StepObserver {
  record(step: StepRecord): void;
}
