import { z } from 'zod';
import { templateField } from '../nodes/fields';
import { defineChannel, truncate, type TemplateFieldSpec } from './channel-definition';

const URL_FIELD: TemplateFieldSpec = {
  field: 'url',
  mode: 'url',
  title: 'URL',
  widget: 'template-line',
};
const BODY: TemplateFieldSpec = {
  field: 'body',
  mode: 'json',
  title: 'Body',
  widget: 'template-text',
};

export const webhookConfigSchema = z
  .looseObject({
    channel: z.literal('webhook'),
    url: templateField(URL_FIELD),
    method: z
      .enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], {
        error: 'method must be GET, POST, PUT, PATCH or DELETE',
      })
      .optional()
      .meta({ title: 'Method' }),
    body: templateField(BODY).optional(),
  })
  .meta({ title: 'Webhook' });
export type WebhookConfig = z.infer<typeof webhookConfigSchema>;

/** A webhook request as rendered for one profile. */
export interface WebhookContent {
  readonly channel: 'webhook';
  readonly method: string;
  readonly url: string;
  readonly body?: string;
}

/**
 * Webhook: an HTTP request to another system (a CRM, a shop, Slack). It reaches a system, not a
 * person: consent, quiet hours and the frequency cap do not apply, and it goes to its URL.
 * Values put into the URL are percent-encoded and those put into the body escaped as JSON text,
 * so what a profile holds can neither change the address nor add a key to the body.
 *
 * @example
 * { "channel": "webhook", "method": "POST", "url": "https://crm.example.com/hooks/lead",
 *   "body": "{\"id\": \"{{ profile.id }}\"}" }
 */
export const webhookChannel = defineChannel({
  channel: 'webhook',
  label: 'Webhook',
  schema: webhookConfigSchema,
  configKeys: ['method', 'url', 'body'],
  templateFields: [URL_FIELD, BODY],
  transport: 'http',
  check(config: WebhookConfig) {
    return /^https?:\/\//.test(config.url)
      ? []
      : [
          {
            code: 'config-invalid',
            path: ['url'],
            message: 'The webhook URL must start with http:// or https://.',
          },
        ];
  },
  summary: (config) => `Webhook: ${config.method ?? 'POST'} ${truncate(config.url, 40)}`,
  content: (config, rendered): WebhookContent => ({
    channel: 'webhook',
    method: config.method ?? 'POST',
    url: rendered.url ?? '',
    ...(rendered.body !== undefined ? { body: rendered.body } : {}),
  }),
  recipient: (content) => content.url,
  title: (content) => `${content.method} ${content.url}`,
});
