import { winnerKey, type SplitTest, type WinnerDecision } from '../forecast/auto-winner';
import type { JourneyEvent, StoredEvent } from '../model/event';
import type { Profile } from '../model/profile';
import type { PolicySend } from '../policy/policy-decision';
import { limitsAnything, NO_POLICY, type SendingPolicy } from '../policy/sending-policy';
import type { EngineStore, Enrollment, OutboxMessage, Wake } from '../runtime/ports';
import type { Channel } from '../runtime/step';
import { WakeQueue, type WakeQueueState } from './wake-queue';

const NO_EVENTS: readonly StoredEvent[] = [];
const NO_ENROLLMENTS: readonly Enrollment[] = [];
const NO_SENDS: readonly PolicySend[] = [];

export interface MemoryStoreOptions {
  /** Keep full messages only for these profiles (and the first `keepMessages` of the rest). */
  keepMessagesFor?: ReadonlySet<string>;
  keepMessages?: number;
  /** Addresses on the suppression list, as `channel:address`. */
  suppressed?: Iterable<string>;
  /**
   * Keep history only of events some journey reads (conditions, goals, waits); by default all.
   * In a typical export most events are page views no journey looks at.
   */
  keepEvent?: (name: string) => boolean;
  /** Count sent messages per profile, for frequency caps; on by default. */
  countSends?: boolean;
  /** The library's sending policy (DESIGN §8); none by default. */
  policy?: SendingPolicy;
  /**
   * Automatic winners, decided by the simulation's driver, by `winnerKey(journey, node)`: one map
   * per forecast run (run 0 first), or one for every run.
   */
  winners?: ReadonlyMap<string, WinnerDecision> | readonly ReadonlyMap<string, WinnerDecision>[];
}

/**
 * Clears a map that holds anything. Clearing gives a map a new table even when it is empty,
 * which cost several hundred nanoseconds a time, and the simulator clears once per profile.
 */
function emptyOut(map: Map<unknown, unknown> | Set<unknown>): void {
  if (map.size > 0) map.clear();
}

/** Everything held about one profile, so a unit of work finds it with one lookup. */
interface Slot {
  profile: Profile | undefined;
  events: StoredEvent[] | undefined;
  enrollments: Enrollment[] | undefined;
  /** Send times per journey, for frequency caps. */
  sent: Map<string, number[]> | undefined;
  /** Messages the sending policy counts, per channel, oldest first (only under a policy). */
  policySends: Map<Channel, PolicySend[]> | undefined;
}

/**
 * The state of the profile being simulated at one moment, to come back to: a forecast's runs
 * share the steps before a profile's first response. Lists only ever grow while a profile runs,
 * so their length marks the moment; enrollments change in place, so they are copied.
 */
export interface StoreSnapshot {
  readonly slots: readonly {
    id: string;
    profile: Profile | undefined;
    events: StoredEvent[] | undefined;
    eventCount: number;
    enrollments: readonly Enrollment[];
    sent: readonly [string, number[], number][];
    policySends: readonly [Channel, PolicySend[], number][];
  }[];
  readonly membership: ReadonlyMap<string, boolean>;
  readonly suppressed: readonly string[];
  readonly wakes: WakeQueueState;
  readonly seq: number;
  readonly profiles: number;
}

/** A copy of an enrollment that later changes of either leave the other alone. */
function copyEnrollment(e: Enrollment): Enrollment {
  // Every field written out: a spread copy of an object grown field by field is slow.
  return {
    id: e.id,
    journeyId: e.journeyId,
    version: e.version,
    profileId: e.profileId,
    entry: e.entry,
    enteredAt: e.enteredAt,
    via: e.via,
    trigger: e.trigger,
    status: e.status,
    nodeId: e.nodeId,
    visits: e.visits,
    wait: e.wait,
    variants: e.variants && { ...e.variants },
    assignments: e.assignments?.slice(),
    sent: e.sent,
    convertedAt: e.convertedAt,
    endedAt: e.endedAt,
  };
}

/** The engine state of a simulation, in memory. */
export class MemoryStore implements EngineStore {
  readonly wakes = new WakeQueue();
  /** Messages kept for inspection (see options); all are counted by the observer. */
  readonly messages: OutboxMessage[] = [];
  /** Whether messages are kept at all now: a forecast keeps only its first run's. */
  keepsMessages = true;
  private readonly slots = new Map<string, Slot>();
  private readonly enrollments = new Map<string, Enrollment>();
  private readonly membership = new Map<string, boolean>();
  private readonly suppressed: Set<string>;
  /** Addresses suppressed while the current profile ran (complaints): forgotten with it. */
  private readonly suppressedNow = new Set<string>();
  private profiles = 0;
  private seq = 0;
  private lastId: string | undefined;
  private lastSlot: Slot | undefined;
  /** Winners already recorded: each once per simulation, though the store is cleared per profile. */
  /** Per forecast run, the winners announced already (each is recorded once per run). */
  private readonly announcedByRun: Set<string>[] = [];
  private announced = new Set<string>();
  private winners: ReadonlyMap<string, WinnerDecision> | undefined;
  private readonly winnersByRun: readonly ReadonlyMap<string, WinnerDecision>[];

