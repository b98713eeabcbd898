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
import {
  SENDING_POLICY_KEY,
  savedSendingPolicy,
  type SendingPolicy,
} from '../../policy/sending-policy';
import {
  wakeKey,
  wakesBefore,
  type Enrollment,
  type OutboxMessage,
  type PendingAssignment,
  type StepRecord,
  type Wake,
} from '../../runtime/ports';
import type { Channel } from '../../runtime/step';
import type { Db } from './database';
import { ProfileAliases } from './profile-aliases';
import { SplitTests } from './split-tests';

interface EventRow {
  seq: number;
  name: string;
  time: number;
  properties: string;
  message_id: string | null;
}

export interface InboxRow {
  id: number;
  type: EngineInput['type'];
  received_at: number;
  body: string;
  cursor: string | null;
}

export interface WakeRow {
  key: string | null;
  seq: number;
  wake: string;
}

/** Whether a wake-up scheduled as `seq` runs before a pending one (same order as the table). */
function runsBefore(wake: Wake, seq: number, other: PendingWake): boolean {
  return (
    wake.at < other.wake.at ||
    (wake.at === other.wake.at && wakesBefore(wake, seq, other.wake, other.seq))
  );
}

/** The key of a suppression-list entry: lower-cased `channel:address`. */
export function suppressionEntry(channel: Channel, address: string): string {
  return `${channel}:${address.toLowerCase()}`;
}

/** The sender's message id of an input, by which a retried request is recognised. */
export function messageIdOf(input: EngineInput): string | undefined {
  if (input.type === 'track') return input.event.messageId;
  if (input.type === 'identify') return input.messageId;
  return undefined;
}

/** An input as it is kept until applied: an event without a time happened when it was accepted. */
export function stampedInput(input: EngineInput, receivedAt: number): EngineInput {
  return input.type === 'track'
    ? { ...input, event: { ...input.event, time: input.event.time ?? receivedAt } }
    : input;
}

