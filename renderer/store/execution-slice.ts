import type { StateCreator } from 'zustand';
import { ApiError, type AppApi, type AppInput } from '../../core/api/contract';
import type {
  EngineInfo,
  ExecutionInfo,
  LiveCounts,
  SmtpSettingsView,
} from '../../core/api/execution-contract';
import type { PublishImpactView } from '../../core/api/publish-contract';
import type { MigrationPlan } from '../../core/migration/migration-plan';
import type { RunAction } from '../execution/run-controls';
import { apiErrorWords } from '../api/api-error-words';
import { words, type Words } from '../i18n/words';
import type { AppState } from './app-store';

export type RunTab = 'live' | 'test' | 'api';

/** What a call to the engine came to: its answer, or what went wrong in words. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: Words; field?: string };

export interface ExecutionView {
  /** The run panel is shown in place of the inspector, and live counts on the canvas. */
  open: boolean;
  tab: RunTab;
  /** The open journey's execution, as last read or pushed. */
  info: ExecutionInfo | null;
  /** What is being asked of the engine right now. */
  pending: RunAction | null;
  /** Why the last call about this journey failed. */
  error: Words | null;
  /** When the counts last arrived, pushed or read (ms since epoch). */
  freshAt: number;
  engine: EngineInfo | null;
  engineError: Words | null;
}

export interface ExecutionSlice {
  execution: ExecutionView;
  setRunOpen: (open: boolean) => void;
  setRunTab: (tab: RunTab) => void;
  /** Reads the open journey's state, versions and counts. */
  refreshExecution: () => Promise<void>;
  /** What publishing the saved journey would mean for the people inside it. */
  previewPublish: () => Promise<Outcome<PublishImpactView>>;
  /**
   * Freezes the saved journey as a new version (refused while unsaved or with errors); people
   * inside are carried over as `migration` chooses for their group, else finish on their version.
   */
  publishJourney: (migration?: MigrationPlan) => Promise<void>;
  /** Start (or resume), pause or stop the open journey. */
  setRunState: (state: 'running' | 'paused' | 'stopped') => Promise<void>;
  /** Counts pushed by the engine; other journeys' are ignored. */
  applyLiveCounts: (counts: LiveCounts) => void;
  /**
   * Follows the engine's pushes (live counts, engine changes) into the store; answers the
   * function that stops following.
   */
  watchExecution: () => () => void;
  refreshEngine: () => Promise<void>;
  applyEngineInfo: (engine: EngineInfo) => void;
  sendTestEvent: (input: AppInput<'sendTestEvent'>) => Promise<Outcome<{ accepted: boolean }>>;
  loadSmtpSettings: () => Promise<Outcome<SmtpSettingsView>>;
  saveSmtpSettings: (input: AppInput<'saveSmtpSettings'>) => Promise<Outcome<SmtpSettingsView>>;
  sendTestEmail: (to: string) => Promise<Outcome<{ ok: boolean; detail: string }>>;
  /** Another journey was opened, or none: nothing of the last one's execution is kept. */
  resetExecution: () => void;
}

const INITIAL: ExecutionView = {
  open: false,
  tab: 'live',
  info: null,
  pending: null,
  error: null,
  freshAt: 0,
  engine: null,
  engineError: null,
};

/** A failed call as an `Outcome`, with its words and the field it concerns. */
export function failure(error: unknown): { ok: false; error: Words; field?: string } {
  return {
    ok: false,
    error: apiErrorWords(error),
    ...(error instanceof ApiError && error.field !== undefined && { field: error.field }),
  };
}

const ANNOUNCE: Record<'running' | 'paused' | 'stopped', (info: ExecutionInfo) => Words> = {
  running: (info) =>
    words('notice.running', { version: info.liveVersion ?? info.latestVersion ?? 0 }),
  paused: () => words('notice.paused'),
  stopped: () => words('notice.stopped'),
};

