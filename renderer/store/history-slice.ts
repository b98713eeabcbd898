import type { StateCreator } from 'zustand';
import type { Journey } from '../../core/model/journey';
import type { AppState } from './app-store';

/** How many edits undo reaches back. */
export const HISTORY_LIMIT = 200;
/** Edits with the same coalescing key this close together are one undo step (typing, nudging). */
const COALESCE_MS = 1500;

/**
 * Undo and redo over the journey document only: each step is a whole document (documents are
 * immutable, so a step costs only what changed). Zoom, selection and panel state are not undone.
 */
export interface HistorySlice {
  past: readonly Journey[];
  future: readonly Journey[];
  lastEdit: { key: string; at: number } | null;
  undo: () => void;
  redo: () => void;
  /** Forgets every step: a journey was opened, reloaded or replaced. */
  resetHistory: () => void;
}

export const createHistorySlice: StateCreator<AppState, [], [], HistorySlice> = (set, get) => ({
  past: [],
  future: [],
  lastEdit: null,
  undo() {
    const { past, future, journey } = get();
    const previous = past[past.length - 1];
    if (!previous || !journey) return;
    set({ past: past.slice(0, -1), future: [journey, ...future], lastEdit: null });
    get().applyJourney(previous);
  },
  redo() {
    const { past, future, journey } = get();
    const next = future[0];
    if (!next || !journey) return;
    set({ past: [...past, journey], future: future.slice(1), lastEdit: null });
    get().applyJourney(next);
  },
  resetHistory() {
    set({ past: [], future: [], lastEdit: null });
  },
});

/** The history after an edit from `current`: a new step, or merged into the last one. */
export function recordEdit(
  state: Pick<HistorySlice, 'past' | 'lastEdit'>,
  current: Journey,
  coalesce: string | undefined,
  now: number,
): Pick<HistorySlice, 'past' | 'future' | 'lastEdit'> {
  const merge =
    coalesce !== undefined &&
    state.lastEdit?.key === coalesce &&
    now - state.lastEdit.at < COALESCE_MS &&
    state.past.length > 0;
  const past = merge ? state.past : [...state.past, current].slice(-HISTORY_LIMIT);
  return {
    past,
    future: [],
    lastEdit: coalesce !== undefined ? { key: coalesce, at: now } : null,
  };
}
