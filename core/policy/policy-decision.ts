import type { Channel } from '../channels/registry';
import { describeDuration, requireDuration, subtractDuration } from '../model/duration';
import type { ChannelLimit } from './sending-policy';

/** A message the policy counts: sent to the profile on the channel, not transactional. */
export interface PolicySend {
  journeyId: string;
  at: number;
}

/** Why the policy holds a message back: the window is full, and who filled it. */
export interface PolicyBlock {
  channel: Channel;
  max: number;
  per: string;
  /** Counted messages in the window now. */
  sent: number;
  /** The journey whose message brought the window to `max`. */
  filledBy: string;
}

/**
 * The first instant the window ending at `now` counts: the window is `(now − per, now]`, as the
 * journey's own frequency cap counts it, with calendar parts of `per` in the profile's zone. A
 * message sent exactly `per` before `now` has left it.
 */
export function policyWindowStart(now: number, limit: ChannelLimit, zone: string): number {
  return subtractDuration(now, requireDuration(limit.per), zone) + 1;
}

/**
 * Whether one more message may go (DESIGN §8), given the counted messages of the channel sent
 * in the window, oldest first: undefined when it may, else the block. The journey named is the
 * one that sent the `max`-th message of the window, the one that filled it.
 */
export function policyBlock(
  channel: Channel,
  limit: ChannelLimit,
  inWindow: readonly PolicySend[],
): PolicyBlock | undefined {
  if (inWindow.length < limit.max) return undefined;
  const filler = inWindow[limit.max - 1] as PolicySend;
  return {
    channel,
    max: limit.max,
    per: limit.per,
    sent: inWindow.length,
    filledBy: filler.journeyId,
  };
}

/** The skip's detail, for traces and the journal: the limit, and the journey that filled it. */
export function policyBlockDetail(block: PolicyBlock): string {
  const length = describeDuration(requireDuration(block.per));
  // "per day", not "per 1 day"; "per 16 hours" as it is.
  const window = /^1 \w+$/.test(length) ? length.slice(2) : length;
  const messages = `${block.max} ${block.channel} message${block.max === 1 ? '' : 's'}`;
  return `the library sends at most ${messages} per ${window} to a person, across all journeys; "${block.filledBy}" sent the one that filled the window`;
}
