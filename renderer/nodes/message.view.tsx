import { CHANNEL_VIEWS, channelView } from '../channels/registry';
import { MessageExtras } from '../inspector/MessageExtras';
import { MailIcon } from './icons';
import type { NodeView } from './node-view';

export const messageView: NodeView = {
  Icon: MailIcon,
  variantLabel: 'Channel',
  // Each channel's view says what a message on it starts as. Read when asked: the channel views
  // reach the node registry through their composers, so they may not be loaded yet here.
  get variantDefaults() {
    return Object.fromEntries(
      Object.entries(CHANNEL_VIEWS).map(([channel, view]) => [channel, { ...view.defaults }]),
    );
  },
  hiddenFields: (config) =>
    channelView(typeof config.channel === 'string' ? config.channel : '')?.hiddenFields?.(config) ??
    [],
  InspectorExtra: MessageExtras,
};
