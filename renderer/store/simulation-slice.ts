import type { StateCreator } from 'zustand';
import { ApiError, type AppApi } from '../../core/api/contract';
import type { Dataset } from '../../core/api/data-contract';
import type { RunSummary, SimulationRun } from '../../core/api/simulation-contract';
import { simulationOverlay, type SimulationOverlay } from '../simulation/overlay';
import {
  DEFAULT_FORECAST_RUNS,
  EMPTY_SETUP,
  inputFromUtc,
  readSetup,
  type SimulationSetup,
} from '../simulation/setup';
import { apiErrorWords } from '../api/api-error-words';
import type { Words } from '../i18n/words';
import type { AppState } from './app-store';

/**
 * How a simulation-like call stands once it threw: stopped when the user cancelled it, else
 * failed with the reason in words.
 */
export function endedBy(error: unknown) {
  const stopped = error instanceof ApiError && error.code === 'cancelled';
  return {
    running: false,
    callId: null,
    progress: null,
    stopped,
    error: stopped ? null : apiErrorWords(error),
  } as const;
}
import { newCallId } from './new-id';

export type SimulationTab = 'results' | 'assumptions' | 'messages' | 'compare' | 'trace';

/** How far a simulation is: profiles done of all, a forecast's runs, and the time left. */
export interface SimulationProgressState {
  done: number;
  total: number;
  runs?: number;
  etaMs?: number;
}

export interface SimulationState {
  /** The panel is shown in place of the inspector. */
  open: boolean;
  setup: SimulationSetup;
  running: boolean;
  /** The call under way, as `cancelSimulation` names it. */
  callId: string | null;
  progress: SimulationProgressState | null;
  /** Why the last simulation could not run: the form, or the engine. */
  error: Words | null;
  /** A problem of the form's forecast fields, shown beside them. */
  problem: Words | null;
  /** The last simulation was stopped before it finished (nothing was kept). */
  stopped: boolean;
  /** The run shown: the newest of this journey, or the one just made. */
  run: SimulationRun | null;
  /** The run's figures as the canvas draws them. */
  overlay: SimulationOverlay | null;
  /** This journey's kept runs, newest first. */
  runs: RunSummary[];
  /** The run the shown one is compared with (by default the one before it). */
  compareWith: SimulationRun | null;
  showCounts: boolean;
  tab: SimulationTab;
  /** The step whose figures and profiles the panel shows (a count on the canvas was clicked). */
  focusNodeId: string | null;
}

export interface SimulationSlice {
  simulation: SimulationState;
  setSimulationOpen: (open: boolean) => void;
  updateSimulationSetup: (change: Partial<SimulationSetup>) => void;
  /** Simulates the journey as it is in the editor, saved or not. */
  runSimulation: () => Promise<void>;
  /** Stops the simulation under way; its call fails and nothing is kept. */
  cancelSimulation: () => Promise<void>;
  /** Loads this journey's kept runs, and shows the newest when nothing is shown yet. */
  loadSimulationRuns: () => Promise<void>;
  compareWithRun: (id: string | null) => Promise<void>;
  setShowCounts: (show: boolean) => void;
  setSimulationTab: (tab: SimulationTab) => void;
  /** Shows a step's figures in the panel (and opens it). */
  focusSimulationNode: (nodeId: string | null) => void;
  /** A data set was deleted: it can no longer be chosen. */
  forgetDataset: (id: string) => void;
  /** Another journey was opened, or none: nothing of the last one's simulation is kept. */
  resetSimulation: () => void;
}

const INITIAL: SimulationState = {
  open: false,
  setup: EMPTY_SETUP,
  running: false,
  callId: null,
  progress: null,
  error: null,
  problem: null,
  stopped: false,
  run: null,
  overlay: null,
  runs: [],
  compareWith: null,
  showCounts: true,
  tab: 'results',
  focusNodeId: null,
};

/** The setup a run was made with, so the form shows what the results come from. */
function setupOf(run: SimulationRun): SimulationSetup {
  const { params } = run;
  return {
    profilesDatasetId: params.profilesDatasetId ?? '',
    eventsDatasetId: params.eventsDatasetId ?? '',
    start: params.start ? inputFromUtc(params.start) : '',
    length: params.days !== undefined ? 'days' : params.end !== undefined ? 'end' : 'data',
    days: params.days !== undefined ? String(params.days) : EMPTY_SETUP.days,
    end: params.end ? inputFromUtc(params.end) : '',
    seed: String(params.seed),
    mode: params.forecast ? 'forecast' : 'replay',
    runs: String(params.forecast?.runs ?? DEFAULT_FORECAST_RUNS),
    defaults: params.forecast?.defaults ?? true,
    withLive: params.withLive === true,
  };
}

/** A first setup for a journey never simulated: the newest events, and profiles if there are. */
export function defaultSetup(datasets: readonly Dataset[]): SimulationSetup {
  const newest = (kind: Dataset['kind']) =>
    [...datasets]
      .filter((d) => d.kind === kind)
      .sort((a, b) => b.importedAt.localeCompare(a.importedAt))[0];
  const events = newest('events');
  // Generated profiles belong with their events; imported ones are a separate choice.
  const profiles = newest('profiles');
  const pair = events?.source === 'generated' && profiles?.source === 'generated';
  return {
    ...EMPTY_SETUP,
    eventsDatasetId: events?.id ?? '',
    profilesDatasetId: pair || !events ? (profiles?.id ?? '') : '',
  };
}

