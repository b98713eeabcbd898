import type { StateCreator } from 'zustand';
import type { AppApi } from '../../core/api/contract';
import { DEFAULT_SENSITIVITY_RUNS, type SensitivityResult } from '../../core/forecast/sensitivity';
import { apiErrorWords } from '../api/api-error-words';
import type { Words } from '../i18n/words';
import type { AppState } from './app-store';
import { newCallId } from './new-id';
import { endedBy, type SimulationProgressState } from './simulation-slice';

/** Which assumption moves a forecast's conversions most (the tornado chart), as it is worked out. */
export interface SensitivityState {
  /** The forecast analysed: a result belongs to it alone. */
  runId: string | null;
  running: boolean;
  /** The call under way, as `cancelSimulation` names it. */
  callId: string | null;
  progress: SimulationProgressState | null;
  result: SensitivityResult | null;
  error: Words | null;
  /** The last analysis was stopped before it finished. */
  stopped: boolean;
}

export interface SensitivitySlice {
  sensitivity: SensitivityState;
  /** Varies each rate a kept forecast assumed, ±50%, over a few runs each. */
  analyseSensitivity: (runId: string) => Promise<void>;
  cancelSensitivity: () => Promise<void>;
  /** Forgets the analysis (another journey was opened), stopping one under way. */
  resetSensitivity: () => void;
}

const INITIAL: SensitivityState = {
  runId: null,
  running: false,
  callId: null,
  progress: null,
  result: null,
  error: null,
  stopped: false,
};

export const createSensitivitySlice =
  (api: AppApi): StateCreator<AppState, [], [], SensitivitySlice> =>
  (set, get) => {
    const patch = (change: Partial<SensitivityState>) =>
      set({ sensitivity: { ...get().sensitivity, ...change } });
    return {
      sensitivity: INITIAL,
      async analyseSensitivity(runId) {
        if (get().sensitivity.running) return;
        const callId = newCallId('tornado');
        set({
          sensitivity: {
            ...INITIAL,
            runId,
            running: true,
            callId,
            progress: { done: 0, total: 0 },
          },
        });
        const stop = api.onSimulationProgress(({ runId: id, ...progress }) => {
          if (id === callId && get().sensitivity.callId === callId) patch({ progress });
        });
        try {
          const result = await api.forecastSensitivity({
            runId,
            callId,
            runs: DEFAULT_SENSITIVITY_RUNS,
            change: 0.5,
          });
          if (get().sensitivity.callId !== callId) return;
          patch({ running: false, callId: null, progress: null, result });
        } catch (error) {
          if (get().sensitivity.callId !== callId) return;
          patch(endedBy(error));
        } finally {
          stop();
        }
      },
      async cancelSensitivity() {
        const { callId } = get().sensitivity;
        if (!callId) return;
        try {
          await api.cancelSimulation({ runId: callId });
        } catch (error) {
          get().notify(apiErrorWords(error), 'error');
        }
      },
      resetSensitivity() {
        const { callId } = get().sensitivity;
        if (callId) void api.cancelSimulation({ runId: callId }).catch(() => undefined);
        if (get().sensitivity !== INITIAL) set({ sensitivity: INITIAL });
      },
    };
  };
