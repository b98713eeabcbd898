import { truncate } from '../../core/channels/channel-definition';
import type { SmsConfig } from '../../core/channels/sms.channel';
import {
  textOf,
  type ChannelView,
  type PreviewProps,
  type StoredMessageProps,
} from './channel-view';
import { SmsComposer } from './SmsComposer';
import { RenderedText } from './RenderedText';

function SmsPreview({ rendered }: PreviewProps) {
  return (
    <div className="preview-sms">
      <div className="preview-bubble">
        <RenderedText value={rendered.text} field="text" />
      </div>
    </div>
  );
}

function OutboxBody({ content }: StoredMessageProps) {
  const text = textOf(content, 'text') ?? '';
  return (
    <div className="preview-sms">
      <div className="preview-bubble">{text}</div>
    </div>
  );
}

function TraceBody({ content }: StoredMessageProps) {
  const text = textOf(content, 'text') ?? '';
  return <pre className="preview-webhook">{text}</pre>;
}

export const smsView: ChannelView = {
  tag: 'SMS',
  name: (t) => t('channel.sms'),
  cardText: (config: SmsConfig) => truncate(config.text),
  colour: '#12805c',
  defaults: {
    channel: 'sms',
    text: 'Hi {{ profile.first_name | default: "there" }}! Reply STOP to opt out.',
  },
  addressWords: (t) => t('channel.sms.address'),
  Composer: SmsComposer,
  Preview: SmsPreview,
  OutboxBody,
  TraceBody,
};
