import type { Channel, SkipReason } from './step';

/** The attribute holding a profile's address for each channel that reaches a person. */
export const ADDRESS_ATTRIBUTE: Record<Exclude<Channel, 'webhook'>, string> = {
  email: 'email',
  sms: 'phone',
  push: 'push_token',
};

/** Per-channel opt-outs, besides `unsubscribed`, which covers every channel. */
export const OPT_OUT_ATTRIBUTE: Record<Exclude<Channel, 'webhook'>, string> = {
  email: 'email_opt_out',
  sms: 'sms_opt_out',
  push: 'push_opt_out',
};

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/** Reads yes/no values as imported files write them: true, "true", "yes", 1, "1". */
export function isYes(value: unknown): boolean {
  if (value === true || value === 1) return true;
  if (typeof value !== 'string') return false;
  return ['true', 'yes', 'y', '1'].includes(value.trim().toLowerCase());
}

export function isEmailAddress(value: string): boolean {
  return EMAIL.test(value);
}

/** The address a channel would use, or undefined with nothing usable. */
export function addressFor(
  channel: Exclude<Channel, 'webhook'>,
  attributes: Readonly<Record<string, unknown>>,
): string | undefined {
  const raw = attributes[ADDRESS_ATTRIBUTE[channel]];
  if (typeof raw !== 'string' && typeof raw !== 'number') return undefined;
  const address = String(raw).trim();
  if (address === '') return undefined;
  if (channel === 'email' && !isEmailAddress(address)) return undefined;
  return address;
}

/** Whether the profile has opted out of the channel (or of everything). */
export function hasOptedOut(
  channel: Exclude<Channel, 'webhook'>,
  attributes: Readonly<Record<string, unknown>>,
): boolean {
  if (isYes(attributes.unsubscribed)) return true;
  // Constant property names keep these reads fast on the hot path of every message.
  switch (channel) {
    case 'email':
      return isYes(attributes.email_opt_out);
    case 'sms':
      return isYes(attributes.sms_opt_out);
    case 'push':
      return isYes(attributes.push_opt_out);
  }
}

/** Why a message may not go to a person now. */
export interface ConsentBlock {
  reason: SkipReason;
  detail: string;
}

/**
 * Whether a message may go to a person now, as the consent rules of DESIGN.md §2 say: the
 * address to send to, or the reason to skip. Webhooks reach systems, not people, and are never
 * skipped for consent (their address is their URL, known only once rendered: `''` here).
 */
export function checkConsent(
  channel: Channel,
  attributes: Readonly<Record<string, unknown>>,
  suppression: { isSuppressed(channel: Channel, address: string): boolean },
): string | ConsentBlock {
  if (channel === 'webhook') return '';
  if (hasOptedOut(channel, attributes)) {
    return {
      reason: 'unsubscribed',
      detail: isYes(attributes.unsubscribed)
        ? 'unsubscribed from all messages'
        : `opted out of ${channel}`,
    };
  }
  const address = addressFor(channel, attributes);
  if (!address) {
    const attr = ADDRESS_ATTRIBUTE[channel];
    const raw = attributes[attr];
    return {
      reason: 'no_address',
      detail:
        raw === undefined || raw === ''
          ? `no ${attr}`
          : `${attr} ${JSON.stringify(raw)} is not usable`,
    };
  }
  if (suppression.isSuppressed(channel, address))
    return { reason: 'suppressed', detail: `${address} is on the suppression list` };
  return address;
}

/** The reason to skip a message to a person now, or undefined when it may be sent. */
export function consentBlock(
  channel: Channel,
  attributes: Readonly<Record<string, unknown>>,
  isSuppressed: (channel: Channel, address: string) => boolean,
): ConsentBlock | undefined {
  const result = checkConsent(channel, attributes, { isSuppressed });
  return typeof result === 'string' ? undefined : result;
}