  /** The sending policy, and whether it limits anything (else sends are not kept for it). */
  private readonly policy: SendingPolicy;
  private readonly countsForPolicy: boolean;

  constructor(private readonly options: MemoryStoreOptions = {}) {
    this.suppressed = new Set(options.suppressed ?? []);
    this.policy = options.policy ?? NO_POLICY;
    this.countsForPolicy = limitsAnything(this.policy);
    const { winners } = options;
    this.winnersByRun = winners === undefined ? [] : Array.isArray(winners) ? winners : [winners];
    this.selectRun(0);
  }

  /** Forgets everything but the kept messages: the simulator runs one profile at a time. */
  clear(): void {
    emptyOut(this.slots);
    emptyOut(this.enrollments);
    emptyOut(this.membership);
    emptyOut(this.suppressedNow);
    this.wakes.clear();
    this.profiles = 0;
    this.lastId = undefined;
    this.lastSlot = undefined;
  }

  /** The state now (see `StoreSnapshot`); kept messages are not part of it. */
  snapshot(): StoreSnapshot {
    const slots: StoreSnapshot['slots'][number][] = [];
    for (const [id, slot] of this.slots) {
      slots.push({
        id,
        profile: slot.profile,
        events: slot.events,
        eventCount: slot.events?.length ?? 0,
        enrollments: slot.enrollments?.map(copyEnrollment) ?? [],
        sent: slot.sent ? [...slot.sent].map(([j, times]) => [j, times, times.length]) : [],
        policySends: slot.policySends
          ? [...slot.policySends].map(([c, sends]) => [c, sends, sends.length])
          : [],
      });
    }
    return {
      slots,
      membership: new Map(this.membership),
      suppressed: [...this.suppressedNow],
      wakes: this.wakes.snapshot(),
      seq: this.seq,
      profiles: this.profiles,
    };
  }

  /** Goes back to a snapshot of the profile now being simulated, in a fresh copy. */
  restore(snapshot: StoreSnapshot): void {
    this.clear();
    for (const saved of snapshot.slots) {
      const enrollments = saved.enrollments.map(copyEnrollment);
      for (const enrollment of enrollments) this.enrollments.set(enrollment.id, enrollment);
      this.slots.set(saved.id, {
        profile: saved.profile,
        events: saved.events?.slice(0, saved.eventCount),
        enrollments: enrollments.length > 0 ? enrollments : undefined,
        sent:
          saved.sent.length > 0
            ? new Map(saved.sent.map(([j, times, n]) => [j, times.slice(0, n)]))
            : undefined,
        policySends:
          saved.policySends.length > 0
            ? new Map(saved.policySends.map(([c, sends, n]) => [c, sends.slice(0, n)]))
            : undefined,
      });
    }
    for (const [key, member] of snapshot.membership) this.membership.set(key, member);
    for (const entry of snapshot.suppressed) this.suppressedNow.add(entry);
    this.wakes.restore(snapshot.wakes);
    this.seq = snapshot.seq;
    this.profiles = snapshot.profiles;
  }

  /** Consecutive calls mostly concern the same profile: remember the last one. */
  private slot(id: string): Slot {
    if (id === this.lastId && this.lastSlot) return this.lastSlot;
    let slot = this.slots.get(id);
    if (!slot) {
      slot = {
        profile: undefined,
        events: undefined,
        enrollments: undefined,
        sent: undefined,
        policySends: undefined,
      };
      this.slots.set(id, slot);
    }
    this.lastId = id;
    this.lastSlot = slot;
    return slot;
  }

  get profileCount(): number {
    return this.profiles;
  }

  /** Ids of every profile, in the order they became known. */
  *profileIds(): IterableIterator<string> {
    for (const [id, slot] of this.slots) if (slot.profile) yield id;
  }

  getProfile(id: string): Profile | undefined {
    return this.slot(id).profile;
  }

  putProfile(profile: Profile): void {
    const slot = this.slot(profile.id);
    if (!slot.profile) this.profiles++;
    slot.profile = profile;
  }

  eventsOf(profileId: string): readonly StoredEvent[] {
    return this.slot(profileId).events ?? NO_EVENTS;
  }

