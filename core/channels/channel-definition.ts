import type { z } from 'zod';
import type { TemplateMode } from '../runtime/templating';
import type { JsonPath } from '../model/json-text';
import type { IssueCode, IssueDraft } from '../validation/catalogue';

/** A template field of a channel's message config. */
export interface TemplateFieldSpec {
  /** The config key: `subject`, `html`. */
  readonly field: string;
  /** How values inserted into it are written: HTML-escaped, or as they are. */
  readonly mode: TemplateMode;
  /** What a marketer calls it, in the form and in messages about it: "Subject", "Body (HTML)". */
  readonly title: string;
  /** The inspector's editor for it. */
  readonly widget: 'template-line' | 'template-html' | 'template-text';
}

/**
 * How a channel that reaches a person finds the address and honours consent. A channel without
 * one reaches systems (a webhook): no consent, no quiet hours, no frequency cap.
 */
export interface PersonReach {
  /** The profile attribute holding the address: `email`, `phone`. */
  readonly addressAttribute: string;
  /** The profile attribute that opts out of this channel alone (`unsubscribed` opts out of all). */
  readonly optOutAttribute: string;
  /** Whether an address is usable (an email must look like one); any non-empty text otherwise. */
  accepts?(address: string): boolean;
  /**
   * Whether the profile opted out of this channel alone. Runs for every message, so it reads its
   * attribute by a constant name (`attributes.email_opt_out`), which V8 looks up far faster.
   */
  optedOut(attributes: Readonly<Record<string, unknown>>): boolean;
  /**
   * What the events about such a message are called (the Segment spec's names): forecasts
   * generate the opens and clicks under these names, and estimate rates from data holding them.
   * Left out, the generic `Message Sent`, `Message Opened` and `Message Clicked`.
   */
  readonly engagement?: MessageEngagement;
}

/** The names of the events that say a message was delivered, opened, clicked. */
export interface MessageEngagement {
  /** Any of these says a message was delivered (the first the data holds is counted). */
  readonly delivered: readonly string[];
  readonly opened: string;
  readonly clicked: string;
}

/**
 * How delivery hands a message over; the adapters map each to one transport. `mail`: SMTP when
 * one is configured, else the embedded outbox; `kept`: kept in the embedded outbox (no gateway
 * yet); `http`: a real HTTP request.
 */
export type TransportKind = 'mail' | 'kept' | 'http';

/**
 * Everything the app knows about one channel, in one place: the message config (schema, saved
 * key order, template fields), whom it reaches and how consent applies, how a rendered message
 * is put together, addressed and delivered, and how it reads on the canvas and in the outbox.
 * The message node and the consent rules ask this; a new channel is a new file and one entry in
 * `channel-list.ts`.
 *
 * Methods use method syntax on purpose: a definition for specific types is then usable where any
 * definition is expected, as the registry needs.
 */
export interface ChannelDefinition<K extends string = string, C = unknown, M = unknown> {
  readonly channel: K;
  /** How a sentence about such a message starts: "Email", "Push notification". */
  readonly label: string;
  /** The message node's config on this channel (`channel` included). */
  readonly schema: z.ZodType<C>;
  /** Canonical order of its config keys in saved files, after `channel`. */
  readonly configKeys: readonly string[];
  /** Its template fields, in the order they are rendered and checked. */
  readonly templateFields: readonly TemplateFieldSpec[];
  /** Present when it reaches a person. */
  readonly person?: PersonReach;
  readonly transport: TransportKind;
  /**
   * The template field that must print `{{ unsubscribe_url }}` visibly, where the law and the
   * mailbox providers ask for one (marketing email).
   */
  readonly unsubscribeLinkIn?: string;
  /** Checks beyond the schema and the template fields (addresses, URLs), on a schema-valid config. */
  check(config: C): IssueDraft[];
  /**
   * Best-practice findings about a schema-valid config's content (size, alt text, links,
   * contrast, postal address): journey checks report them as warnings, each under its code.
   */
  contentFindings?(config: C): { code: IssueCode; message: string; path: JsonPath }[];
  /** One line for the canvas: "Email: Your cart is waiting". */
  summary(config: C): string;
  /** The message from a config and its rendered template fields (optional fields may be absent). */
  content(config: C, rendered: Readonly<Record<string, string>>): M;
  /** Where a rendered message goes: the person's address, or, reaching a system, its URL. */
  recipient(content: M, address: string): string;
  /** One line naming a rendered message in the outbox: its subject, text or request. */
  title(content: M): string;
  /** Whether a rendered message is one of this channel's. */
  holds(content: { readonly channel: string }): content is M & { readonly channel: K };
}

/** Identity helper that fixes a definition's types at the definition site, and adds `holds`. */
export function defineChannel<K extends string, C, M extends { readonly channel: K }>(
  definition: Omit<ChannelDefinition<K, C, M>, 'holds'>,
): ChannelDefinition<K, C, M> {
  const { channel } = definition;
  return {
    ...definition,
    holds: (content): content is M & { readonly channel: K } => content.channel === channel,
  };
}

/** Text cut to `max` characters with an ellipsis, for one-line summaries. */
export function truncate(text: string, max = 48): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The template fields a message config fills in, with their text, in the channel's order. */
export function templateTexts(
  channel: ChannelDefinition,
  config: Readonly<Record<string, unknown>>,
): { spec: TemplateFieldSpec; text: string }[] {
  const out: { spec: TemplateFieldSpec; text: string }[] = [];
  for (const spec of channel.templateFields) {
    const text = config[spec.field];
    if (typeof text === 'string') out.push({ spec, text });
  }
  return out;
}
