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
        <RenderedText value={rendered.title} />
      </strong>
      <span>
        <RenderedText value={rendered.body} />
      </span>
    </div>
  );
}

function OutboxBody({ content }: StoredMessageProps) {
  return (
    <div className="preview-push">
      <strong>{textOf(content, 'title') ?? ''}</strong>
      <span>{textOf(content, 'body') ?? ''}</span>
    </div>
  );
}

function TraceBody({ content }: StoredMessageProps) {
  return (
    <pre className="preview-webhook">
      {`${textOf(content, 'title') ?? ''}\n${textOf(content, 'body') ?? ''}`}
    </pre>
  );
}

export const pushView: ChannelView = {
  tag: 'Push',
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
