import { truncate } from '../../core/channels/channel-definition';
import type { PushConfig } from '../../core/channels/push.channel';
import {
  textOf,
  type ChannelView,
  type PreviewProps,
  type StoredMessageProps,
} from './channel-view';
import { PushComposer } from './PushComposer';
import { RenderedText } from './RenderedText';

function PushPreview({ rendered }: PreviewProps) {
  return (
    <div className="preview-push">
      <strong>
        <RenderedText value={rendered.title} field="title" />
      </strong>
      <span>
        <RenderedText value={rendered.body} field="body" />
      </span>
    </div>
  );
}

function OutboxBody({ content }: StoredMessageProps) {
  const title = textOf(content, 'title') ?? '';
  const body = textOf(content, 'body') ?? '';
  return (
    <div className="preview-push">
      <strong>{title}</strong>
      <span>{body}</span>
    </div>
  );
}

function TraceBody({ content }: StoredMessageProps) {
  const text = `${textOf(content, 'title') ?? ''}\n${textOf(content, 'body') ?? ''}`;
  return <pre className="preview-webhook">{text}</pre>;
}

export const pushView: ChannelView = {
  tag: 'Push',
  name: (t) => t('channel.push'),
  cardText: (config: PushConfig) => truncate(config.title),
  colour: '#6d3fd1',
  defaults: {
    channel: 'push',
    title: 'Hi {{ profile.first_name | default: "there" }}',
    body: 'Something new for you.',
  },
  Composer: PushComposer,
  Preview: PushPreview,
  OutboxBody,
  TraceBody,
};
