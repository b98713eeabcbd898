import { isChannel, type Channel } from '../../core/channels/registry';
import type { ChannelView } from './channel-view';
import { emailView } from './email.view';
import { pushView } from './push.view';
import { smsView } from './sms.view';
import { webhookView } from './webhook.view';

/**
 * One view per channel; a new channel in core does not compile until it has one here. Read
 * through getters: a view's composer reaches the store and the node registry, which come back
 * here, so whichever module loads first, the views are looked up only once all have loaded.
 */
export const CHANNEL_VIEWS = {
  get email() {
    return emailView;
  },
  get sms() {
    return smsView;
  },
  get push() {
    return pushView;
  },
  get webhook() {
    return webhookView;
  },
} as const satisfies Record<Channel, ChannelView>;

export function channelView(channel: string): ChannelView | undefined {
  return isChannel(channel) ? CHANNEL_VIEWS[channel] : undefined;
}
