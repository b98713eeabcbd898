import { murmur3 } from '../runtime/hash';

/** How often and how patiently a failed delivery is tried again. */
export interface RetryPolicy {
  /** Attempts in all, the first included; after the last failure the message is dead. */
  maxAttempts: number;
  /** Delay before the second attempt; each later one doubles it. */
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Ten attempts over about six hours: 1, 2, 4, … minutes, at most two hours apart. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 10,
  baseDelayMs: 60_000,
  maxDelayMs: 2 * 60 * 60_000,
};

/**
 * The wait before the next attempt, after `attempt` failed ones: exponential backoff with
 * "equal jitter" — half the step fixed, half spread by a hash of the message key and attempt.
 * The spread keeps messages that failed together (a server restart) from retrying together;
 * deriving it from the key instead of a random source keeps runs reproducible.
 */
export function retryDelay(policy: RetryPolicy, attempt: number, key: string): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  const spread = murmur3(`${key}#${attempt}`) / 4294967296;
  return Math.round(step / 2 + (step / 2) * spread);
}
