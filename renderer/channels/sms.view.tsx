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
        <RenderedText value={rendered.text} />
      </div>
    </div>
  );
}

function OutboxBody({ content }: StoredMessageProps) {
  return (
    <div className="preview-sms">
      <div className="preview-bubble">{textOf(content, 'text') ?? ''}</div>
    </div>
  );
}

function TraceBody({ content }: StoredMessageProps) {
  return <pre className="preview-webhook">{textOf(content, 'text') ?? ''}</pre>;
}

export const smsView: ChannelView = {
  tag: 'SMS',
  colour: '#12805c',
  defaults: {
    channel: 'sms',
    text: 'Hi {{ profile.first_name | default: "there" }}! Reply STOP to opt out.',
  },
  addressWords: 'phone number',
  Composer: SmsComposer,
  Preview: SmsPreview,
  OutboxBody,
  TraceBody,
};
