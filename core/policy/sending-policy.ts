import { z } from 'zod';
import { CHANNEL_DEFINITIONS } from '../channels/channel-list';
import type { Channel } from '../channels/registry';
import { describeDuration, longestMillis, parseDuration } from '../model/duration';

/**
 * The library's sending policy (DESIGN §8): across all journeys, a profile receives at most `max`
 * messages of a channel in any window of `per`, e.g.
 * `{ "email": { "max": 1, "per": "PT16H" }, "sms": { "max": 2, "per": "P7D" } }`.
 * Only channels that reach a person have one; a channel left out is not limited.
 */
export interface ChannelLimit {
  /** Most messages in any window of `per`. */
  max: number;
  /** The window, an ISO 8601 duration (`PT16H`, `P7D`). */
  per: string;
}

export type SendingPolicy = Partial<Record<Channel, ChannelLimit>>;

/** No limits: what a library starts with. */
export const NO_POLICY: SendingPolicy = Object.freeze({});

/** The settings key the library keeps its policy under (JSON). */
export const SENDING_POLICY_KEY = 'policy.sending';

/** The channels a policy can limit: those that reach a person, in the inspector's order. */
export const POLICY_CHANNELS: readonly Channel[] = CHANNEL_DEFINITIONS.filter((d) => d.person).map(
  (d) => d.channel,
);

/** The most messages a limit allows in its window. */
export const MAX_POLICY_MESSAGES = 100;
/** The longest window: a year, so the messages looked back on stay few. */
const LONGEST_WINDOW_MS = 366 * 86_400_000;

/** Stable codes of the problems a policy can have. */
export type PolicyProblemCode =
  | 'policy-invalid'
  | 'policy-channel-unknown'
  | 'policy-channel-not-a-person'
  | 'policy-limit-invalid'
  | 'policy-max-invalid'
  | 'policy-per-invalid';

/** A problem of a policy: its code, where (`email.per`), and what to do, in plain words. */
export interface PolicyProblem {
  code: PolicyProblemCode;
  path: string;
  message: string;
}

const CHANNEL_NAMES = POLICY_CHANNELS.join(', ');

function checkLimit(channel: string, limit: unknown, out: PolicyProblem[]): void {
  if (typeof limit !== 'object' || limit === null || Array.isArray(limit)) {
    out.push({
      code: 'policy-limit-invalid',
      path: channel,
      message: `The ${channel} limit needs max and per, e.g. { "max": 1, "per": "PT16H" }.`,
    });
    return;
  }
  const { max, per, ...rest } = limit as Record<string, unknown>;
  if (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > MAX_POLICY_MESSAGES)
    out.push({
      code: 'policy-max-invalid',
      path: `${channel}.max`,
      message: `The ${channel} limit's "max" is a whole number of messages from 1 to ${MAX_POLICY_MESSAGES}, not ${JSON.stringify(max) ?? 'missing'}.`,
    });
  if (typeof per !== 'string') {
    out.push({
      code: 'policy-per-invalid',
      path: `${channel}.per`,
      message: `The ${channel} limit's "per" is a duration such as PT16H (16 hours) or P7D (7 days).`,
    });
  } else {
    const parsed = parseDuration(per);
    const millis = parsed.ok ? longestMillis(parsed.duration) : 0;
    if (!parsed.ok || parsed.duration.sign < 0 || millis === 0)
      out.push({
        code: 'policy-per-invalid',
        path: `${channel}.per`,
        message: `The ${channel} limit's "per" must be a positive duration such as PT16H (16 hours) or P7D (7 days), not "${per}".`,
      });
    else if (millis > LONGEST_WINDOW_MS)
      out.push({
        code: 'policy-per-invalid',
        path: `${channel}.per`,
        message: `The ${channel} limit's window is at most a year, not ${describeDuration(parsed.duration)}.`,
      });
  }
  for (const key of Object.keys(rest))
    out.push({
      code: 'policy-limit-invalid',
      path: `${channel}.${key}`,
      message: `A limit has only "max" and "per"; "${key}" means nothing here.`,
    });
}

/** Every problem of a policy as given (a file, a request); none when it can be used. */
export function checkSendingPolicy(value: unknown): PolicyProblem[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return [
      {
        code: 'policy-invalid',
        path: '',
        message: `A sending policy is an object of limits by channel, e.g. { "email": { "max": 1, "per": "PT16H" } }.`,
      },
    ];
  const out: PolicyProblem[] = [];
  for (const [channel, limit] of Object.entries(value as Record<string, unknown>)) {
    if ((POLICY_CHANNELS as readonly string[]).includes(channel)) checkLimit(channel, limit, out);
    else if (CHANNEL_DEFINITIONS.some((d) => d.channel === channel))
      out.push({
        code: 'policy-channel-not-a-person',
        path: channel,
        message: `${channel} messages reach a system, not a person: the sending policy does not limit them.`,
      });
    else
      out.push({
        code: 'policy-channel-unknown',
        path: channel,
        message: `There is no channel "${channel}"; a sending policy limits ${CHANNEL_NAMES}.`,
      });
  }
  return out;
}

/** The policy with its limits in channel order and nothing else: what is stored and shown. */
function normalized(value: Record<string, ChannelLimit>): SendingPolicy {
  const out: SendingPolicy = {};
  for (const channel of POLICY_CHANNELS) {
    const limit = value[channel];
    if (limit) out[channel] = { max: limit.max, per: limit.per };
  }
  return out;
}

/** A sending policy as the app's API and the command line take it: checked, then normalized. */
export const sendingPolicySchema = z
  .custom<Record<string, ChannelLimit>>()
  .superRefine((value, ctx) => {
    for (const problem of checkSendingPolicy(value))
      ctx.addIssue({
        code: 'custom',
        message: problem.message,
        path: problem.path === '' ? [] : problem.path.split('.'),
        params: { code: problem.code },
      });
  })
  .transform(normalized);

/** Reads a policy given as a value: the policy, or its problems. */
export function parseSendingPolicy(
  value: unknown,
): { ok: true; policy: SendingPolicy } | { ok: false; problems: PolicyProblem[] } {
  const problems = checkSendingPolicy(value);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, policy: normalized(value as Record<string, ChannelLimit>) };
}

/**
 * The policy a library saved (its settings' JSON), or none when nothing was saved. A saved policy
 * was checked on the way in; one that no longer reads (edited by hand) limits nothing rather than
 * stopping the engine.
 */
export function savedSendingPolicy(text: string | undefined): SendingPolicy {
  if (text === undefined) return NO_POLICY;
  try {
    const parsed = parseSendingPolicy(JSON.parse(text));
    return parsed.ok ? parsed.policy : NO_POLICY;
  } catch {
    return NO_POLICY;
  }
}

/** Whether a policy limits any channel. */
export function limitsAnything(policy: SendingPolicy): boolean {
  return POLICY_CHANNELS.some((channel) => policy[channel] !== undefined);
}
