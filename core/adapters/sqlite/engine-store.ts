import Database from 'better-sqlite3';
import type {
  AcceptOutcome,
  EngineInput,
  LiveStore,
  InboxItem,
  PendingWake,
} from '../../executor/ports';
import type { SplitTest, WinnerDecision } from '../../forecast/auto-winner';
import type { JourneyEvent, StoredEvent } from '../../model/event';
import type { Profile } from '../../model/profile';
import { DEFAULT_PRIORITY } from '../../model/journey-settings';
import type { PolicySend } from '../../policy/policy-decision';
import type { SendingPolicy } from '../../policy/sending-policy';
import {
  wakeKey,
  type Enrollment,
  type OutboxMessage,
  type PendingAssignment,
  type StepRecord,
  type Wake,
} from '../../runtime/ports';
import type { Channel } from '../../runtime/step';
import type { Db } from './database';
import {
  engineStatements,
  type EngineStatements,
  type InboxRow,
  type WakeRow,
} from './engine-statements';
import { EnrollmentCache } from './enrollment-cache';
import { messageIdOf, stampedInput } from './inbox-input';
import { writeJournal } from './journal-rows';
import { MessageRows } from './message-rows';
import { ProfileCache } from './profile-cache';
import { ProfileAliases } from './profile-aliases';
import { SplitTests } from './split-tests';
import { WakeReadAhead } from './wake-read-ahead';

export interface SqliteEngineStoreOptions {
  /** Wall-clock time for bookkeeping columns (profiles.updated_at). */
  now?: () => number;
}

/**
 * The interpreter's store on SQLite, with exactly the semantics of the simulator's MemoryStore
 * (simulation and execution must agree), plus the inbox and wake-up table execution needs.
 *
 * Objects read during a transaction are kept in an identity map until it ends: the interpreter
 * mutates the enrollment objects it is given and finishes each change with `putEnrollment`, and
 * `enrollmentsOf` must show writes made earlier in the same transaction. Enrollments and
 * profiles are written when a unit ends (or at commit), once however often they changed.
 */
export class SqliteEngineStore implements LiveStore {
  private readonly profiles: ProfileCache;
  private readonly enrollments: EnrollmentCache;
  private readonly wakes = new WakeReadAhead();
  private readonly messages: MessageRows;
  private lastOrd: number | undefined;
  private lastWakeSeq: number | undefined;
  private readonly now: () => number;

  protected readonly sql: EngineStatements;
  private readonly splits: SplitTests;
  private readonly aliases: ProfileAliases;
  private readonly outer: Database.Transaction<(work: () => unknown) => unknown>;
  private readonly inner: Database.Transaction<(work: () => unknown) => unknown>;

  constructor(
    readonly db: Db,
    options: SqliteEngineStoreOptions = {},
  ) {
    // The store runs on the engine's clock only for bookkeeping; semantics never read it.
    this.now = options.now ?? (() => Date.now());
    this.sql = engineStatements(db);
    this.profiles = new ProfileCache(this.sql, this.now);
    this.enrollments = new EnrollmentCache(this.sql, () => this.nextOrd());
    this.messages = new MessageRows(this.sql, this.now);
    this.splits = new SplitTests(db);
    this.aliases = new ProfileAliases(db);
    this.outer = db.transaction((work: () => unknown) => {
      const result = work();
      this.flush();
      return result;
    });
    this.inner = db.transaction((work: () => unknown) => {
      const result = work();
      this.flush();
      return result;
    });
  }

  // ---------------------------------------------------------------- transactions

  transaction<T>(work: () => T): T {
    try {
      return (this.db.inTransaction ? this.inner(work) : this.outer.immediate(work)) as T;
    } catch (error) {
      this.discardCache();
      throw error;
    }
  }

  unit<T>(work: () => T): T {
    return this.inner(work) as T;
  }

  discardCache(): void {
    this.profiles.clear();
    this.enrollments.clear();
    this.lastOrd = undefined;
    this.lastWakeSeq = undefined;
    this.wakes.clear();
    this.messages.clear();
  }

  isStorageError(error: unknown): boolean {
    return error instanceof Database.SqliteError;
  }

  /** Writes the enrollments and profiles changed in memory. */
  flush(): void {
    this.profiles.flush();
    this.enrollments.flush();
  }

  // ---------------------------------------------------------------- profiles and events

  getProfile(id: string): Profile | undefined {
    return this.profiles.get(id);
  }

  putProfile(profile: Profile): void {
    this.profiles.put(profile);
  }

  profileIdOf(id: string): string {
    return this.aliases.profileOf(id) ?? id;
  }

  mergeProfile(from: string, into: string, at: number): void {
    // What the unit changed in memory goes first: the rows are moved in the database.
    this.flush();
    this.aliases.merge(from, into, at);
    this.profiles.merged(from, into);
    this.enrollments.merged(from, into);
  }

  eventsOf(profileId: string): readonly StoredEvent[] {
    return this.profiles.eventsOf(profileId);
  }

  addEvent(event: JourneyEvent): StoredEvent {
    return this.profiles.addEvent(event);
  }

  // ---------------------------------------------------------------- enrollments

  activeEnrollmentIds(journeyId: string): string[] {
    // Written ones first: the list is read inside the transaction that changes them.
    this.flush();
    return (this.sql.activeEnrollments.all(journeyId) as { id: string }[]).map((r) => r.id);
  }

  getEnrollment(id: string): Enrollment | undefined {
    return this.enrollments.get(id);
  }

  enrollmentsOf(profileId: string): readonly Enrollment[] {
    return this.enrollments.ofProfile(profileId);
  }

  putEnrollment(enrollment: Enrollment): void {
    this.enrollments.put(enrollment);
  }

