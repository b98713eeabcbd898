import type { ChannelDefinition } from './channel-definition';
import { CHANNEL_DEFINITIONS } from './channel-list';

type KnownChannel = (typeof CHANNEL_DEFINITIONS)[number];

/** A channel's name: `email`, `sms`, `push`, `webhook`. */
export type Channel = KnownChannel['channel'];

/** A message node's config, on any channel. */
export type MessageConfig = KnownChannel extends infer D
  ? D extends ChannelDefinition<string, infer C>
    ? C
    : never
  : never;

/** A message as rendered for one profile, on any channel. */
export type MessageContent = KnownChannel extends infer D
  ? D extends ChannelDefinition<string, unknown, infer M>
    ? M
    : never
  : never;

/** Every channel's name, in the inspector's order. */
export const CHANNELS: readonly Channel[] = CHANNEL_DEFINITIONS.map((d) => d.channel);

const byChannel = new Map<string, ChannelDefinition>(
  CHANNEL_DEFINITIONS.map((d) => [d.channel, d as ChannelDefinition]),
);

/** Whether a name is one of the channels (a config with another is refused on load). */
export function isChannel(channel: string): channel is Channel {
  return byChannel.has(channel);
}

/** The definition of a channel; throws for an unknown one (the message schema refuses those). */
export function channelDefinition(channel: string): ChannelDefinition {
  const definition = byChannel.get(channel);
  if (!definition)
    throw new Error(`Unknown channel "${channel}"; known channels: ${CHANNELS.join(', ')}`);
  return definition;
}
