import { z } from 'zod';
import { subtractDuration } from '../model/duration';
import { isWithinLocalWindow, nextLocalTime } from '../model/local-time';
import { checkConsent, isEmailAddress } from '../runtime/consent';
import type { MessageContent, StepContext, StepDecision } from '../runtime/step';
import { renderTemplate, type TemplateMode } from '../runtime/templating';
import type { IssueDraft } from '../validation/catalogue';
import { checkTemplateField, templateField } from './fields';
import { NEXT_PORTS, defineNode, leaveThrough } from './node-definition';

const emailMessage = z
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
      .meta({ title: 'Reply to' }),
    subject: templateField('Subject', 'template-line'),
    html: templateField('Body (HTML)', 'template-html'),
    text: templateField('Plain-text body', 'template-text').optional(),
  })
  .meta({ title: 'Email' });

const smsMessage = z
  .looseObject({ channel: z.literal('sms'), text: templateField('Text', 'template-text') })
  .meta({ title: 'SMS' });

const pushMessage = z
  .looseObject({
    channel: z.literal('push'),
    title: templateField('Title', 'template-line'),
    body: templateField('Body', 'template-text'),
  })
  .meta({ title: 'Push notification' });

const webhookMessage = z
  .looseObject({
    channel: z.literal('webhook'),
    url: templateField('URL', 'template-line'),
    method: z
      .enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], {
        error: 'method must be GET, POST, PUT, PATCH or DELETE',
      })
      .optional()
      .meta({ title: 'Method' }),
    body: templateField('Body', 'template-text').optional(),
  })
  .meta({ title: 'Webhook' });

export const messageConfigSchema = z.discriminatedUnion(
  'channel',
  [emailMessage, smsMessage, pushMessage, webhookMessage],
  { error: 'channel must be "email", "sms", "push" or "webhook"' },
);
export type MessageConfig = z.infer<typeof messageConfigSchema>;

/** Template fields of each channel, with how inserted values are escaped. */
const TEMPLATE_FIELDS: Record<MessageConfig['channel'], readonly [string, TemplateMode, string][]> =
  {
    email: [
      ['subject', 'text', 'Subject'],
      ['html', 'html', 'Body (HTML)'],
      ['text', 'text', 'Plain-text body'],
    ],
    sms: [['text', 'text', 'Text']],
    push: [
      ['title', 'text', 'Title'],
      ['body', 'text', 'Body'],
    ],
    webhook: [
      ['url', 'text', 'URL'],
      ['body', 'text', 'Body'],
    ],
  };

/** The address inside `Name <address>`, or the text itself. */
export function mailboxAddress(from: string): string {
  const match = /<([^>]*)>\s*$/.exec(from);
  return (match ? match[1] : from)?.trim() ?? '';
}

function truncate(text: string, max = 48): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function render(
  ctx: StepContext<MessageConfig>,
): { ok: true; content: MessageContent } | { ok: false; error: string } {
  const config = ctx.config as Record<string, unknown>;
  const scope = {
    profile: ctx.profile.attributes,
    event: ctx.triggerProperties,
    journey: { id: ctx.journey.id, name: ctx.journey.name },
    unsubscribe_url: ctx.unsubscribeUrl(ctx.config.channel),
    now: new Date(ctx.now),
  };
  const out: Record<string, string> = {};
  for (const [field, mode, title] of TEMPLATE_FIELDS[ctx.config.channel]) {
    const source = config[field];
    if (typeof source !== 'string') continue;
    const result = renderTemplate(source, mode, scope);
    if (!result.ok) return { ok: false, error: `${title}: ${result.error}` };
    out[field] = result.text;
  }
  const c = ctx.config;
  switch (c.channel) {
    case 'email':
      return {
        ok: true,
        content: {
          channel: 'email',
          from: c.from,
          ...(c.replyTo ? { replyTo: c.replyTo } : {}),
          subject: out.subject ?? '',
          html: out.html ?? '',
          ...(out.text !== undefined ? { text: out.text } : {}),
        },
      };
    case 'sms':
      return { ok: true, content: { channel: 'sms', text: out.text ?? '' } };
    case 'push':
      return {
        ok: true,
        content: { channel: 'push', title: out.title ?? '', body: out.body ?? '' },
      };
    case 'webhook':
      return {
        ok: true,
        content: {
          channel: 'webhook',
          method: c.method ?? 'POST',
          url: out.url ?? '',
          ...(out.body !== undefined ? { body: out.body } : {}),
        },
      };
  }
}

