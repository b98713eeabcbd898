import { z } from 'zod';
import { isYes } from '../model/profile';
import { templateField } from '../nodes/fields';
import { defineChannel, truncate, type TemplateFieldSpec } from './channel-definition';

const TEXT: TemplateFieldSpec = {
  field: 'text',
  mode: 'text',
  title: 'Text',
  widget: 'template-text',
};

export const smsConfigSchema = z
  .looseObject({ channel: z.literal('sms'), text: templateField(TEXT) })
  .meta({ title: 'SMS' });
export type SmsConfig = z.infer<typeof smsConfigSchema>;

/** An SMS as rendered for one profile. */
export interface SmsContent {
  readonly channel: 'sms';
  readonly text: string;
}

/**
 * SMS: to the profile's `phone`. Kept in the embedded outbox: no SMS gateway is connected yet.
 *
 * @example
 * { "channel": "sms", "text": "Hi {{ profile.first_name }}! Reply STOP to opt out." }
 */
export const smsChannel = defineChannel({
  channel: 'sms',
  label: 'SMS',
  schema: smsConfigSchema,
  configKeys: ['text'],
  templateFields: [TEXT],
  person: {
    addressAttribute: 'phone',
    optOutAttribute: 'sms_opt_out',
    optedOut: (attributes) => isYes(attributes.sms_opt_out),
  },
  transport: 'kept',
  check: () => [],
  summary: (config: SmsConfig) => `SMS: ${truncate(config.text)}`,
  content: (_config, rendered): SmsContent => ({ channel: 'sms', text: rendered.text ?? '' }),
  recipient: (_content, address) => address,
  title: (content) => content.text,
});
