import {
  applyNodeChanges,
  type EdgeChange,
  type NodeChange,
  type NodePositionChange,
} from '@xyflow/react';
import type { StateCreator } from 'zustand';
import {
  flowToJourney,
  journeyToFlow,
  type JourneyFlowEdge,
  type JourneyFlowNode,
} from '../canvas/flow-mapping';
import type { AppState } from './app-store';

/**
 * React Flow's nodes and edges, derived from the journey document. The canvas writes only view
 * state here (measurements, positions during a drag, selection); a finished move is committed to
 * the document, which is what undo and saving see.
 */
export interface FlowSlice {
  nodes: JourneyFlowNode[];
  edges: JourneyFlowEdge[];
  /** True between the first and the last position change of a drag. */
  dragging: boolean;
  onNodesChange: (changes: NodeChange<JourneyFlowNode>[]) => void;
  onEdgesChange: (changes: EdgeChange<JourneyFlowEdge>[]) => void;
}

/** Recomputes the flow for a state change, reusing every unchanged node and edge object. */
export function rebuildFlow(state: AppState, patch: Partial<AppState>): Partial<AppState> {
  const next = { ...state, ...patch };
  if (!next.journey) return { ...patch, nodes: [], edges: [] };
  const flow = journeyToFlow(next.journey, {
    issuesByNode: next.issuesByNode,
    selectedNodes: new Set(next.selectedNodeIds),
    selectedEdges: new Set(next.selectedEdgeIds),
    previous: { nodes: state.nodes, edges: state.edges },
  });
  return { ...patch, nodes: flow.nodes, edges: flow.edges };
}

function applySelection(
  current: readonly string[],
  changes: readonly { id: string; selected: boolean }[],
): string[] {
  const selected = new Set(current);
  for (const change of changes) {
    if (change.selected) selected.add(change.id);
    else selected.delete(change.id);
  }
  return [...selected];
}

export const createFlowSlice: StateCreator<AppState, [], [], FlowSlice> = (set, get) => ({
  nodes: [],
  edges: [],
  dragging: false,
  onNodesChange(changes) {
    const state = get();
    const view = changes.filter((c) => c.type === 'position' || c.type === 'dimensions');
    const selects = changes.filter((c) => c.type === 'select');
    if (view.length) {
      set({ nodes: applyNodeChanges(view, state.nodes) });
    }
    if (selects.length) {
      const after = get();
      set(rebuildFlow(after, { selectedNodeIds: applySelection(after.selectedNodeIds, selects) }));
    }
    const moves = changes.filter((c): c is NodePositionChange => c.type === 'position');
    if (moves.some((c) => c.dragging)) {
      if (!state.dragging) set({ dragging: true });
    } else if (moves.length) {
      // The last change of a drag, or a nudge with the arrow keys: now it is an edit.
      const after = get();
      if (!after.journey) return;
      const wasDrag = after.dragging;
      set({ dragging: false });
      const moved = flowToJourney(after.journey, after.nodes, after.edges);
      if (moved !== after.journey) {
        after.commit(moved, wasDrag ? {} : { coalesce: 'nudge' });
      }
    }
  },
  onEdgesChange(changes) {
    const selects = changes.filter((c) => c.type === 'select');
    if (!selects.length) return;
    const state = get();
    set(rebuildFlow(state, { selectedEdgeIds: applySelection(state.selectedEdgeIds, selects) }));
  },
});
