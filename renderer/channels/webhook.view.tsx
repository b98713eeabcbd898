import {
  textOf,
  type ChannelView,
  type PreviewProps,
  type StoredMessageProps,
} from './channel-view';
import { RenderedText } from './RenderedText';

function WebhookPreview({ config, rendered }: PreviewProps) {
  return (
    <pre className="preview-webhook">
      {typeof config.method === 'string' ? config.method : 'POST'}{' '}
      <RenderedText value={rendered.url} />
      {rendered.body && (
        <>
          {'\n\n'}
          <RenderedText value={rendered.body} />
        </>
      )}
    </pre>
  );
}

function OutboxBody({ content }: StoredMessageProps) {
  const body = textOf(content, 'body');
  return (
    <pre className="preview-webhook">
      {textOf(content, 'method') ?? 'POST'} {textOf(content, 'url') ?? ''}
      {body ? `\n\n${body}` : ''}
    </pre>
  );
}

function TraceBody({ content }: StoredMessageProps) {
  return (
    <pre className="preview-webhook">
      {`${textOf(content, 'method') ?? ''} ${textOf(content, 'url') ?? ''}\n\n${textOf(content, 'body') ?? ''}`}
    </pre>
  );
}

export const webhookView: ChannelView = {
  tag: 'Webhook',
  colour: '#8a94a6',
  defaults: { channel: 'webhook', url: 'https://example.com/hooks/journey', method: 'POST' },
  Preview: WebhookPreview,
  OutboxBody,
  TraceBody,
};
