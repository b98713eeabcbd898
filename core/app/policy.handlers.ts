import type { ApiHandlers } from '../api/contract';
import {
  SENDING_POLICY_KEY,
  savedSendingPolicy,
  type SendingPolicy,
} from '../policy/sending-policy';
import type { AppSettings } from './ports';

export type PolicyHandlers = Pick<ApiHandlers, 'getSendingPolicy' | 'saveSendingPolicy'>;

export interface PolicyContext {
  settings: AppSettings;
  transaction: <T>(work: () => T) => T;
}

/** The library's sending policy as saved; none until one is. */
export function savedPolicy(settings: Pick<AppSettings, 'get'>): SendingPolicy {
  return savedSendingPolicy(settings.get(SENDING_POLICY_KEY));
}

/**
 * The library's sending policy, kept in its settings. The live engine reads it in each
 * transaction it runs, so a saved policy holds from the next step of every live journey.
 */
export function policyHandlers({ settings, transaction }: PolicyContext): PolicyHandlers {
  return {
    getSendingPolicy: () => Promise.resolve({ policy: savedPolicy(settings) }),
    saveSendingPolicy: ({ policy }) => {
      transaction(() => settings.set(SENDING_POLICY_KEY, JSON.stringify(policy)));
      return Promise.resolve({ policy: savedPolicy(settings) });
    },
  };
}