export const createExecutionSlice =
  (api: AppApi): StateCreator<AppState, [], [], ExecutionSlice> =>
  (set, get) => {
    const patch = (change: Partial<ExecutionView>) =>
      set({ execution: { ...get().execution, ...change } });

    /** Runs a call about the open journey; an answer for a journey since closed is dropped. */
    const act = async (action: RunAction, call: (journeyId: string) => Promise<ExecutionInfo>) => {
      const journeyId = get().journey?.id;
      if (!journeyId || get().execution.pending) return undefined;
      patch({ pending: action, error: null });
      try {
        const info = await call(journeyId);
        if (get().journey?.id !== journeyId) return undefined;
        patch({ info, pending: null, freshAt: Date.now() });
        return info;
      } catch (error) {
        if (get().journey?.id === journeyId) patch({ pending: null, error: apiErrorWords(error) });
        return undefined;
      }
    };

    return {
      execution: INITIAL,
      setRunOpen(open) {
        if (open && get().simulation.open)
          set({ simulation: { ...get().simulation, open: false } });
        patch({ open });
      },
      setRunTab(tab) {
        patch({ tab });
      },
      async refreshExecution() {
        const journeyId = get().journey?.id;
        if (!journeyId) return;
        try {
          const info = await api.getExecution({ journeyId });
          if (get().journey?.id !== journeyId) return;
          // A publish or state change answered meanwhile is newer than this read.
          if (get().execution.pending) return;
          patch({ info, freshAt: Date.now(), error: null });
        } catch (error) {
          if (get().journey?.id === journeyId) patch({ error: apiErrorWords(error) });
        }
      },
      async previewPublish() {
        const journeyId = get().journey?.id;
        if (!journeyId) return { ok: false, error: words('notice.noJourneyOpen') };
        try {
          return { ok: true, value: await api.previewPublish({ journeyId }) };
        } catch (error) {
          return failure(error);
        }
      },
      async publishJourney(migration) {
        const { dirty, validation } = get();
        if (validation.errors > 0) {
          patch({ error: words('notice.publishHasErrors') });
          return;
        }
        if (dirty) {
          patch({ error: words('notice.publishUnsaved') });
          return;
        }
        let created = false;
        const info = await act('publish', async (journeyId) => {
          const {
            created: made,
            migrated: _migrated,
            ...rest
          } = await api.publishJourney({
            journeyId,
            ...(migration && Object.keys(migration).length > 0 && { migration }),
          });
          created = made;
          return rest;
        });
        if (!info) return;
        const version = info.latestVersion ?? 0;
        if (!created) get().notify(words('notice.publishedNothingNew', { version }), 'info');
        else if (info.state === 'running')
          get().notify(words('notice.publishedRunning', { version }), 'success');
        else get().notify(words('notice.published', { version }), 'success');
      },
      async setRunState(state) {
        const info = await act(state, (journeyId) => api.setExecutionState({ journeyId, state }));
        if (info) get().notify(ANNOUNCE[state](info), 'success');
      },
      applyLiveCounts(counts) {
        const { info } = get().execution;
        // The info belongs to the open journey (another journey's is reset on opening it).
        if (!info || counts.journeyId !== info.journeyId) return;
        patch({ info: { ...info, counts }, freshAt: Date.now() });
      },
      watchExecution() {
        const stopCounts = api.onLiveCounts((counts) => get().applyLiveCounts(counts));
        const stopEngine = api.onEngineChanged((engine) => get().applyEngineInfo(engine));
        // A start, pause or stop from another window shows here at once.
        const stopState = api.onExecutionChanged((changed) => {
          const { info } = get().execution;
          if (info && changed.journeyId === info.journeyId)
            patch({ info: changed, freshAt: Date.now() });
        });
        return () => {
          stopCounts();
          stopEngine();
          stopState();
        };
      },
      async refreshEngine() {
        try {
          patch({ engine: await api.getEngineInfo({}), engineError: null });
        } catch (error) {
          patch({ engineError: apiErrorWords(error) });
        }
      },
      applyEngineInfo(engine) {
        patch({ engine, engineError: null });
      },
      async sendTestEvent(input) {
        try {
          return { ok: true, value: await api.sendTestEvent(input) };
        } catch (error) {
          return failure(error);
        }
      },
      async loadSmtpSettings() {
        try {
          return { ok: true, value: await api.getSmtpSettings({}) };
        } catch (error) {
          return failure(error);
        }
      },
      async saveSmtpSettings(input) {
        try {
          const value = await api.saveSmtpSettings(input);
          void get().refreshEngine();
          return { ok: true, value };
        } catch (error) {
          return failure(error);
        }
      },
      async sendTestEmail(to) {
        try {
          return { ok: true, value: await api.sendTestEmail({ to }) };
        } catch (error) {
          return failure(error);
        }
      },
      resetExecution() {
        const { engine, engineError } = get().execution;
        // The engine is the same whichever journey is open.
        set({ execution: { ...INITIAL, engine, engineError } });
      },
    };
  };