  addEvent(event: JourneyEvent): StoredEvent {
    const seq = ++this.seq;
    const { profileId, name, time, properties, messageId } = event;
    const stored: StoredEvent =
      messageId === undefined
        ? { profileId, name, time, properties, seq }
        : { profileId, name, time, properties, seq, messageId };
    if (this.options.keepEvent && !this.options.keepEvent(event.name)) return stored;
    const slot = this.slot(event.profileId);
    if (slot.events) slot.events.push(stored);
    else slot.events = [stored];
    return stored;
  }

  getEnrollment(id: string): Enrollment | undefined {
    return this.enrollments.get(id);
  }

  enrollmentsOf(profileId: string): readonly Enrollment[] {
    return this.slot(profileId).enrollments ?? NO_ENROLLMENTS;
  }

  putEnrollment(enrollment: Enrollment): void {
    // Enrollments are changed in place; only a new one needs registering.
    const slot = this.slot(enrollment.profileId);
    if (!slot.enrollments) slot.enrollments = [enrollment];
    else if (!slot.enrollments.includes(enrollment)) slot.enrollments.push(enrollment);
    else return;
    this.enrollments.set(enrollment.id, enrollment);
  }

  allEnrollments(): IterableIterator<Enrollment> {
    return this.enrollments.values();
  }

  getSegmentMembership(journeyId: string, profileId: string): boolean | undefined {
    return this.membership.get(`${journeyId}\u0000${profileId}`);
  }

  setSegmentMembership(journeyId: string, profileId: string, member: boolean): void {
    this.membership.set(`${journeyId}\u0000${profileId}`, member);
  }

  schedule(wake: Wake): void {
    this.wakes.schedule(wake);
  }

  addMessage(message: OutboxMessage): void {
    if (this.options.countSends !== false) {
      const slot = this.slot(message.profileId);
      const sent = (slot.sent ??= new Map<string, number[]>());
      const times = sent.get(message.journeyId);
      if (times) times.push(message.at);
      else sent.set(message.journeyId, [message.at]);
    }
    if (this.countsForPolicy && message.transactional !== true) {
      const slot = this.slot(message.profileId);
      const byChannel = (slot.policySends ??= new Map<Channel, PolicySend[]>());
      const send = { journeyId: message.journeyId, at: message.at };
      const sends = byChannel.get(message.channel);
      if (sends) sends.push(send);
      else byChannel.set(message.channel, [send]);
    }
    const keep =
      this.keepsMessages &&
      (this.options.keepMessagesFor?.has(message.profileId) ||
        this.messages.length < (this.options.keepMessages ?? 0));
    if (keep) this.messages.push(message);
  }

  sentCount(journeyId: string, profileId: string, since: number): number {
    const times = this.slot(profileId).sent?.get(journeyId);
    if (!times) return 0;
    let n = 0;
    for (let i = times.length - 1; i >= 0 && (times[i] as number) >= since; i--) n++;
    return n;
  }

  sendingPolicy(): SendingPolicy {
    return this.policy;
  }

  policySends(profileId: string, channel: Channel, since: number): readonly PolicySend[] {
    const sends = this.slot(profileId).policySends?.get(channel);
    if (!sends) return NO_SENDS;
    let from = sends.length;
    while (from > 0 && (sends[from - 1] as PolicySend).at >= since) from--;
    return from === 0 ? sends : sends.slice(from);
  }

  isSuppressed(channel: Channel, address: string): boolean {
    if (this.suppressed.size === 0 && this.suppressedNow.size === 0) return false;
    const entry = `${channel}:${address.toLowerCase()}`;
    return this.suppressed.has(entry) || this.suppressedNow.has(entry);
  }

  /**
   * Suppresses an address for the rest of the current profile's run. The simulator runs one
   * profile at a time, so a complaint cannot reach another profile that shares the address.
   */
  suppress(channel: Channel, address: string): void {
    this.suppressedNow.add(`${channel}:${address.toLowerCase()}`);
  }

  /** Switches to a forecast run's automatic winners. */
  selectRun(run: number): void {
    this.announced = this.announcedByRun[run] ??= new Set<string>();
    this.winners = this.winnersByRun[run] ?? this.winnersByRun[0];
  }

  // A simulation counts assignments and their conversions from the step records.
  keepAssignment(): void {}

  keepAssignmentConversion(): void {}

  splitWinner(
    test: SplitTest,
    now: number,
  ): { decision: WinnerDecision; fresh: boolean } | undefined {
    const winners = this.winners;
    if (!winners || winners.size === 0) return undefined;
    const key = winnerKey(test.journeyId, test.nodeId);
    const decision = winners.get(key);
    if (!decision || decision.at > now) return undefined;
    const fresh = !this.announced.has(key);
    this.announced.add(key);
    return { decision, fresh };
  }
}
