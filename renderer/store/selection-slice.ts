import type { StateCreator } from 'zustand';
import type { AppState } from './app-store';
import { rebuildFlow } from './flow-slice';

export interface SelectionSlice {
  selectedNodeIds: readonly string[];
  selectedEdgeIds: readonly string[];
  /** Replaces the selection; the canvas follows. */
  select: (nodeIds: readonly string[], edgeIds?: readonly string[]) => void;
  selectAll: () => void;
  clearSelection: () => void;
}

export const createSelectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set, get) => ({
  selectedNodeIds: [],
  selectedEdgeIds: [],
  select(nodeIds, edgeIds = []) {
    set(rebuildFlow(get(), { selectedNodeIds: [...nodeIds], selectedEdgeIds: [...edgeIds] }));
  },
  selectAll() {
    const { journey, edges } = get();
    if (!journey) return;
    get().select(
      journey.nodes.map((n) => n.id),
      edges.map((e) => e.id),
    );
  },
  clearSelection() {
    if (get().selectedNodeIds.length || get().selectedEdgeIds.length) get().select([], []);
  },
});
