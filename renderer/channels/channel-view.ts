import type { ComponentType } from 'react';
import type { JourneyNode } from '../../core/model/journey';
import type { RenderResult } from '../../core/runtime/templating';
import type { Translate } from '../i18n/I18nProvider';

/** What the inspector's preview of a message is drawn from. */
export interface PreviewProps {
  /** The node's config as it is, possibly half written. */
  config: Readonly<Record<string, unknown>>;
  /** Each template field of the channel, rendered for the sample profile; absent when not written. */
  rendered: Readonly<Record<string, RenderResult | undefined>>;
  /** The sample profile's attributes. */
  profile: Readonly<Record<string, unknown>>;
}

/** A rendered message as the engine recorded it (outbox, trace), read defensively. */
export interface StoredMessageProps {
  content: Readonly<Record<string, unknown>>;
}

/**
 * How the app shows one channel. The core channel (`core/channels/`) says what a message is;
 * its view draws it: in the inspector's preview, in the outbox, and in a traced profile's list.
 * `renderer/channels/registry.ts` holds one view per channel, and fails to compile without it.
 */
export interface ChannelView {
  /** The short name on channel tags and in the chart legend: "Email", "Push". */
  tag: string;
  /** The same name in the language, on the cards: "E-post". The tag when absent. */
  name?: (t: Translate) => string;
  /**
   * What a card says of a message after the channel's name: its subject, text or address, cut
   * to one line. Given the config the channel's schema accepted, Liquid shown as merge tags.
   * Absent, the card shows the channel definition's own summary.
   */
  cardText?: (config: never) => string;
  /** Its colour in the messages-per-day chart. */
  colour: string;
  /** The config a message node starts from when the marketer switches to this channel. */
  defaults: Readonly<Record<string, unknown>>;
  /**
   * What the address is called, when the preview should say a sample profile lacks it
   * ("email address"); absent when the preview says nothing about addresses.
   */
  addressWords?: (t: Translate) => string;
  /** Writing help above the preview: the email designer's entry, the SMS and push counters. */
  Composer?: ComponentType<{ node: JourneyNode }>;
  /** Fields the inspector's form leaves to the composer for this config (a designed email's HTML). */
  hiddenFields?: (config: Readonly<Record<string, unknown>>) => readonly string[];
  /** The message as the preview's sample profile would get it. */
  Preview: ComponentType<PreviewProps>;
  /** Rows of the outbox detail's list before "To" (the sender). */
  OutboxSender?: ComponentType<StoredMessageProps>;
  /** Rows of the outbox detail's list after "To" (reply-to, subject). */
  OutboxMeta?: ComponentType<StoredMessageProps>;
  /** The message itself in the outbox detail. */
  OutboxBody: ComponentType<StoredMessageProps>;
  /** The message itself in a traced profile's list of messages. */
  TraceBody: ComponentType<StoredMessageProps & { subject: string }>;
}

/** A text field of a recorded message, or undefined when it is not text. */
export function textOf(
  content: Readonly<Record<string, unknown>>,
  key: string,
): string | undefined {
  const value = content[key];
  return typeof value === 'string' ? value : undefined;
}
