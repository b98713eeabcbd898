import type { ChannelDefinition, PersonReach } from '../channels/channel-definition';
import { channelDefinition, type Channel } from '../channels/registry';
import { isYes } from '../model/profile';
import type { SkipFacts, SkipReason } from './step';

/** The address a person reach would use in these attributes, or undefined with nothing usable. */
export function addressIn(
  person: PersonReach,
  attributes: Readonly<Record<string, unknown>>,
): string | undefined {
  const raw = attributes[person.addressAttribute];
  if (typeof raw !== 'string' && typeof raw !== 'number') return undefined;
  const address = String(raw).trim();
  if (address === '') return undefined;
  if (person.accepts && !person.accepts(address)) return undefined;
  return address;
}

/**
 * The address a channel would use for a profile, or undefined with nothing usable — and for a
 * channel that reaches systems, whose address is in the message (a webhook's URL).
 */
export function addressFor(
  channel: Channel,
  attributes: Readonly<Record<string, unknown>>,
): string | undefined {
  const person = channelDefinition(channel).person;
  return person && addressIn(person, attributes);
}

/** Why a message may not go to a person now: in English words, and as facts. */
export interface ConsentBlock {
  reason: SkipReason;
  detail: string;
  facts: SkipFacts;
}

/**
 * Whether a message may go to a person now, as the consent rules of DESIGN.md §2 say: the
 * address to send to, or the reason to skip. A channel that reaches systems (webhooks) is never
 * skipped for consent (its address is in the rendered message: `''` here).
 */
export function checkConsent(
  channel: ChannelDefinition,
  attributes: Readonly<Record<string, unknown>>,
  suppression: { isSuppressed(channel: string, address: string): boolean },
): string | ConsentBlock {
  const person = channel.person;
  if (!person) return '';
  const unsubscribed = isYes(attributes.unsubscribed);
  if (unsubscribed || person.optedOut(attributes)) {
    return unsubscribed
      ? {
          reason: 'unsubscribed',
          detail: 'unsubscribed from all messages',
          facts: { code: 'unsubscribed-all' },
        }
      : {
          reason: 'unsubscribed',
          detail: `opted out of ${channel.channel}`,
          facts: { code: 'opted-out', channel: channel.channel },
        };
  }
  const address = addressIn(person, attributes);
  if (!address) {
    const attribute = person.addressAttribute;
    const raw = attributes[attribute];
    if (raw === undefined || raw === '')
      return {
        reason: 'no_address',
        detail: `no ${attribute}`,
        facts: { code: 'no-address', attribute },
      };
    const value = String(JSON.stringify(raw));
    return {
      reason: 'no_address',
      detail: `${attribute} ${value} is not usable`,
      facts: { code: 'address-unusable', attribute, value },
    };
  }
  if (suppression.isSuppressed(channel.channel, address))
    return {
      reason: 'suppressed',
      detail: `${address} is on the suppression list`,
      facts: { code: 'suppressed', address },
    };
  return address;
}

/** The reason to skip a message to a person now, or undefined when it may be sent. */
export function consentBlock(
  channel: Channel,
  attributes: Readonly<Record<string, unknown>>,
  isSuppressed: (channel: Channel, address: string) => boolean,
): ConsentBlock | undefined {
  // The definition's name is the channel asked about.
  const suppression = { isSuppressed: isSuppressed as (name: string, address: string) => boolean };
  const result = checkConsent(channelDefinition(channel), attributes, suppression);
  return typeof result === 'string' ? undefined : result;
}
