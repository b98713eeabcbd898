import type { StateCreator } from 'zustand';
import { ApiError, type AppApi, type AppOutput } from '../../core/api/contract';
import { caseFromTrace, casesFileText } from '../../core/cases/case-from-trace';
import { traceFocus, traceRows, type TraceFocus, type TraceRow } from '../simulation/trace-view';
import { apiErrorWords } from '../api/api-error-words';
import { words, type Words } from '../i18n/words';
import type { AppState } from './app-store';

export type TraceResult = AppOutput<'traceProfile'>;

export interface TraceState {
  profileId: string | null;
  loading: boolean;
  result: TraceResult | null;
  rows: TraceRow[];
  /** The step in focus. */
  index: number;
  /** What the canvas lights up at that step. */
  focus: TraceFocus | null;
  /**
   * Why there is no path to show: the profile is not in the run's data, or never entered, or
   * the run itself is no longer kept.
   */
  missing: 'profile' | 'path' | 'run' | null;
  error: Words | null;
}

/** One profile's path through the shown run, stepped through on the canvas. */
export interface TraceSlice {
  trace: TraceState;
  traceProfile: (profileId: string) => Promise<void>;
  setTraceStep: (index: number) => void;
  stepTrace: (delta: number) => void;
  clearTrace: () => void;
  /**
   * Saves the followed profile's path as a journey test case (docs/journey-tests.md) where the
   * user chooses (a dialog, or a download), named `name`. Answers the file's name, or why not.
   */
  saveTraceAsCase: (
    name: string,
  ) => Promise<{ ok: true; fileName: string } | { ok: false; error: Words } | null>;
}

const INITIAL: TraceState = {
  profileId: null,
  loading: false,
  result: null,
  rows: [],
  index: 0,
  focus: null,
  missing: null,
  error: null,
};

export const createTraceSlice =
  (api: AppApi): StateCreator<AppState, [], [], TraceSlice> =>
  (set, get) => ({
    trace: INITIAL,
    async traceProfile(profileId) {
      const run = get().simulation.run;
      const id = profileId.trim();
      if (!run || !id) return;
      set({
        trace: { ...INITIAL, profileId: id, loading: true },
        simulation: { ...get().simulation, open: true, tab: 'trace' },
      });
      try {
        const result = await api.traceProfile({ runId: run.id, profileId: id });
        if (get().trace.profileId !== id || get().simulation.run?.id !== run.id) return;
        // Names and exits as the run saw them; the editor may have moved on since.
        const rows = traceRows(result.steps, run.journey, run.journey.settings.timezone ?? 'UTC');
        set({
          trace: {
            ...INITIAL,
            profileId: id,
            result,
            rows,
            focus: rows.length ? traceFocus(rows, 0) : null,
            missing: !result.found ? 'profile' : rows.length === 0 ? 'path' : null,
          },
        });
      } catch (error) {
        const gone =
          error instanceof ApiError && error.code === 'not-found' && error.field === 'runId';
        set({
          trace: gone
            ? { ...INITIAL, profileId: id, missing: 'run' }
            : { ...INITIAL, profileId: id, error: apiErrorWords(error) },
        });
      }
    },
    setTraceStep(index) {
      const { rows } = get().trace;
      if (rows.length === 0) return;
      const clamped = Math.max(0, Math.min(rows.length - 1, index));
      set({ trace: { ...get().trace, index: clamped, focus: traceFocus(rows, clamped) } });
    },
    stepTrace(delta) {
      get().setTraceStep(get().trace.index + delta);
    },
    async saveTraceAsCase(name) {
      const run = get().simulation.run;
      const result = get().trace.result;
      if (!run || !result?.found) return null;
      const made = caseFromTrace(
        run.journey,
        {
          profileId: result.profileId,
          attributes: result.attributes ?? {},
          events: (result.events ?? []).map((e) => ({ ...e, time: Date.parse(e.time) })),
          steps: result.steps,
          messages: result.messages.map((m) => ({ ...m, at: Date.parse(m.at) })),
        },
        {
          start: Date.parse(run.report.window.start),
          end: Date.parse(run.report.window.end),
          seed: run.params.seed,
          name,
        },
      );
      if (!made.ok)
        return {
          ok: false,
          error: words(
            made.code === 'too-many-events'
              ? 'notice.case.tooManyEvents'
              : 'notice.case.tooManySteps',
            made.values,
          ),
        };
      try {
        const saved = await api.saveFile({
          kind: 'cases',
          suggestedName: `${run.journeyId}.cases.json`,
          text: casesFileText(run.journeyId, [made.case]),
        });
        return saved.canceled ? null : { ok: true, fileName: saved.fileName };
      } catch (error) {
        return { ok: false, error: apiErrorWords(error) };
      }
    },
    clearTrace() {
      if (get().trace !== INITIAL) set({ trace: INITIAL });
    },
  });
