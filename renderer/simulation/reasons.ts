import type { SkipReason } from '../../core/runtime/step';
import { channelView } from '../channels/registry';
import type { Translate } from '../i18n/I18nProvider';
import type { MessageId } from '../i18n/messages';

/** Why a message was not sent, as a marketer would say it; a count goes in front. */
const SKIP_WORDS: Record<SkipReason, MessageId> = {
  unsubscribed: 'sim.skipWhy.unsubscribed',
  suppressed: 'sim.skipWhy.suppressed',
  no_address: 'sim.skipWhy.noAddress',
  capped: 'sim.skipWhy.capped',
  policy: 'sim.skipWhy.policy',
  template_error: 'sim.skipWhy.templateError',
  late: 'sim.skipWhy.late',
};

/** Skip reasons in the order the views list them: consent first, then the journey's own rules. */
export const SKIP_ORDER: readonly SkipReason[] = [
  'unsubscribed',
  'suppressed',
  'no_address',
  'capped',
  'late',
  'policy',
  'template_error',
];

/** A skip reason in words; a reason this version does not know reads as its code. */
export function skipWords(t: Translate, reason: string): string {
  const id = (SKIP_WORDS as Record<string, MessageId | undefined>)[reason];
  return id ? t(id) : reason.replace(/_/g, ' ');
}

const REFUSAL_WORDS: Record<string, MessageId> = {
  already_active: 'sim.refused.alreadyActive',
  reentry_never: 'sim.refused.reentryNever',
};

/** Why profiles were not let in, as a sentence with their count. */
export function refusalWords(t: Translate, reason: string, n: number): string {
  const id = REFUSAL_WORDS[reason];
  return id ? t(id, { n }) : t('sim.refused.other', { n, reason: reason.replace(/_/g, ' ') });
}

/** A channel's short name in the language, as its card says it: "E-post", "Push". */
export function channelLabel(t: Translate, channel: string): string {
  const view = channelView(channel);
  return view?.name?.(t) ?? view?.tag ?? channel;
}
