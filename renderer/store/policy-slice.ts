import type { StateCreator } from 'zustand';
import type { AppApi } from '../../core/api/contract';
import type { SendingPolicy } from '../../core/policy/sending-policy';
import type { AppState } from './app-store';
import { failure, type Outcome } from './execution-slice';

/** The library's sending policy (DESIGN §8): across all journeys, how much one person gets. */
export interface PolicySlice {
  /** As saved; null until read. */
  sendingPolicy: SendingPolicy | null;
  loadSendingPolicy: () => Promise<Outcome<SendingPolicy>>;
  saveSendingPolicy: (policy: SendingPolicy) => Promise<Outcome<SendingPolicy>>;
}

export const createPolicySlice =
  (api: AppApi): StateCreator<AppState, [], [], PolicySlice> =>
  (set) => ({
    sendingPolicy: null,
    async loadSendingPolicy() {
      try {
        const { policy } = await api.getSendingPolicy({});
        set({ sendingPolicy: policy });
        return { ok: true, value: policy };
      } catch (error) {
        return failure(error);
      }
    },
    async saveSendingPolicy(policy) {
      try {
        const saved = await api.saveSendingPolicy({ policy });
        set({ sendingPolicy: saved.policy });
        return { ok: true, value: saved.policy };
      } catch (error) {
        return failure(error);
      }
    },
  });
