import { z } from 'zod';
import { isYes } from '../model/profile';
import { templateField } from '../nodes/fields';
import { defineChannel, truncate, type TemplateFieldSpec } from './channel-definition';

const TITLE: TemplateFieldSpec = {
  field: 'title',
  mode: 'text',
  title: 'Title',
  widget: 'template-line',
};
const BODY: TemplateFieldSpec = {
  field: 'body',
  mode: 'text',
  title: 'Body',
  widget: 'template-text',
};

export const pushConfigSchema = z
  .looseObject({
    channel: z.literal('push'),
    title: templateField(TITLE),
    body: templateField(BODY),
  })
  .meta({ title: 'Push notification' });
export type PushConfig = z.infer<typeof pushConfigSchema>;

/** A push notification as rendered for one profile. */
export interface PushContent {
  readonly channel: 'push';
  readonly title: string;
  readonly body: string;
}

/**
 * Push notification: to the profile's `push_token`. Kept in the embedded outbox: no push
 * service is connected yet.
 *
 * @example
 * { "channel": "push", "title": "Hi {{ profile.first_name }}", "body": "Something new for you." }
 */
export const pushChannel = defineChannel({
  channel: 'push',
  label: 'Push notification',
  schema: pushConfigSchema,
  configKeys: ['title', 'body'],
  templateFields: [TITLE, BODY],
  person: {
    addressAttribute: 'push_token',
    optOutAttribute: 'push_opt_out',
    optedOut: (attributes) => isYes(attributes.push_opt_out),
  },
  transport: 'kept',
  check: () => [],
  summary: (config: PushConfig) => `Push: ${truncate(config.title)}`,
  content: (_config, rendered): PushContent => ({
    channel: 'push',
    title: rendered.title ?? '',
    body: rendered.body ?? '',
  }),
  recipient: (_content, address) => address,
  title: (content) => content.title,
});
