import type { JourneyEvent, StoredEvent } from '../model/event';
import type { Profile } from '../model/profile';
import type { EngineStore, Enrollment, OutboxMessage, Wake } from '../runtime/ports';
import type { Channel } from '../runtime/step';
import { WakeQueue } from './wake-queue';

const NO_EVENTS: readonly StoredEvent[] = [];
const NO_ENROLLMENTS: readonly Enrollment[] = [];

export interface MemoryStoreOptions {
  /** Keep full messages only for these profiles (and the first `keepMessages` of the rest). */
  keepMessagesFor?: ReadonlySet<string>;
  keepMessages?: number;
  /** Addresses on the suppression list, as `channel:address`. */
  suppressed?: Iterable<string>;
}

/** The engine state of a simulation, in memory. */
export class MemoryStore implements EngineStore {
  readonly profiles = new Map<string, Profile>();
  readonly wakes = new WakeQueue();
  /** Messages kept for inspection (see options); all are counted by the observer. */
  readonly messages: OutboxMessage[] = [];
  private readonly events = new Map<string, StoredEvent[]>();
  private readonly enrollments = new Map<string, Enrollment>();
  private readonly enrollmentsByProfile = new Map<string, Enrollment[]>();
  private readonly membership = new Map<string, boolean>();
  private readonly sentTimes = new Map<string, number[]>();
  private readonly suppressed: Set<string>;
  private seq = 0;

  constructor(private readonly options: MemoryStoreOptions = {}) {
    this.suppressed = new Set(options.suppressed ?? []);
  }

  getProfile(id: string): Profile | undefined {
    return this.profiles.get(id);
  }

  putProfile(profile: Profile): void {
    this.profiles.set(profile.id, profile);
  }

  eventsOf(profileId: string): readonly StoredEvent[] {
    return this.events.get(profileId) ?? NO_EVENTS;
  }

  addEvent(event: JourneyEvent): StoredEvent {
    const stored: StoredEvent = { ...event, seq: ++this.seq };
    const list = this.events.get(event.profileId);
    if (list) list.push(stored);
    else this.events.set(event.profileId, [stored]);
    return stored;
  }

  getEnrollment(id: string): Enrollment | undefined {
    return this.enrollments.get(id);
  }

  enrollmentsOf(profileId: string): readonly Enrollment[] {
    return this.enrollmentsByProfile.get(profileId) ?? NO_ENROLLMENTS;
  }

  putEnrollment(enrollment: Enrollment): void {
    const known = this.enrollments.has(enrollment.id);
    this.enrollments.set(enrollment.id, enrollment);
    if (known) return;
    const list = this.enrollmentsByProfile.get(enrollment.profileId);
    if (list) list.push(enrollment);
    else this.enrollmentsByProfile.set(enrollment.profileId, [enrollment]);
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
    const key = `${message.journeyId}\u0000${message.profileId}`;
    const times = this.sentTimes.get(key);
    if (times) times.push(message.at);
    else this.sentTimes.set(key, [message.at]);
    const keep =
      this.options.keepMessagesFor?.has(message.profileId) ||
      this.messages.length < (this.options.keepMessages ?? 0);
    if (keep) this.messages.push(message);
  }

  sentCount(journeyId: string, profileId: string, since: number): number {
    const times = this.sentTimes.get(`${journeyId}\u0000${profileId}`);
    if (!times) return 0;
    let n = 0;
    for (let i = times.length - 1; i >= 0 && (times[i] as number) >= since; i--) n++;
    return n;
  }

  isSuppressed(channel: Channel, address: string): boolean {
    return this.suppressed.size > 0 && this.suppressed.has(`${channel}:${address.toLowerCase()}`);
  }
}
