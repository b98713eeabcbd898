import {
  textOf,
  type ChannelView,
  type PreviewProps,
  type StoredMessageProps,
} from '../../../renderer/channels/channel-view';
import { RenderedText } from '../../../renderer/channels/RenderedText';

/** The view of the in-app channel of `tests/fixtures/extension/inapp.channel.ts`. */

function Preview({ rendered }: PreviewProps) {
  return (
    <div className="preview-push" data-testid="inapp-preview">
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
  return (
    <div className="preview-push" data-testid="inapp-outbox">
      <strong>{textOf(content, 'title')}</strong>
      <span>{textOf(content, 'body')}</span>
    </div>
  );
}

function TraceBody({ content }: StoredMessageProps) {
  return <pre data-testid="inapp-trace">{textOf(content, 'body')}</pre>;
}

export const inAppView: ChannelView = {
  tag: 'In-app',
  colour: '#c2410c',
  defaults: {
    channel: 'inapp',
    title: 'Hi {{ profile.first_name | default: "there" }}',
    body: 'We kept your cart.',
  },
  addressWords: () => 'app account',
  Preview,
  OutboxBody,
  TraceBody,
};
