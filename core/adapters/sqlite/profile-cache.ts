import type { JourneyEvent, StoredEvent } from '../../model/event';
import type { Profile } from '../../model/profile';
import type { EngineStatements, EventRow } from './engine-statements';

/**
 * The profiles, their events and their segment memberships read during a transaction, kept
 * until it ends (see `SqliteEngineStore`). Profiles are written when a unit ends, once however
 * often they changed; events and memberships at once.
 */
export class ProfileCache {
  private readonly profiles = new Map<string, Profile | null>();
  private readonly dirty = new Set<string>();
  private readonly events = new Map<string, StoredEvent[]>();
  private readonly membership = new Map<string, boolean | undefined>();

  constructor(
    private readonly sql: EngineStatements,
    private readonly now: () => number,
  ) {}

  get(id: string): Profile | undefined {
    const cached = this.profiles.get(id);
    if (cached !== undefined) return cached ?? undefined;
    const row = this.sql.getProfile.get(id) as { attributes: string } | undefined;
    const profile = row
      ? { id, attributes: JSON.parse(row.attributes) as Profile['attributes'] }
      : null;
    this.profiles.set(id, profile);
    return profile ?? undefined;
  }

  put(profile: Profile): void {
    this.profiles.set(profile.id, profile);
    this.dirty.add(profile.id);
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

  getMembership(journeyId: string, profileId: string): boolean | undefined {
    const key = `${journeyId}\u0000${profileId}`;
    if (this.membership.has(key)) return this.membership.get(key);
    const row = this.sql.getMember.get(journeyId, profileId) as { member: number } | undefined;
    const member = row ? row.member === 1 : undefined;
    this.membership.set(key, member);
    return member;
  }

  setMembership(journeyId: string, profileId: string, member: boolean): void {
    this.membership.set(`${journeyId}\u0000${profileId}`, member);
    this.sql.setMember.run(journeyId, profileId, member ? 1 : 0);
  }

  /** `from` was merged into `into` in the database: what was read of either is read again. */
  merged(from: string, into: string): void {
    this.profiles.set(from, null);
    this.events.delete(from);
    this.events.delete(into);
    for (const key of this.membership.keys())
      if (key.endsWith(`\u0000${from}`)) this.membership.delete(key);
  }

  /** Writes the profiles changed in memory. */
  flush(): void {
    if (this.dirty.size === 0) return;
    const at = this.now();
    for (const id of this.dirty) {
      const profile = this.profiles.get(id);
      if (profile) this.sql.putProfile.run(id, JSON.stringify(profile.attributes), at);
    }
    this.dirty.clear();
  }

  clear(): void {
    this.profiles.clear();
    this.dirty.clear();
    this.events.clear();
    this.membership.clear();
  }
}
