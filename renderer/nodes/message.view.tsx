import { channelDefinition, type MessageConfig } from '../../core/channels/registry';
import { CHANNEL_VIEWS, channelView } from '../channels/registry';
import type { Translate } from '../i18n/I18nProvider';
import { MessageExtras } from '../inspector/MessageExtras';
import { MailIcon } from './icons';
import type { NodeView } from './node-view';

function summary(config: MessageConfig, t: Translate): string {
  const view = channelView(config.channel);
  if (!view?.cardText) return channelDefinition(config.channel).summary(config);
  return t('card.message', {
    channel: view.name?.(t) ?? view.tag,
    text: view.cardText(config as never),
  });
}

export const messageView: NodeView = {
  Icon: MailIcon,
  summary,
  variantLabel: 'card.variant.message',
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
