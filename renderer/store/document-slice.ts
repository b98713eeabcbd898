import type { StateCreator } from 'zustand';
import type { Journey } from '../../core/model/journey';
import { serializeJourney } from '../../core/model/journey-file';
import type { AppState } from './app-store';
import { rebuildFlow } from './flow-slice';
import { recordEdit } from './history-slice';
import { deriveValidation } from './validation-slice';

export interface CommitOptions {
  /** Merges quick successive edits with the same key into one undo step (typing in a field). */
  coalesce?: string;
  /** The selection after the edit (e.g. a new node); kept as it is when absent. */
  select?: readonly string[];
}

/** The journey being edited: the one source of truth that undo, validation and saving read. */
export interface DocumentSlice {
  journey: Journey | null;
  /** The library revision the document was loaded or last saved at. */
  revision: number | undefined;
  /** The journey file as last loaded or saved, to tell whether there are unsaved changes. */
  savedText: string | null;
  dirty: boolean;
  loadJourney: (journey: Journey, revision: number | undefined) => void;
  closeJourney: () => void;
  /** An edit: one undo step, then validation and the canvas follow. */
  commit: (next: Journey, options?: CommitOptions) => void;
  /** Shows a document without recording an undo step (undo and redo use it). */
  applyJourney: (journey: Journey, select?: readonly string[]) => void;
  markSaved: (journey: Journey, revision: number) => void;
}

export const createDocumentSlice: StateCreator<AppState, [], [], DocumentSlice> = (set, get) => ({
  journey: null,
  revision: undefined,
  savedText: null,
  dirty: false,
  loadJourney(journey, revision) {
    // Another journey's simulation and run mean nothing here; reloading the same one keeps them.
    if (get().journey?.id !== journey.id) {
      get().resetSimulation();
      get().resetExecution();
    }
    set({
      ...rebuildFlow(
        { ...get(), nodes: [], edges: [] },
        {
          journey,
          revision,
          savedText: serializeJourney(journey),
          dirty: false,
          selectedNodeIds: [],
          selectedEdgeIds: [],
          ...deriveValidation(journey, new Map()),
        },
      ),
      past: [],
      future: [],
      lastEdit: null,
      dragging: false,
    });
  },
  closeJourney() {
    get().resetSimulation();
    get().resetExecution();
    set({
      journey: null,
      revision: undefined,
      savedText: null,
      dirty: false,
      nodes: [],
      edges: [],
      selectedNodeIds: [],
      selectedEdgeIds: [],
      past: [],
      future: [],
      lastEdit: null,
      ...deriveValidation(null, new Map()),
    });
  },
  commit(next, options = {}) {
    const state = get();
    if (!state.journey || next === state.journey) {
      if (options.select) state.select(options.select);
      return;
    }
    set(recordEdit(state, state.journey, options.coalesce, Date.now()));
    get().applyJourney(next, options.select);
  },
  applyJourney(journey, select) {
    const state = get();
    const ids = new Set(journey.nodes.map((n) => n.id));
    const selectedNodeIds = (select ?? state.selectedNodeIds).filter((id) => ids.has(id));
    const patch: Partial<AppState> = {
      journey,
      dirty: state.savedText === null || serializeJourney(journey) !== state.savedText,
      selectedNodeIds,
      selectedEdgeIds: select ? [] : state.selectedEdgeIds,
      ...deriveValidation(journey, state.issuesByNode),
    };
    const flow = rebuildFlow(state, patch);
    const edgeIds = new Set(flow.edges?.map((e) => e.id));
    set({ ...flow, selectedEdgeIds: (flow.selectedEdgeIds ?? []).filter((id) => edgeIds.has(id)) });
  },
  markSaved(journey, revision) {
    const savedText = serializeJourney(journey);
    const current = get().journey;
    set({
      revision,
      savedText,
      dirty: current ? serializeJourney(current) !== savedText : false,
    });
  },
});