export function engineStatements(db: Db) {
  const p = (text: string) => db.prepare(text);
  return {
    getProfile: p('SELECT attributes FROM profiles WHERE id = ?'),
    putProfile: p(
      `INSERT INTO profiles (id, attributes, updated_at) VALUES (?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET attributes = excluded.attributes, updated_at = excluded.updated_at`,
    ),
    eventsOf: p(
      'SELECT seq, name, time, properties, message_id FROM events WHERE profile_id = ? ORDER BY seq',
    ),
    addEvent: p(
      'INSERT INTO events (profile_id, name, time, properties, message_id) VALUES (?, ?, ?, ?, ?)',
    ),
    getEnrollment: p('SELECT data FROM enrollments WHERE id = ?'),
    enrollmentsOf: p('SELECT id, data FROM enrollments WHERE profile_id = ? ORDER BY ord'),
    maxOrd: p('SELECT MAX(ord) AS v FROM enrollments'),
    insertEnrollment: p(
      `INSERT INTO enrollments (id, ord, profile_id, journey_id, version, status, node_id, data)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    updateEnrollment: p(
      'UPDATE enrollments SET status = ?, node_id = ?, version = ?, data = ? WHERE id = ?',
    ),
    activeEnrollments: p(
      `SELECT id FROM enrollments INDEXED BY enrollments_active
       WHERE journey_id = ? AND status = 'active' ORDER BY ord`,
    ),
    getMember: p('SELECT member FROM segment_members WHERE journey_id = ? AND profile_id = ?'),
    setMember: p(
      `INSERT INTO segment_members (journey_id, profile_id, member) VALUES (?, ?, ?)
       ON CONFLICT(journey_id, profile_id) DO UPDATE SET member = excluded.member`,
    ),
    maxWakeSeq: p('SELECT MAX(seq) AS v FROM wakes'),
    scheduleKeyed: p(
      `INSERT INTO wakes (key, seq, at, priority, journey_id, wake) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(key) WHERE key IS NOT NULL
       DO UPDATE SET seq = excluded.seq, at = excluded.at, priority = excluded.priority,
                     journey_id = excluded.journey_id, wake = excluded.wake`,
    ),
    schedule: p(
      'INSERT INTO wakes (key, seq, at, priority, journey_id, wake) VALUES (NULL, ?, ?, ?, ?, ?)',
    ),
    nextWakes: p(
      'SELECT key, seq, wake FROM wakes ORDER BY at, priority DESC, journey_id, seq LIMIT ?',
    ),
    takeWake: p('DELETE FROM wakes WHERE at = ? AND priority = ? AND journey_id = ? AND seq = ?'),
    addMessage: p(
      `INSERT INTO outbox (key, journey_id, version, node_id, enrollment_id, profile_id, channel,
                           address, at, content, next_attempt_at, transactional)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(key) DO NOTHING`,
    ),
    sentCount: p(
      'SELECT COUNT(*) AS n FROM outbox WHERE journey_id = ? AND profile_id = ? AND at >= ?',
    ),
    policySends: p(
      `SELECT journey_id AS journeyId, at FROM outbox
       WHERE profile_id = ? AND channel = ? AND at >= ? AND transactional = 0
       ORDER BY at, id`,
    ),
    policy: p('SELECT value FROM settings WHERE key = ?'),
    isSuppressed: p('SELECT 1 FROM suppressions WHERE entry = ?'),
    suppress: p(
      'INSERT INTO suppressions (entry, reason, created_at) VALUES (?, ?, ?) ON CONFLICT(entry) DO NOTHING',
    ),
    seen: p(
      'INSERT INTO message_ids (message_id, received_at) VALUES (?, ?) ON CONFLICT DO NOTHING',
    ),
    accept: p('INSERT INTO inbox (type, received_at, body) VALUES (?, ?, ?)'),
    pendingInputs: p('SELECT id, type, received_at, body, cursor FROM inbox ORDER BY id LIMIT ?'),
    completeInput: p('DELETE FROM inbox WHERE id = ?'),
    setCursor: p('UPDATE inbox SET cursor = ? WHERE id = ?'),
    profilesAfter: p('SELECT seq AS n, id FROM profiles WHERE seq > ? ORDER BY seq LIMIT ?'),
    journal: p('INSERT INTO journal (at, profile_id, steps) VALUES (?, ?, ?)'),
    failure: p('INSERT INTO failures (at, source, payload, error) VALUES (?, ?, ?, ?)'),
  };
}

/** Wake-ups read ahead at once. */
const WAKE_READ_AHEAD = 64;

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
  private readonly profiles = new Map<string, Profile | null>();
  private readonly dirtyProfiles = new Set<string>();
  private readonly events = new Map<string, StoredEvent[]>();
  private readonly enrollments = new Map<string, Enrollment>();
  private readonly byProfile = new Map<string, Enrollment[]>();
  /** Enrollments changed in this unit; those with an `ord` are new. */
  private readonly dirtyEnrollments = new Map<string, number | undefined>();
  private readonly membership = new Map<string, boolean | undefined>();
  private lastOrd: number | undefined;
  private lastWakeSeq: number | undefined;
  /** The first pending wake-ups in the order they run, read ahead; kept exact as they change. */
  private upcoming: PendingWake[] | undefined;
  /** Whether `upcoming` holds every pending wake-up. */
  private upcomingComplete = false;
  /** The sending policy, read once per transaction (the app may change it between two). */
  private policy: SendingPolicy | undefined;
  private readonly now: () => number;

  protected readonly sql: ReturnType<typeof engineStatements>;
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
    this.dirtyProfiles.clear();
    this.events.clear();
    this.enrollments.clear();
    this.byProfile.clear();
    this.dirtyEnrollments.clear();
    this.membership.clear();
    this.lastOrd = undefined;
    this.lastWakeSeq = undefined;
    this.upcoming = undefined;
    this.policy = undefined;
  }

  isStorageError(error: unknown): boolean {
    return error instanceof Database.SqliteError;
  }

  /** Writes the enrollments and profiles changed in memory. */
  flush(): void {
    if (this.dirtyProfiles.size > 0) {
      const at = this.now();
      for (const id of this.dirtyProfiles) {
        const profile = this.profiles.get(id);
        if (profile) this.sql.putProfile.run(id, JSON.stringify(profile.attributes), at);
      }
      this.dirtyProfiles.clear();
    }
    if (this.dirtyEnrollments.size > 0) {
      for (const [id, ord] of this.dirtyEnrollments) {
        const e = this.enrollments.get(id);
        if (!e) continue;
        const data = JSON.stringify(e);
        if (ord === undefined)
          this.sql.updateEnrollment.run(e.status, e.nodeId, e.version, data, id);
        else
          this.sql.insertEnrollment.run(
            id,
            ord,
            e.profileId,
            e.journeyId,
            e.version,
            e.status,
            e.nodeId,
            data,
          );
      }
      this.dirtyEnrollments.clear();
    }
  }

  // ---------------------------------------------------------------- profiles and events

  getProfile(id: string): Profile | undefined {
    const cached = this.profiles.get(id);
    if (cached !== undefined) return cached ?? undefined;
    const row = this.sql.getProfile.get(id) as { attributes: string } | undefined;
    const profile = row
      ? { id, attributes: JSON.parse(row.attributes) as Profile['attributes'] }
      : null;
    this.profiles.set(id, profile);
    return profile ?? undefined;
  }

  putProfile(profile: Profile): void {
    this.profiles.set(profile.id, profile);
    this.dirtyProfiles.add(profile.id);
  }

  profileIdOf(id: string): string {
    return this.aliases.profileOf(id) ?? id;
  }

  mergeProfile(from: string, into: string, at: number): void {
    // What the unit changed in memory goes first: the rows are moved in the database.
    this.flush();
    this.aliases.merge(from, into, at);
    this.profiles.set(from, null);
    this.events.delete(from);
    this.events.delete(into);
    for (const e of this.enrollments.values()) if (e.profileId === from) e.profileId = into;
    this.byProfile.delete(from);
    this.byProfile.delete(into);
    for (const key of this.membership.keys())
      if (key.endsWith(`\u0000${from}`)) this.membership.delete(key);
  }

  eventsOf(profileId: string): readonly StoredEvent[] {
    let list = this.events.get(profileId);
    if (!list) {
      const rows = this.sql.eventsOf.all(profileId) as EventRow[];
      list = rows.map((r) => ({
        profileId,
        name: r.name,
        time: r.time,
        properties: JSON.parse(r.properties) as StoredEvent['properties'],
        ...(r.message_id !== null && { messageId: r.message_id }),
        seq: r.seq,
      }));
      this.events.set(profileId, list);
    }
    return list;
  }

  addEvent(event: JourneyEvent): StoredEvent {
    const info = this.sql.addEvent.run(
      event.profileId,
      event.name,
      event.time,
      JSON.stringify(event.properties),
      event.messageId ?? null,
    );
    const stored: StoredEvent = { ...event, seq: Number(info.lastInsertRowid) };
    this.events.get(event.profileId)?.push(stored);
    return stored;
  }

  // ---------------------------------------------------------------- enrollments

  private adopt(id: string, data: string): Enrollment {
    let enrollment = this.enrollments.get(id);
    if (!enrollment) {
      enrollment = JSON.parse(data) as Enrollment;
      this.enrollments.set(id, enrollment);
    }
    return enrollment;
  }

  activeEnrollmentIds(journeyId: string): string[] {
    // Written ones first: the list is read inside the transaction that changes them.
    this.flush();
    return (this.sql.activeEnrollments.all(journeyId) as { id: string }[]).map((r) => r.id);
  }

  getEnrollment(id: string): Enrollment | undefined {
    const cached = this.enrollments.get(id);
    if (cached) return cached;
    const row = this.sql.getEnrollment.get(id) as { data: string } | undefined;
    return row && this.adopt(id, row.data);
  }

  enrollmentsOf(profileId: string): readonly Enrollment[] {
    let list = this.byProfile.get(profileId);
    if (!list) {
      const rows = this.sql.enrollmentsOf.all(profileId) as { id: string; data: string }[];
      list = rows.map((r) => this.adopt(r.id, r.data));
      this.byProfile.set(profileId, list);
    }
    return list;
  }

  putEnrollment(enrollment: Enrollment): void {
    if (this.dirtyEnrollments.has(enrollment.id)) return;
    // Known means read from the database or put earlier in this transaction: the interpreter
    // only puts objects it was given, or new ones with an id it derived from those it read.
    const known = this.enrollments.get(enrollment.id);
    if (known) {
      if (known !== enrollment) {
        const list = this.byProfile.get(enrollment.profileId);
        if (list) list[list.indexOf(known)] = enrollment;
        this.enrollments.set(enrollment.id, enrollment);
      }
      this.dirtyEnrollments.set(enrollment.id, undefined);
      return;
    }
    const list = this.enrollmentsOf(enrollment.profileId) as Enrollment[];
    this.enrollments.set(enrollment.id, enrollment);
    list.push(enrollment);
    this.dirtyEnrollments.set(enrollment.id, this.nextOrd());
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
    const key = `${journeyId}\u0000${profileId}`;
    if (this.membership.has(key)) return this.membership.get(key);
    const row = this.sql.getMember.get(journeyId, profileId) as { member: number } | undefined;
    const member = row ? row.member === 1 : undefined;
    this.membership.set(key, member);
    return member;
  }

  setSegmentMembership(journeyId: string, profileId: string, member: boolean): void {
    this.membership.set(`${journeyId}\u0000${profileId}`, member);
    this.sql.setMember.run(journeyId, profileId, member ? 1 : 0);
  }

  schedule(wake: Wake): void {
    const seq = this.nextWakeSeq();
    const keyed = wake.kind !== 'enrollment';
    const key = keyed ? wakeKey(wake) : '';
    this.insertWake(keyed ? key : undefined, seq, wake);
    const upcoming = this.upcoming;
    if (!upcoming) return;
    // Keep the read-ahead exact: a replaced wake-up leaves it; a new one joins it when it
    // falls within the range read (which is everything, once the table was read to its end).
    if (keyed) {
      const old = upcoming.findIndex((p) => p.key === key);
      if (old >= 0) upcoming.splice(old, 1);
    }
    const last = upcoming[upcoming.length - 1];
    if (this.upcomingComplete || (last !== undefined && runsBefore(wake, seq, last))) {
      let i = upcoming.length;
      while (i > 0 && runsBefore(wake, seq, upcoming[i - 1] as PendingWake)) i--;
      upcoming.splice(i, 0, { key, seq, wake });
    }
  }

  nextWake(): PendingWake | undefined {
    if (!this.upcoming || (this.upcoming.length === 0 && !this.upcomingComplete)) {
      const rows = this.readWakes(WAKE_READ_AHEAD);
      this.upcoming = rows.map((r) => ({
        key: r.key ?? '',
        seq: r.seq,
        wake: JSON.parse(r.wake) as Wake,
      }));
      this.upcomingComplete = rows.length < WAKE_READ_AHEAD;
    }
    return this.upcoming[0];
  }

  takeWake(pending: PendingWake): boolean {
    const { wake } = pending;
    const taken =
      this.sql.takeWake.run(wake.at, wake.priority ?? DEFAULT_PRIORITY, wake.journeyId, pending.seq)
        .changes > 0;
    const upcoming = this.upcoming;
    if (upcoming) {
      const i = upcoming.findIndex((p) => p.seq === pending.seq);
      if (i >= 0) upcoming.splice(i, 1);
    }
    return taken;
  }

  // ---------------------------------------------------------------- messages

  addMessage(message: OutboxMessage): void {
    this.sql.addMessage.run(
      message.key,
      message.journeyId,
      message.version,
      message.nodeId,
      message.enrollmentId,
      message.profileId,
      message.channel,
      message.to,
      message.at,
      JSON.stringify(message.content),
      message.at,
      message.transactional === true ? 1 : 0,
    );
  }

  sentCount(journeyId: string, profileId: string, since: number): number {
    return (this.sql.sentCount.get(journeyId, profileId, since) as { n: number }).n;
  }

  sendingPolicy(): SendingPolicy {
    this.policy ??= savedSendingPolicy(
      (this.sql.policy.get(SENDING_POLICY_KEY) as { value: string } | undefined)?.value,
    );
    return this.policy;
  }

  policySends(profileId: string, channel: Channel, since: number): readonly PolicySend[] {
    return this.sql.policySends.all(profileId, channel, since) as PolicySend[];
  }

  isSuppressed(channel: Channel, address: string): boolean {
    return this.sql.isSuppressed.get(suppressionEntry(channel, address)) !== undefined;
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

  suppress(channel: Channel, address: string): void {
    this.sql.suppress.run(suppressionEntry(channel, address), 'complaint', this.now());
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
    // A unit's steps concern one profile at one instant: one row for each such run of steps.
    let from = 0;
    while (from < records.length) {
      const first = records[from] as StepRecord;
      let to = from + 1;
      while (
        to < records.length &&
        (records[to] as StepRecord).profileId === first.profileId &&
        (records[to] as StepRecord).at === first.at
      )
        to++;
      // One native stringify for the run: cheaper than shaping each record first, for the
      // price of repeating its time and profile in every step.
      this.sql.journal.run(
        first.at,
        first.profileId,
        JSON.stringify(from === 0 && to === records.length ? records : records.slice(from, to)),
      );
      from = to;
    }
  }

  recordFailure(source: 'input' | 'wake', payload: unknown, error: string, at: number): void {
    this.sql.failure.run(at, source, JSON.stringify(payload), error);
  }
}
