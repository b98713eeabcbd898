import { CHANNEL_DEFINITIONS } from '../channels/channel-list';
import { channelDefinition, isChannel, type Channel } from '../channels/registry';
import type { StoredEvent } from '../model/event';
import { isYes, type ProfileChange } from '../model/profile';
import { addressIn } from './consent';
import type { EngineStore } from './ports';
import type { ProfileAccess } from './profile-access';
import type { StepRecords } from './step-records';

/**
 * The events that change consent, as email service providers send them (the Segment spec's
 * names): `Unsubscribed` opts the profile out of every message, `Complained` (a spam report)
 * puts the profile's address for the event's `channel` on the suppression list. Real events and
 * a forecast's simulated responses are handled alike.
 */
export const UNSUBSCRIBED_EVENT = 'Unsubscribed';
export const COMPLAINED_EVENT = 'Complained';

/** The first channel that reaches a person (email): what a consent event without `channel` is about. */
const FIRST_PERSON_CHANNEL = CHANNEL_DEFINITIONS.find((d) => d.person)?.channel as Channel;

/** The channel a consent event is about: its `channel` property when it names one, else email. */
export function consentChannel(properties: Readonly<Record<string, unknown>>): Channel {
  const named = properties.channel;
  return typeof named === 'string' && isChannel(named) ? named : FIRST_PERSON_CHANNEL;
}

/** What applying a consent event needs: the profile, the store, and the step records. */
export interface ConsentEventContext {
  readonly store: EngineStore;
  readonly profiles: ProfileAccess;
  readonly records: StepRecords;
}

/**
 * Applies what an event says about consent, before anything else reacts to it: `Unsubscribed`
 * sets the profile's `unsubscribed` to true (an `update` record for each enrollment under way),
 * `Complained` suppresses the profile's address for the event's channel. Other events pass.
 */
export function applyConsentEvent(
  event: StoredEvent,
  { store, profiles, records }: ConsentEventContext,
  now: number,
): void {
  if (event.name === UNSUBSCRIBED_EVENT) {
    if (isYes(profiles.get(event.profileId).attributes.unsubscribed)) return;
    const change: ProfileChange = { set: { unsubscribed: true } };
    profiles.change(event.profileId, change);
    for (const enrollment of store.enrollmentsOf(event.profileId)) {
      if (enrollment.status === 'active')
        records.update(enrollment, enrollment.nodeId, change, now);
    }
  } else if (event.name === COMPLAINED_EVENT) {
    const channel = consentChannel(event.properties);
    const person = channelDefinition(channel).person;
    const address = person && addressIn(person, profiles.get(event.profileId).attributes);
    if (address) store.suppress(channel, address);
  }
}
