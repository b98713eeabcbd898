import type { Channel } from '../../core/channels/registry';
import { POLICY_CHANNELS, type SendingPolicy } from '../../core/policy/sending-policy';
import { useFormats } from '../i18n/format';
import { useT } from '../i18n/I18nProvider';
import type { MessageId } from '../i18n/messages';
import { windowOf, type WindowUnit } from './policy-form';

/**
 * The words of each channel a policy can limit: its name, and a limit on it ("1 email per 16
 * hours"). Complete by type: a new channel does not compile until it has words here (or `null`,
 * for a channel that reaches a system, which no policy limits).
 */
const CHANNEL_WORDS: Record<Channel, { name: MessageId; limit: MessageId } | null> = {
  email: { name: 'policy.channel.email', limit: 'policy.limit.email' },
  sms: { name: 'policy.channel.sms', limit: 'policy.limit.sms' },
  push: { name: 'policy.channel.push', limit: 'policy.limit.push' },
  webhook: null,
};

const UNIT_WORDS: Record<WindowUnit, { per: MessageId; name: MessageId }> = {
  minutes: { per: 'policy.per.minutes', name: 'policy.unit.minutes' },
  hours: { per: 'policy.per.hours', name: 'policy.unit.hours' },
  days: { per: 'policy.per.days', name: 'policy.unit.days' },
  weeks: { per: 'policy.per.weeks', name: 'policy.unit.weeks' },
};

export interface PolicyWords {
  /** "Email", "SMS", "Push notifications". */
  channel(channel: Channel): string;
  /** "hours", "days": a unit in the window's menu. */
  unit(unit: WindowUnit): string;
  /** "at most 1 email per 16 hours per person, across all journeys", or that nothing is limited. */
  sentence(policy: SendingPolicy): string;
}

/** The sending policy in the user's language. */
export function usePolicyWords(): PolicyWords {
  const t = useT();
  const formats = useFormats();
  return {
    channel: (channel) => {
      const words = CHANNEL_WORDS[channel];
      return words ? t(words.name) : channel;
    },
    unit: (unit) => t(UNIT_WORDS[unit].name),
    sentence(policy) {
      const limits = POLICY_CHANNELS.flatMap((channel) => {
        const limit = policy[channel];
        const words = CHANNEL_WORDS[channel];
        if (!limit || !words) return [];
        const { amount, unit } = windowOf(limit.per);
        return [t(words.limit, { max: limit.max, per: t(UNIT_WORDS[unit].per, { n: amount }) })];
      });
      return limits.length === 0
        ? t('policy.sentence.none')
        : t('policy.sentence', { limits: formats.list(limits) });
    },
  };
}
