import { z } from 'zod';
import type { ChannelDefinition } from '../channels/channel-definition';
import { CHANNEL_DEFINITIONS } from '../channels/channel-list';
import { channelDefinition, type MessageConfig, type MessageContent } from '../channels/registry';
import {
  addDuration,
  describeDuration,
  durationOf,
  formatDuration,
  subtractDuration,
} from '../model/duration';
import { isoTime, isWithinLocalWindow, nextLocalTime } from '../model/local-time';
import { checkExpect, expectSchema } from '../forecast/expect';
import { policyBlockDetail } from '../policy/policy-decision';
import { checkConsent } from '../runtime/consent';
import type { StepContext, StepDecision } from '../runtime/step';
import { profileReads } from '../runtime/template-reads';
import { renderTemplate } from '../runtime/templating';
import type { IssueDraft } from '../validation/catalogue';
import { checkTemplateField } from './fields';
import { NEXT_PORTS, defineNode, leaveThrough } from './node-definition';
import { localesSchema, localisedConfig, messageLanguages } from './message-locales';

/** `"a"`, `"a" or "b"`, `"a", "b" or "c"`. */
function orList(items: readonly string[]): string {
  const quoted = items.map((item) => `"${item}"`);
  return quoted.length <= 1
    ? (quoted[0] ?? '')
    : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1) ?? ''}`;
}

/**
 * Whether a message is transactional (a receipt, a password reset): the library's sending policy
 * neither holds it back nor counts it (DESIGN §8).
 */
const transactionalSchema = z
  .boolean({ error: '"transactional" is true or false.' })
  .optional()
  .meta({
    title: 'Transactional (a receipt, a password reset)',
    description:
      'The library’s sending policy never holds it back, and it does not count towards the policy.',
  });

/**
 * A channel's config as a message node holds it: on a channel that reaches a person, whether it
 * is transactional and the responses a forecast assumes (`expect`, DESIGN §7). Systems
 * (webhooks) are not limited by the sending policy and never respond.
 */
function nodeSchemaOf(definition: ChannelDefinition): z.ZodObject {
  // Each channel's schema is an object with a literal `channel`, as a discriminated union needs.
  const channelSchema = definition.schema as unknown as z.ZodObject;
  // An extended schema is a new one: it keeps the channel's title only if given it again.
  const schema = withMeta(channelSchema.extend({ locales: localesSchema }), channelSchema);
  if (!definition.person) return schema;
  const extended = schema.extend({
    transactional: transactionalSchema,
    expect: expectSchema.optional(),
  });
  const meta = schema.meta();
  return meta ? extended.meta(meta) : extended;
}

function withMeta(extended: z.ZodObject, from: z.ZodObject): z.ZodObject {
  const meta = from.meta();
  return meta ? extended.meta(meta) : extended;
}

/** One config per channel, told apart by `channel`: the union of the channels' own schemas. */
export const messageConfigSchema = z.discriminatedUnion(
  'channel',
  CHANNEL_DEFINITIONS.map((d) => nodeSchemaOf(d)) as unknown as [z.ZodObject, ...z.ZodObject[]],
  { error: `channel must be ${orList(CHANNEL_DEFINITIONS.map((d) => d.channel))}` },
) as unknown as z.ZodType<MessageConfig>;

/** Whether a message's config says it is transactional (exempt from the sending policy). */
export function isTransactional(config: unknown): boolean {
  return (
    typeof config === 'object' &&
    config !== null &&
    (config as { transactional?: unknown }).transactional === true
  );
}

/** The responses a message's config assumes (`expect`), if any. */
export function expectOf(config: unknown): unknown {
  return typeof config === 'object' && config !== null
    ? (config as { expect?: unknown }).expect
    : undefined;
}

/**
 * One key order that keeps every channel's own order (a config holds the keys of its channel
 * only), keys seen first placed first where the orders allow.
 */
function mergedKeyOrder(orders: readonly (readonly string[])[]): string[] {
  const keys = [...new Set(orders.flat())];
  const before = new Map(keys.map((key) => [key, new Set<string>()]));
  for (const order of orders)
    order.forEach((key, i) => {
      if (i > 0) before.get(key)?.add(order[i - 1] as string);
    });
  const out: string[] = [];
  const placed = new Set<string>();
  while (out.length < keys.length) {
    const next = keys.find(
      (key) => !placed.has(key) && [...(before.get(key) ?? [])].every((k) => placed.has(k)),
    );
    // Orders that contradict each other: the rest as first seen.
    if (next === undefined) return [...out, ...keys.filter((key) => !placed.has(key))];
    out.push(next);
    placed.add(next);
  }
  return out;
}

function render(
  ctx: StepContext<MessageConfig>,
  channel: ChannelDefinition,
): { ok: true; content: MessageContent } | { ok: false; error: string } {
  // The profile's language chooses the content; the default content is the fallback.
  const config = localisedConfig(ctx.config, ctx.profile.attributes.locale) as Record<
    string,
    unknown
  >;
  const scope = {
    profile: ctx.profile.attributes,
    event: ctx.triggerProperties,
    journey: { id: ctx.journey.id, name: ctx.journey.name },
    unsubscribe_url: ctx.unsubscribeUrl(
      ctx.config.channel,
      typeof config.from === 'string' ? config.from : undefined,
    ),
    now: new Date(ctx.now),
  };
  const out: Record<string, string> = {};
  for (const { field, mode, title } of channel.templateFields) {
    const source = config[field];
    if (typeof source !== 'string') continue;
    const result = renderTemplate(source, mode, scope);
    if (!result.ok) return { ok: false, error: `${title}: ${result.error}` };
    out[field] = result.text;
  }
  return { ok: true, content: channel.content(config, out) as MessageContent };
}

const NEXT: StepDecision = leaveThrough('next');

/**
 * Sends a message on one of the channels of `channels/` (email, SMS, push notification,
 * webhook). Consent, suppression and a missing address skip the message with a reason; quiet
 * hours hold it until they end; the journey's frequency cap skips it, and so does the library's
 * sending policy (unless the message is `transactional`). Whatever happens, the profile
 * continues on `next`. Channels that reach systems, not people (webhooks), are not subject to
 * consent, quiet hours, the frequency cap or the sending policy.
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
    ...mergedKeyOrder(
      CHANNEL_DEFINITIONS.map((d) =>
        d.person
          ? [...d.configKeys, 'locales', 'transactional', 'expect']
          : [...d.configKeys, 'locales'],
      ),
    ),
  ],
  defaults: (): MessageConfig => ({
    channel: 'email',
    from: 'hello@example.com',
    subject: 'Hello {{ profile.first_name | default: "there" }}',
    html: '<p>Hi {{ profile.first_name | default: "there" }},</p>\n<p><a href="{{ unsubscribe_url }}">Unsubscribe</a></p>',
  }),
  ports: () => [...NEXT_PORTS],
  check(config) {
    const channel = channelDefinition(config.channel);
    const raw = config as Record<string, unknown>;
    const issues: IssueDraft[] = [];
    for (const { field, title } of channel.templateFields) {
      const value = raw[field];
      issues.push(
        ...checkTemplateField(typeof value === 'string' ? value : undefined, [field], title),
      );
    }
    for (const language of messageLanguages(config)) {
      const variant = (raw.locales as Record<string, Record<string, unknown>>)[language] ?? {};
      for (const { field, title } of channel.templateFields) {
        const value = variant[field];
        issues.push(
          ...checkTemplateField(
            typeof value === 'string' ? value : undefined,
            ['locales', language, field],
            `${title} (${language})`,
          ),
        );
      }
    }
    issues.push(...channel.check(config));
    const expect = expectOf(config);
    if (expect !== undefined && !channel.person) {
      issues.push({
        code: 'expect-not-a-person',
        path: ['expect'],
        message: `${channel.label} messages reach a system, not a person: nobody opens or clicks them, so their expected responses are not used.`,
      });
    } else issues.push(...checkExpect(expect, ['expect']));
    return issues;
  },
  summary: (config) => channelDefinition(config.channel).summary(config),
  step(ctx) {
    const channel = channelDefinition(ctx.config.channel);
    const { settings } = ctx.journey;
    const transactional = isTransactional(ctx.config);
    const address = checkConsent(channel, ctx.profile.attributes, ctx);
    if (typeof address !== 'string') {
      ctx.skip(address.reason, address.detail, address.facts);
      return NEXT;
    }
    if (channel.person) {
      // Later than the journey allows (the computer was asleep or off): skipped, not sent late.
      if (ctx.now > ctx.due && addDuration(ctx.due, settings.maxLateness, ctx.zone) < ctx.now) {
        const late = durationOf(ctx.now - ctx.due);
        ctx.skip(
          'late',
          `${describeDuration(late)} late (due ${isoTime(ctx.due)}); this journey skips messages more than ${describeDuration(settings.maxLateness)} late`,
          {
            code: 'late',
            late: formatDuration(late),
            due: isoTime(ctx.due),
            maxLateness: formatDuration(settings.maxLateness),
          },
        );
        return NEXT;
      }
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
            { code: 'capped', sent, max: cap.max, per: formatDuration(cap.per) },
          );
          return NEXT;
        }
      }
      if (!transactional) {
        const block = ctx.policyBlock(ctx.config.channel);
        if (block) {
          ctx.skip('policy', policyBlockDetail(block), { code: 'policy', ...block });
          return NEXT;
        }
      }
    }
    const rendered = render(ctx, channel);
    if (!rendered.ok) {
      ctx.skip('template_error', rendered.error);
      return NEXT;
    }
    const { content } = rendered;
    ctx.send({
      channel: ctx.config.channel,
      to: channel.recipient(content, address),
      content,
      ...(transactional && { transactional }),
    });
    return NEXT;
  },
  sends: { channel: (config) => config.channel },
  reads: {
    names(config) {
      const raw = config as Record<string, unknown>;
      const attributes = new Set<string>();
      const variants = [raw, ...messageLanguages(config).map((l) => localisedConfig(raw, l))];
      for (const variant of variants)
        for (const { field } of channelDefinition(config.channel).templateFields) {
          const text = variant[field];
          if (typeof text === 'string')
            for (const name of profileReads(text).all) attributes.add(name);
        }
      return { attributes: [...attributes] };
    },
  },
});
