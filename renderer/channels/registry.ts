import { isChannel, type Channel } from '../../core/channels/registry';
import type { ChannelView } from './channel-view';
import { emailView } from './email.view';
import { pushView } from './push.view';
import { smsView } from './sms.view';
import { webhookView } from './webhook.view';

/** One view per channel; a new channel in core does not compile until it has one here. */
export const CHANNEL_VIEWS = {
  email: emailView,
  sms: smsView,
  push: pushView,
  webhook: webhookView,
} as const satisfies Record<Channel, ChannelView>;

export function channelView(channel: string): ChannelView | undefined {
  return isChannel(channel) ? CHANNEL_VIEWS[channel] : undefined;
}