export const createSimulationSlice =
  (api: AppApi): StateCreator<AppState, [], [], SimulationSlice> =>
  (set, get) => {
    const patch = (change: Partial<SimulationState>) =>
      set({ simulation: { ...get().simulation, ...change } });

    const show = (run: SimulationRun, compareWith: SimulationRun | null) => {
      patch({
        run,
        overlay: simulationOverlay(run.report),
        compareWith,
        setup: setupOf(run),
      });
    };

    const previousOf = async (run: SimulationRun, runs: readonly RunSummary[]) => {
      const index = runs.findIndex((r) => r.id === run.id);
      const before = index === -1 ? undefined : runs[index + 1];
      return before ? api.getSimulationRun({ id: before.id }) : null;
    };

    return {
      simulation: INITIAL,
      setSimulationOpen(open) {
        // The run panel takes the same place, and its live counts the same spots on the canvas.
        if (open && get().execution.open) get().setRunOpen(false);
        patch({ open });
        if (open) {
          void get().refreshDatasets();
          if (!get().simulation.run) void get().loadSimulationRuns();
        }
      },
      updateSimulationSetup(change) {
        patch({
          setup: { ...get().simulation.setup, ...change },
          error: null,
          problem: null,
          stopped: false,
        });
      },
      async runSimulation() {
        const { journey, simulation, data } = get();
        if (!journey || simulation.running) return;
        const checked = readSetup(simulation.setup, data.datasets ?? []);
        if (!checked.ok) {
          const { problem } = checked;
          if (checked.field === 'runs') patch({ problem, error: null });
          else patch({ error: problem, problem: null });
          return;
        }
        const runId = newCallId('run');
        patch({
          running: true,
          callId: runId,
          progress: {
            done: 0,
            total: 0,
            ...(checked.params.forecast && { runs: checked.params.forecast.runs }),
          },
          error: null,
          problem: null,
          stopped: false,
        });
        const stop = api.onSimulationProgress(({ runId: id, ...progress }) => {
          if (id === runId && get().simulation.running) patch({ progress });
        });
        try {
          const run = await api.simulate({
            journeyId: journey.id,
            journey,
            runId,
            ...checked.params,
          });
          if (get().journey?.id !== journey.id) return;
          const runs = await api.listSimulationRuns({ journeyId: journey.id });
          const previous = await previousOf(run, runs);
          patch({ runs, running: false, callId: null, progress: null, focusNodeId: null });
          show(run, previous);
          get().clearTrace();
        } catch (error) {
          patch(endedBy(error));
        } finally {
          stop();
        }
      },
      async cancelSimulation() {
        const { callId } = get().simulation;
        if (!callId) return;
        try {
          await api.cancelSimulation({ runId: callId });
        } catch (error) {
          get().notify(apiErrorWords(error), 'error');
        }
      },
      async loadSimulationRuns() {
        const journey = get().journey;
        if (!journey) return;
        try {
          const runs = await api.listSimulationRuns({ journeyId: journey.id });
          if (get().journey?.id !== journey.id) return;
          patch({ runs });
          const newest = runs[0];
          if (get().simulation.run || !newest) {
            if (!newest && !get().simulation.run) {
              const datasets = get().data.datasets ?? (await api.listDatasets({}));
              if (
                !get().simulation.setup.eventsDatasetId &&
                !get().simulation.setup.profilesDatasetId
              )
                patch({ setup: defaultSetup(datasets) });
            }
            return;
          }
          const run = await api.getSimulationRun({ id: newest.id });
          const previous = await previousOf(run, runs);
          if (get().journey?.id !== journey.id || get().simulation.run) return;
          show(run, previous);
        } catch (error) {
          get().notify(apiErrorWords(error), 'error');
        }
      },
      async compareWithRun(id) {
        if (id === null) {
          patch({ compareWith: null });
          return;
        }
        try {
          patch({ compareWith: await api.getSimulationRun({ id }) });
        } catch (error) {
          get().notify(apiErrorWords(error), 'error');
        }
      },
      setShowCounts(showCounts) {
        patch({ showCounts });
      },
      setSimulationTab(tab) {
        patch({ tab });
      },
      focusSimulationNode(focusNodeId) {
        patch({ focusNodeId, ...(focusNodeId !== null && { open: true, tab: 'results' }) });
      },
      forgetDataset(id) {
        const { setup } = get().simulation;
        if (setup.profilesDatasetId === id) get().updateSimulationSetup({ profilesDatasetId: '' });
        if (setup.eventsDatasetId === id) get().updateSimulationSetup({ eventsDatasetId: '' });
      },
      resetSimulation() {
        if (get().simulation !== INITIAL) set({ simulation: INITIAL });
        get().clearTrace();
        get().resetSensitivity();
      },
    };
  };
