import type { ConditionContext } from '../conditions/evaluate';
import { isValidTimeZone } from '../model/local-time';
import {
  applyProfileChange,
  makeProfile,
  type Profile,
  type ProfileChange,
} from '../model/profile';
import type { CompiledJourney } from './compiled-journey';
import type { EngineStore, Enrollment } from './ports';

/**
 * The profiles a unit of work reads and changes: looked up (created on first sight), their time
 * zone, what conditions see of them, and which of them changed, so segment and date triggers can
 * look at them again before the unit of work ends.
 */
export class ProfileAccess {
  /** Profiles changed by update nodes or identify during the current unit of work. */
  readonly changed = new Set<string>();
  private lastZoneProfile: Profile | undefined;
  private lastZoneJourney: CompiledJourney | undefined;
  private lastZone = 'UTC';

  constructor(private readonly store: EngineStore) {}

  /** The stored profile, or a new empty one (stored) for an id seen for the first time. */
  get(id: string): Profile {
    let profile = this.store.getProfile(id);
    if (!profile) {
      profile = makeProfile(id);
      this.store.putProfile(profile);
    }
    return profile;
  }

  /** Applies a change, stores the result and notes the profile as changed. */
  change(profileId: string, change: ProfileChange): Profile {
    const updated = applyProfileChange(this.get(profileId), change);
    this.store.putProfile(updated);
    this.changed.add(profileId);
    return updated;
  }

  /** The profile's time zone: its `timezone` attribute when valid, else the journey's. */
  zoneOf(profile: Profile, journey: CompiledJourney): string {
    // Consecutive steps mostly concern the same profile and journey.
    if (profile === this.lastZoneProfile && journey === this.lastZoneJourney) return this.lastZone;
    const attribute = profile.attributes.timezone;
    this.lastZone =
      typeof attribute === 'string' && isValidTimeZone(attribute)
        ? attribute
        : journey.settings.timezone;
    this.lastZoneProfile = profile;
    this.lastZoneJourney = journey;
    return this.lastZone;
  }

  /** What a condition sees: attributes, events so far, and the enrollment's entry. */
  conditionContext(
    profile: Profile,
    zone: string,
    now: number,
    enrollment?: Enrollment,
  ): ConditionContext {
    return {
      attributes: profile.attributes,
      events: this.store.eventsOf(profile.id),
      now,
      zone,
      entryAt: enrollment?.enteredAt,
      triggerSeq: enrollment?.trigger?.seq,
    };
  }
}
