import type { EmailDesign } from '../../core/email-design/design-schema';

/** How many edits the designer's undo reaches back. */
const LIMIT = 100;
/** Edits with the same key this close together are one undo step (typing in a field). */
const COALESCE_MS = 1200;

/** The designer's own undo and redo, over whole designs. */
export interface DesignHistory {
  design: EmailDesign;
  past: readonly EmailDesign[];
  future: readonly EmailDesign[];
  last: { key: string; at: number } | null;
}

export type HistoryAction =
  | { type: 'edit'; design: EmailDesign; key?: string; at: number }
  | { type: 'undo' }
  | { type: 'redo' };

export function startHistory(design: EmailDesign): DesignHistory {
  return { design, past: [], future: [], last: null };
}

export function historyReducer(state: DesignHistory, action: HistoryAction): DesignHistory {
  switch (action.type) {
    case 'edit': {
      if (action.design === state.design) return state;
      const merge =
        action.key !== undefined &&
        state.last?.key === action.key &&
        action.at - state.last.at < COALESCE_MS &&
        state.past.length > 0;
      return {
        design: action.design,
        past: merge ? state.past : [...state.past, state.design].slice(-LIMIT),
        future: [],
        last: action.key !== undefined ? { key: action.key, at: action.at } : null,
      };
    }
    case 'undo': {
      const previous = state.past.at(-1);
      if (!previous) return state;
      return {
        design: previous,
        past: state.past.slice(0, -1),
        future: [state.design, ...state.future],
        last: null,
      };
    }
    case 'redo': {
      const [next, ...rest] = state.future;
      if (!next) return state;
      return { design: next, past: [...state.past, state.design], future: rest, last: null };
    }
  }
}
