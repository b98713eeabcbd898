import type { Channel, MessageContent } from '../channels/registry';
import type { AutoWinnerRule, WinnerDecision } from '../forecast/auto-winner';
import type { Condition, Filter } from '../conditions/condition';
import type { ResolvedSettings } from '../model/journey-settings';
import type { Profile, ProfileChange } from '../model/profile';
import type { PolicyBlock } from '../policy/policy-decision';

// Channels are defined in channels/; the step contract speaks of them, so it names them too.
export { CHANNELS } from '../channels/registry';
export type { Channel, MessageContent };

/**
 * Why a message was not sent; the journey continues on `next` all the same. `capped` is the
 * journey's own frequency cap, `policy` the library's sending policy (DESIGN §8).
 */
export type SkipReason =
  | 'unsubscribed'
  | 'suppressed'
  | 'no_address'
  | 'capped'
  | 'policy'
  | 'template_error'
  /** The step ran more than the journey's `maxLateness` after it was due (asleep, or off). */
  | 'late';

/**
 * The facts of a skip's detail, so an app can say it in its own language; the detail itself is
 * the English sentence the command line prints. `unsubscribed-all` / `opted-out`: consent
 * withdrawn, for all messages or for the channel. `no-address` / `address-unusable`: the
 * attribute that holds the address is missing, or holds what cannot be used. `late`: how late,
 * when it was due and the journey's limit (ISO durations and time). `capped`: the journey's
 * frequency cap. `policy`: the library's sending policy, and the journey that filled its window.
 */
export type SkipFacts =
  | { code: 'unsubscribed-all' }
  | { code: 'opted-out'; channel: string }
  | { code: 'no-address'; attribute: string }
  | { code: 'address-unusable'; attribute: string; value: string }
  | { code: 'suppressed'; address: string }
  | { code: 'late'; late: string; due: string; maxLateness: string }
  | { code: 'capped'; sent: number; max: number; per: string }
  | { code: 'policy'; channel: string; sent: number; max: number; per: string; filledBy: string };

/** Why an enrollment is waiting. `quiet_hours` holds a message until the quiet window ends. */
export type WaitReason = 'duration' | 'until' | 'event' | 'quiet_hours';

/** A rendered message, ready for the outbox. */
export interface MessageDraft {
  channel: Channel;
  /** Email address, phone number, push token, or the webhook URL. */
  to: string;
  content: MessageContent;
  /** A receipt, a password reset: the sending policy neither holds it back nor counts it. */
  transactional?: boolean;
}

/**
 * What a node sees when a profile arrives. Effects (`send`, `skip`, `updateProfile`, …) are
 * collected by the interpreter and applied with the step as one unit: all or nothing.
 */
export interface StepContext<C> {
  readonly config: C;
  readonly nodeId: string;
  readonly journey: {
    readonly id: string;
    readonly name: string;
    readonly settings: ResolvedSettings;
  };
  /** The profile as it is now, after earlier updates in this step. */
  readonly profile: Profile;
  readonly now: number;
  /**
   * When this step was due: `now`, unless the engine runs it late — a wake-up, or an event
   * accepted, while the computer was asleep or off — when it is the time it should have run.
   */
  readonly due: number;
  /** The profile's time zone (its `timezone` attribute, else the journey's). */
  readonly zone: string;
  /** Set when this node asked to be run again later (a held message), with what held it. */
  readonly resumed: WaitReason | undefined;
  /** Properties of the event that started this enrollment; empty for other entries. */
  readonly triggerProperties: Readonly<Record<string, unknown>>;
  evaluate(condition: Condition): boolean;
  /** A stable number in [0, 1) for this journey, node and profile (and the simulation seed). */
  bucket(): number;
  isSuppressed(channel: Channel, address: string): boolean;
  /** Messages this journey has sent to this profile at or after `since`. */
  messagesSentSince(since: number): number;
  /**
   * Whether the library's sending policy holds back a message on `channel` now: the full window
   * and the journey that filled it, or undefined when the message may go (DESIGN §8).
   */
  policyBlock(channel: Channel): PolicyBlock | undefined;
  /** The unsubscribe link of a message; `sender` (an email's From) may decide its address. */
  unsubscribeUrl(channel: Channel, sender?: string): string;
  send(message: MessageDraft): void;
  /** `facts`: the detail's facts; a `policy` skip's name the journey that filled the window. */
  skip(reason: SkipReason, detail: string, facts?: SkipFacts): void;
  updateProfile(change: ProfileChange): void;
  /** Records which variant of this split node the enrollment took, for conversions by variant. */
  assignVariant(key: string): void;
  /**
   * The automatic winner of this split node, once decided (DESIGN §7): the store looks at the
   * rule at the first arrival in each whole hour, on the assignments and conversions before it.
   */
  winner(test: { variants: readonly string[]; rule: AutoWinnerRule }): WinnerDecision | undefined;
}

/** What happens after a node has run. */
export type StepDecision =
  /** Leave through `port` at once. */
  | { type: 'next'; port: string }
  /**
   * Stay on this node until `until`, then leave through `timeoutPort` — or, without one, run
   * this node again (a held message). With `event`, a matching event performed meanwhile
   * leaves through `event.port` instead.
   */
  | {
      type: 'wait';
      until: number;
      reason: WaitReason;
      timeoutPort?: string;
      event?: { name: string; where?: Filter[]; port: string };
    }
  /** Leave the journey. */
  | { type: 'exit' };
