import { CHANNEL_VIEWS } from '../channels/registry';
import { MessagePreview } from '../inspector/MessagePreview';
import { MailIcon } from './icons';
import type { NodeView } from './node-view';

export const messageView: NodeView = {
  Icon: MailIcon,
  variantLabel: 'Channel',
  // Each channel's view says what a message on it starts as.
  variantDefaults: Object.fromEntries(
    Object.entries(CHANNEL_VIEWS).map(([channel, view]) => [channel, { ...view.defaults }]),
  ),
  InspectorExtra: MessagePreview,
};
