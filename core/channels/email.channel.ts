import { z } from 'zod';
import { isYes } from '../model/profile';
import { templateField } from '../nodes/fields';
import { designErrors, emailFindings } from '../email-design/email-findings';
import type { IssueDraft } from '../validation/catalogue';
import { defineChannel, truncate, type TemplateFieldSpec } from './channel-definition';

const SUBJECT: TemplateFieldSpec = {
  field: 'subject',
  mode: 'text',
  title: 'Subject',
  widget: 'template-line',
};
const HTML: TemplateFieldSpec = {
  field: 'html',
  mode: 'html',
  title: 'Body (HTML)',
  widget: 'template-html',
};
const TEXT: TemplateFieldSpec = {
  field: 'text',
  mode: 'text',
  title: 'Plain-text body',
  widget: 'template-text',
};

export const emailConfigSchema = z
  .looseObject({
    channel: z.literal('email'),
    from: z.string({ error: 'from must be an email address' }).meta({
      title: 'From',
      description: 'e.g. Shop <shop@example.com>',
      widget: 'email-address',
    }),
    replyTo: z
      .string({ error: 'replyTo must be an email address' })
      .optional()
      .meta({ title: 'Reply to', widget: 'email-address' }),
    subject: templateField(SUBJECT),
    html: templateField(HTML),
    text: templateField(TEXT).optional(),
  })
  .meta({ title: 'Email' });
export type EmailConfig = z.infer<typeof emailConfigSchema>;

/** An email as rendered for one profile. */
export interface EmailContent {
  readonly channel: 'email';
  readonly from: string;
  readonly replyTo?: string;
  readonly subject: string;
  readonly html: string;
  readonly text?: string;
}

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/** Whether a text is an email address: `shop@example.com`, without a display name. */
export function isEmailAddress(value: string): boolean {
  return EMAIL.test(value);
}

/** The address inside `Name <address>`, or the text itself. */
export function mailboxAddress(from: string): string {
  const match = /<([^>]*)>\s*$/.exec(from);
  return (match ? match[1] : from)?.trim() ?? '';
}

/**
 * Email: to the profile's `email`, through SMTP (or the embedded outbox until one is set up),
 * with List-Unsubscribe headers and a visible unsubscribe link in the body.
 *
 * @example
 * { "channel": "email", "from": "Shop <shop@example.com>",
 *   "subject": "Your cart is waiting", "html": "<p>Hi {{ profile.first_name }}</p>" }
 */
export const emailChannel = defineChannel({
  channel: 'email',
  label: 'Email',
  schema: emailConfigSchema,
  // `design` (DESIGN.md §9) is kept by the loose schema and checked here; it is not a form field:
  // the designer edits it, and it makes `html` and `text`.
  configKeys: ['from', 'replyTo', 'subject', 'html', 'text', 'design'],
  templateFields: [SUBJECT, HTML, TEXT],
  person: {
    addressAttribute: 'email',
    optOutAttribute: 'email_opt_out',
    accepts: isEmailAddress,
    optedOut: (attributes) => isYes(attributes.email_opt_out),
  },
  transport: 'mail',
  unsubscribeLinkIn: 'html',
  check(config) {
    const issues: IssueDraft[] = [];
    if (!isEmailAddress(mailboxAddress(config.from))) {
      issues.push({
        code: 'config-invalid',
        path: ['from'],
        message: `From "${config.from}" is not an email address.`,
      });
    }
    if (config.replyTo !== undefined && !isEmailAddress(mailboxAddress(config.replyTo))) {
      issues.push({
        code: 'config-invalid',
        path: ['replyTo'],
        message: `Reply-to "${config.replyTo}" is not an email address.`,
      });
    }
    if (config.subject.trim() === '') {
      issues.push({
        code: 'config-invalid',
        path: ['subject'],
        message: 'The email needs a subject.',
      });
    }
    if (config.design !== undefined) issues.push(...designErrors(config.design));
    return issues;
  },
  contentFindings: (config) => emailFindings(config),
  summary: (config) => `Email: ${truncate(config.subject)}`,
  content: (config, rendered): EmailContent => ({
    channel: 'email',
    from: config.from,
    ...(config.replyTo ? { replyTo: config.replyTo } : {}),
    subject: rendered.subject ?? '',
    html: rendered.html ?? '',
    ...(rendered.text !== undefined ? { text: rendered.text } : {}),
  }),
  recipient: (_content, address) => address,
  title: (content) => content.subject,
});
