import { z } from 'zod';
import { hiddenCharacter } from '../model/id-text';
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

/**
 * One address, checked by a strict rule rather than a parser. The mail library parses a
 * recipient as a list (`x,attacker@…` went to attacker@…, past the suppression list, which had
 * checked the whole text), and the parsers that would tell a list from one address live with it
 * in the adapters, where the pure core cannot reach. The rule is RFC 5321's dot-atom: a local
 * part of letters, digits and ``!#$%&'*+/=?^_`{|}~-`` between single dots (no quotes, comments,
 * commas, semicolons or spaces), at most 64 characters; a domain of labels of letters, digits and
 * inner hyphens, ending in a top-level domain of two letters or more. Letters beyond ASCII are
 * allowed on both sides (internationalised addresses, `åsa@exempel.se`), hidden characters not.
 */
const ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~\\u00a1-\\uffff-]+";
const LOCAL_PART = new RegExp(`^${ATOM}(?:\\.${ATOM})*$`, 'u');
const LABEL =
  '[A-Za-z0-9\\u00a1-\\uffff](?:[A-Za-z0-9\\u00a1-\\uffff-]*[A-Za-z0-9\\u00a1-\\uffff])?';
const DOMAIN = new RegExp(
  `^(?:${LABEL}\\.)+(?:[A-Za-z]{2,}|xn--[A-Za-z0-9-]+|[\\u00a1-\\uffff]{2,})$`,
  'u',
);

/** Whether a text is one email address: `shop@example.com`, without a display name. */
export function isEmailAddress(value: string): boolean {
  if (value.length > 254 || /\s/u.test(value) || hiddenCharacter(value) !== undefined) {
    return false;
  }
  const at = value.lastIndexOf('@');
  if (at <= 0) return false;
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  return local.length <= 64 && LOCAL_PART.test(local) && DOMAIN.test(domain);
}

/** The address inside `Name <address>`, or the text itself. */
export function mailboxAddress(from: string): string {
  const match = /<([^>]*)>\s*$/.exec(from);
  return (match ? match[1] : from)?.trim() ?? '';
}

/**
 * Whether a text is one mailbox: an address, or `Display Name <address>` whose name holds no
 * `<`, `>`, `,`, `;`, `:` or `@` unless it is in quotes, so it can never be read as two.
 */
export function isMailbox(value: string): boolean {
  const text = value.trim();
  if (!text.endsWith('>')) return isEmailAddress(text);
  const open = text.lastIndexOf('<');
  if (open < 0 || !isEmailAddress(text.slice(open + 1, -1))) return false;
  const name = text.slice(0, open).trim();
  if (name === '') return true;
  if (hiddenCharacter(name) !== undefined) return false;
  if (/^"(?:[^"\\]|\\.)*"$/u.test(name)) return true;
  return !/[<>,;:@"\\()[\]]/u.test(name);
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
    engagement: {
      delivered: ['Email Delivered', 'Email Sent'],
      opened: 'Email Opened',
      clicked: 'Email Link Clicked',
    },
  },
  transport: 'mail',
  unsubscribeLinkIn: 'html',
  check(config) {
    const issues: IssueDraft[] = [];
    if (!isMailbox(config.from)) {
      issues.push({
        code: 'config-invalid',
        path: ['from'],
        message: `From "${config.from}" is not an email address.`,
      });
    }
    if (config.replyTo !== undefined && !isMailbox(config.replyTo)) {
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
