import type { SkipReason } from '../../core/runtime/step';
import { channelView } from '../channels/registry';

/** Why a message was not sent, as a marketer would say it; a count goes in front. */
export const SKIP_WORDS: Record<SkipReason, string> = {
  unsubscribed: 'unsubscribed',
  suppressed: 'on the suppression list',
  no_address: 'had no address for this channel',
  capped: 'over the frequency cap',
  policy: 'held back by the sending policy',
  template_error: 'the template could not be rendered',
  late: 'too late to send (the computer was asleep or off)',
};

/** The same, short enough for a badge on the canvas: "53 not sent (no address)". */
export const SKIP_SHORT: Record<SkipReason, string> = {
  unsubscribed: 'unsubscribed',
  suppressed: 'suppressed',
  no_address: 'no address',
  capped: 'capped',
  policy: 'policy',
  template_error: 'template error',
  late: 'too late',
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

export function skipWords(reason: string): string {
  return (SKIP_WORDS as Record<string, string>)[reason] ?? reason.replace(/_/g, ' ');
}

const REFUSAL_WORDS: Record<string, string> = {
  already_active: 'were still in the journey (re-entry waits until they have left)',
  reentry_never: 'had been in it before (the journey lets a profile in only once)',
};

export function refusalWords(reason: string): string {
  return REFUSAL_WORDS[reason] ?? reason.replace(/_/g, ' ');
}

/** A channel's short name, as its tag shows it: "Email", "Push". */
export function channelLabel(channel: string): string {
  return channelView(channel)?.tag ?? channel;
}