const NEXT: StepDecision = leaveThrough('next');

/**
 * Sends an email, SMS, push notification or webhook. Consent, suppression and a missing address
 * skip the message with a reason; quiet hours hold it until they end; the frequency cap skips it.
 * Whatever happens, the profile continues on `next`. Webhooks reach systems, not people: consent,
 * quiet hours and the frequency cap do not apply to them.
 *
 * @example
 * { "id": "mail1", "kind": "message",
 *   "config": { "channel": "email", "from": "shop@example.com",
 *               "subject": "Your cart is waiting", "html": "<p>Hi {{ profile.first_name }}</p>" } }
 */
export const messageNode = defineNode({
  kind: 'message',
  label: 'Message',
  category: 'action',
  description: 'Sends an email, SMS, push notification or webhook.',
  schema: messageConfigSchema,
  configKeys: [
    'channel',
    'from',
    'replyTo',
    'subject',
    'title',
    'method',
    'url',
    'html',
    'text',
    'body',
  ],
  defaults: (): MessageConfig => ({
    channel: 'email',
    from: 'hello@example.com',
    subject: 'Hello {{ profile.first_name | default: "there" }}',
    html: '<p>Hi {{ profile.first_name | default: "there" }},</p>\n<p><a href="{{ unsubscribe_url }}">Unsubscribe</a></p>',
  }),
  ports: () => [...NEXT_PORTS],
  check(config) {
    const issues: IssueDraft[] = [];
    const raw = config as Record<string, unknown>;
    for (const [field, , title] of TEMPLATE_FIELDS[config.channel]) {
      const value = raw[field];
      issues.push(
        ...checkTemplateField(typeof value === 'string' ? value : undefined, [field], title),
      );
    }
    if (config.channel === 'email') {
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
    }
    if (config.channel === 'webhook' && !/^https?:\/\//.test(config.url)) {
      issues.push({
        code: 'config-invalid',
        path: ['url'],
        message: 'The webhook URL must start with http:// or https://.',
      });
    }
    return issues;
  },
  summary(config) {
    switch (config.channel) {
      case 'email':
        return `Email: ${truncate(config.subject)}`;
      case 'sms':
        return `SMS: ${truncate(config.text)}`;
      case 'push':
        return `Push: ${truncate(config.title)}`;
      case 'webhook':
        return `Webhook: ${config.method ?? 'POST'} ${truncate(config.url, 40)}`;
    }
  },
  step(ctx) {
    const { channel } = ctx.config;
    const { settings } = ctx.journey;
    const address = checkConsent(channel, ctx.profile.attributes, ctx);
    if (typeof address !== 'string') {
      ctx.skip(address.reason, address.detail);
      return NEXT;
    }
    if (channel !== 'webhook') {
      const quiet = settings.quietHours;
      if (
        quiet &&
        ctx.resumed !== 'quiet_hours' &&
        isWithinLocalWindow(ctx.now, ctx.zone, quiet.start, quiet.end)
      ) {
        return {
          type: 'wait',
          reason: 'quiet_hours',
          until: nextLocalTime(ctx.now, ctx.zone, quiet.end),
        };
      }
      const cap = settings.frequencyCap;
      if (cap) {
        const sent = ctx.messagesSentSince(subtractDuration(ctx.now, cap.per, ctx.zone) + 1);
        if (sent >= cap.max) {
          ctx.skip(
            'capped',
            `${sent} message${sent === 1 ? '' : 's'} already sent in the cap window (max ${cap.max})`,
          );
          return NEXT;
        }
      }
    }
    const rendered = render(ctx);
    if (!rendered.ok) {
      ctx.skip('template_error', rendered.error);
      return NEXT;
    }
    const to = rendered.content.channel === 'webhook' ? rendered.content.url : address;
    ctx.send({ channel, to, content: rendered.content });
    return NEXT;
  },
});
