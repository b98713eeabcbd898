import { MessagePreview } from '../inspector/MessagePreview';
import { MailIcon } from './icons';
import type { NodeView } from './node-view';

const UNSUBSCRIBE = '<a href="{{ unsubscribe_url }}">Unsubscribe</a>';

export const messageView: NodeView = {
  Icon: MailIcon,
  variantLabel: 'Channel',
  variantDefaults: {
    email: {
      channel: 'email',
      from: 'hello@example.com',
      subject: 'Hello {{ profile.first_name | default: "there" }}',
      html: `<p>Hi {{ profile.first_name | default: "there" }},</p>\n<p>${UNSUBSCRIBE}</p>`,
    },
    sms: {
      channel: 'sms',
      text: 'Hi {{ profile.first_name | default: "there" }}! Reply STOP to opt out.',
    },
    push: {
      channel: 'push',
      title: 'Hi {{ profile.first_name | default: "there" }}',
      body: 'Something new for you.',
    },
    webhook: { channel: 'webhook', url: 'https://example.com/hooks/journey', method: 'POST' },
  },
  InspectorExtra: MessagePreview,
};
