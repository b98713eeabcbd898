import { truncate } from '../../core/channels/channel-definition';
import type { WebhookConfig } from '../../core/channels/webhook.channel';
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
      <RenderedText value={rendered.url} field="url" />
      {rendered.body && (
        <>
          {'\n\n'}
          <RenderedText value={rendered.body} field="body" />
        </>
      )}
    </pre>
  );
}

function OutboxBody({ content }: StoredMessageProps) {
  const body = textOf(content, 'body');
  const request = `${textOf(content, 'method') ?? 'POST'} ${textOf(content, 'url') ?? ''}`;
  return (
    <pre className="preview-webhook">
      {request}
      {body ? `\n\n${body}` : ''}
    </pre>
  );
}

function TraceBody({ content }: StoredMessageProps) {
  const text = `${textOf(content, 'method') ?? ''} ${textOf(content, 'url') ?? ''}\n\n${textOf(content, 'body') ?? ''}`;
  return <pre className="preview-webhook">{text}</pre>;
}

export const webhookView: ChannelView = {
  tag: 'Webhook',
  name: (t) => t('channel.webhook'),
  cardText: (config: WebhookConfig) => `${config.method ?? 'POST'} ${truncate(config.url, 40)}`,
  colour: '#8a94a6',
  defaults: { channel: 'webhook', url: 'https://example.com/hooks/journey', method: 'POST' },
  Preview: WebhookPreview,
  OutboxBody,
  TraceBody,
};