  /** The creation number of a new enrollment: one more than the last, read once per transaction. */
  protected nextOrd(): number {
    this.lastOrd ??= (this.sql.maxOrd.get() as { v: number | null }).v ?? 0;
    return ++this.lastOrd;
  }

  /** The sequence number of a new wake-up: one more than the last, read once per transaction. */
  protected nextWakeSeq(): number {
    this.lastWakeSeq ??= (this.sql.maxWakeSeq.get() as { v: number | null }).v ?? 0;
    return ++this.lastWakeSeq;
  }

  /** Writes a wake-up; a keyed one replaces the pending one with its key. */
  protected insertWake(key: string | undefined, seq: number, wake: Wake): void {
    const priority = wake.priority ?? DEFAULT_PRIORITY;
    const json = JSON.stringify(wake);
    if (key !== undefined)
      this.sql.scheduleKeyed.run(key, seq, wake.at, priority, wake.journeyId, json);
    else this.sql.schedule.run(seq, wake.at, priority, wake.journeyId, json);
  }

  /** The first pending wake-ups in (at, seq) order. */
  protected readWakes(limit: number): WakeRow[] {
    return this.sql.nextWakes.all(limit) as WakeRow[];
  }

  /** Stores one accepted input. */
  protected insertInput(input: EngineInput, receivedAt: number): void {
    this.sql.accept.run(input.type, receivedAt, JSON.stringify(stampedInput(input, receivedAt)));
  }

  /** The oldest inputs not yet applied. */
  protected readInputs(limit: number): InboxRow[] {
    return this.sql.pendingInputs.all(limit) as InboxRow[];
  }

  /** Profiles after the one numbered `after`, in the order they were added. */
  protected readProfilesAfter(after: number, limit: number): { n: number; id: string }[] {
    return this.sql.profilesAfter.all(after, limit) as { n: number; id: string }[];
  }

  // ---------------------------------------------------------------- segments, wake-ups

  getSegmentMembership(journeyId: string, profileId: string): boolean | undefined {
    return this.profiles.getMembership(journeyId, profileId);
  }

  setSegmentMembership(journeyId: string, profileId: string, member: boolean): void {
    this.profiles.setMembership(journeyId, profileId, member);
  }

  schedule(wake: Wake): void {
    const seq = this.nextWakeSeq();
    const keyed = wake.kind !== 'enrollment';
    const key = keyed ? wakeKey(wake) : '';
    this.insertWake(keyed ? key : undefined, seq, wake);
    this.wakes.scheduled({ key, seq, wake }, keyed);
  }

  nextWake(): PendingWake | undefined {
    return this.wakes.next((limit) => this.readWakes(limit));
  }

  takeWake(pending: PendingWake): boolean {
    const { wake } = pending;
    const taken =
      this.sql.takeWake.run(wake.at, wake.priority ?? DEFAULT_PRIORITY, wake.journeyId, pending.seq)
        .changes > 0;
    this.wakes.taken(pending.seq);
    return taken;
  }

  // ---------------------------------------------------------------- messages

  addMessage(message: OutboxMessage): void {
    this.messages.add(message);
  }

  sentCount(journeyId: string, profileId: string, since: number): number {
    return this.messages.sentCount(journeyId, profileId, since);
  }

  sendingPolicy(): SendingPolicy {
    return this.messages.sendingPolicy();
  }

  policySends(profileId: string, channel: Channel, since: number): readonly PolicySend[] {
    return this.messages.policySends(profileId, channel, since);
  }

  isSuppressed(channel: Channel, address: string): boolean {
    return this.messages.isSuppressed(channel, address);
  }

  suppress(channel: Channel, address: string): void {
    this.messages.suppress(channel, address);
  }

  // ---------------------------------------------------------------- A/B tests

  keepAssignment(enrollment: Enrollment, assignment: PendingAssignment): void {
    this.splits.keepAssignment(enrollment, assignment);
  }

  keepAssignmentConversion(
    enrollment: Enrollment,
    assignment: PendingAssignment,
    at: number,
  ): void {
    this.splits.keepConversion(enrollment, assignment, at);
  }

  splitWinner(
    test: SplitTest,
    now: number,
  ): { decision: WinnerDecision; fresh: boolean } | undefined {
    return this.splits.winner(test, now);
  }

  // ---------------------------------------------------------------- inbox

  accept(inputs: readonly EngineInput[], receivedAt: number): AcceptOutcome[] {
    return inputs.map((input) => {
      const messageId = messageIdOf(input);
      if (messageId !== undefined && this.sql.seen.run(messageId, receivedAt).changes === 0)
        return 'duplicate';
      this.insertInput(input, receivedAt);
      return 'accepted';
    });
  }

  pendingInputs(limit: number): InboxItem[] {
    const rows = this.readInputs(limit);
    return rows.map((r) => ({
      id: r.id,
      receivedAt: r.received_at,
      input: JSON.parse(r.body) as EngineInput,
      ...(r.cursor !== null && { cursor: r.cursor }),
    }));
  }

  completeInput(id: number): void {
    this.sql.completeInput.run(id);
  }

  setStartCursor(id: number, cursor: string): void {
    this.sql.setCursor.run(cursor, id);
  }

  profilesAfter(cursor: string | undefined, limit: number): { id: string; cursor: string }[] {
    this.flush();
    const rows = this.readProfilesAfter(Number(cursor ?? 0), limit);
    return rows.map((r) => ({ id: r.id, cursor: String(r.n) }));
  }

  // ---------------------------------------------------------------- journal, failures

  journal(records: readonly StepRecord[]): void {
    writeJournal(this.sql.journal, records);
  }

  recordFailure(source: 'input' | 'wake', payload: unknown, error: string, at: number): void {
    this.sql.failure.run(at, source, JSON.stringify(payload), error);
  }
}
