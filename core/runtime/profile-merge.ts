import type { EnrollmentMoves } from './enrollment-moves';
import type { ProfileAccess } from './profile-access';
import type { EngineStore } from './ports';

/**
 * How many merged ids a profile keeps (DESIGN §8). A person has a few browsers and devices and
 * clears cookies now and then: a few dozen ids over years. A profile that collects more is a
 * shared device, or a sender that names one user with a fresh anonymous id on every call; without
 * a bound its list of ids would grow with every request. Past it, anonymous profiles are still
 * merged whole (events, attributes, enrollments); only the oldest id is forgotten, so an event
 * naming that id alone makes a new anonymous profile again.
 */
export const MAX_MERGED_IDS = 50;

/** Links followed from an id to the profile it stands for; chains are one or two long. */
const MAX_ALIAS_HOPS = 8;

/** What merging needs of the interpreter. */
export interface MergeContext {
  store: EngineStore;
  profiles: ProfileAccess;
  moves: EnrollmentMoves;
}

/**
 * The profile an id stands for: itself when it has a profile (or never had one merged away),
 * else the known profile it was merged into.
 */
export function resolveProfileId(store: EngineStore, id: string): string {
  let current = id;
  for (let hop = 0; hop < MAX_ALIAS_HOPS; hop++) {
    if (store.getProfile(current)) return current;
    const next = store.profileIdOf(current);
    if (next === current) return current;
    current = next;
  }
  return current;
}

/**
 * Merges the anonymous profile `anonymousId` into the known profile `knownId` at `now` (DESIGN
 * §8): the known profile takes the attributes it lacks, the events, and the enrollments — an
 * enrollment in a journey the known profile is already in ends as `merged` rather than go on
 * twice. Idempotent: an id merged already (into this profile or, first, into another) is left
 * as it is. Returns whether anything was merged.
 */
export function mergeProfiles(
  context: MergeContext,
  anonymousId: string,
  knownId: string,
  now: number,
): boolean {
  const { store, profiles, moves } = context;
  if (anonymousId === knownId) return false;
  const anonymous = store.getProfile(anonymousId);
  // An id without a profile was merged already, or never seen: then it only names the person.
  if (!anonymous && store.profileIdOf(anonymousId) !== anonymousId) return false;
  const known = profiles.get(knownId);
  if (anonymous) {
    const missing: Record<string, unknown> = {};
    let any = false;
    for (const [key, value] of Object.entries(anonymous.attributes)) {
      if (key === 'id' || Object.hasOwn(known.attributes, key)) continue;
      missing[key] = value;
      any = true;
    }
    if (any) profiles.change(knownId, { set: missing });
    const inJourney = new Set<string>();
    for (const e of store.enrollmentsOf(knownId))
      if (e.status === 'active') inJourney.add(e.journeyId);
    for (const e of [...store.enrollmentsOf(anonymousId)]) {
      if (e.status === 'active' && inJourney.has(e.journeyId)) moves.end(e, 'merged', now);
    }
  }
  store.mergeProfile(anonymousId, knownId, now);
  profiles.changed.delete(anonymousId);
  profiles.changed.add(knownId);
  return true;
}
