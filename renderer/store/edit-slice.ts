import type { StateCreator } from 'zustand';
import type { Journey, JourneyEdge, JourneySettings, Position } from '../../core/model/journey';
import { isEntryKind, nodeDefinition, type NodeKind } from '../../core/nodes/registry';
import { layoutPositions } from '../canvas/auto-layout';
import { checkConnection, type ProposedConnection } from '../canvas/connection-rules';
import { NODE_HEIGHT, NODE_WIDTH, snap } from '../canvas/geometry';
import { words } from '../i18n/words';
import { nodeCardHeight, nodePorts } from '../nodes/card-shape';
import type { AppState } from './app-store';
import {
  addEdge,
  addNode,
  copyFragment,
  pasteFragment,
  removeElements,
  setNodeConfig,
  setNodeLabel,
  setPositions,
} from './journey-edits';

/** Edits a marketer makes on the canvas and in the inspector. Each is one undo step. */
export interface EditSlice {
  addNodeAt: (
    kind: NodeKind,
    position: Position,
    connectFrom?: { from: string; port: string },
  ) => void;
  /**
   * Adds a node from the keyboard or a palette click: below the selected step and connected to
   * its first free exit when one step is selected, else in the middle of the view.
   */
  addNodeNearSelection: (kind: NodeKind, port?: string) => void;
  /** Moves the selected steps by `dx`, `dy` (the keyboard's arrows); one undo step each. */
  moveSelection: (dx: number, dy: number) => void;
  /** Draws a connection, or refuses it and says why. Returns whether it was drawn. */
  connect: (proposed: ProposedConnection) => boolean;
  updateConfig: (
    id: string,
    config: Record<string, unknown>,
    renamedPorts?: Map<string, string>,
  ) => void;
  updateLabel: (id: string, label: string) => void;
  updateSettings: (settings: JourneySettings) => void;
  updateDetails: (details: { name?: string; description?: string }) => void;
  deleteSelection: () => void;
  deleteEdge: (edgeId: string) => void;
  /** Removes one connection of the journey. */
  disconnect: (edge: JourneyEdge) => void;
  copySelection: () => void;
  cutSelection: () => void;
  paste: () => void;
  duplicateSelection: () => void;
  /** Lays the whole journey out top-down (dagre). */
  tidyUp: () => void;
}

const PASTE_OFFSET = 48;

function portIds(journey: Journey, id: string): string[] {
  const node = journey.nodes.find((n) => n.id === id);
  return node ? nodePorts(node).map((p) => p.id) : [];
}

/** The first exit of a node without a connection, if any. */
export function firstOpenPort(journey: Journey, id: string): string | undefined {
  const node = journey.nodes.find((n) => n.id === id);
  if (!node) return undefined;
  const used = new Set(journey.edges.filter((e) => e.from === id).map((e) => e.port ?? 'next'));
  return nodeDefinition(node.kind)
    .ports(node.config)
    .find((p) => !used.has(p.id))?.id;
}

export const createEditSlice: StateCreator<AppState, [], [], EditSlice> = (set, get) => ({
  addNodeAt(kind, position, connectFrom) {
    const { journey, commit } = get();
    if (!journey) return;
    const snapped = { x: snap(position.x), y: snap(position.y) };
    const result = addNode(journey, kind, snapped);
    let next = result.journey;
    if (connectFrom) {
      const check = checkConnection(next, { ...connectFrom, to: result.id });
      if (check.ok) next = addEdge(next, check.edge);
      else get().notify(check.reason, 'warning');
    }
    commit(next, { select: [result.id] });
  },
  addNodeNearSelection(kind, chosenPort) {
    const { journey, selectedNodeIds, nodes, viewCenter } = get();
    if (!journey) return;
    const [only] = selectedNodeIds;
    if (selectedNodeIds.length === 1 && only !== undefined) {
      // Nothing leads into an entry: a new trigger stands apart.
      const port = isEntryKind(kind) ? undefined : (chosenPort ?? firstOpenPort(journey, only));
      const anchor = nodes.find((n) => n.id === only);
      if (anchor && port !== undefined) {
        const ports = nodeDefinition(anchor.data.node.kind).ports(anchor.data.node.config);
        const index = ports.findIndex((p) => p.id === port);
        const spread = (index - (ports.length - 1) / 2) * (NODE_WIDTH + 32);
        const height = nodeCardHeight(anchor.data.node, anchor.data.issues);
        get().addNodeAt(
          kind,
          { x: anchor.position.x + spread, y: anchor.position.y + height + 64 },
          { from: only, port },
        );
        // Below the selection may be below the window: the new step is brought into view.
        const added = get().selectedNodeIds[0];
        if (added !== undefined) get().revealNode(added);
        return;
      }
    }
    get().addNodeAt(kind, { x: viewCenter.x - NODE_WIDTH / 2, y: viewCenter.y - NODE_HEIGHT / 2 });
  },
  moveSelection(dx, dy) {
    const { journey, selectedNodeIds, commit } = get();
    if (!journey || selectedNodeIds.length === 0) return;
    const chosen = new Set(selectedNodeIds);
    const positions = new Map<string, Position>();
    for (const node of journey.nodes) {
      if (!chosen.has(node.id)) continue;
      const at = node.position ?? { x: 0, y: 0 };
      positions.set(node.id, { x: at.x + dx, y: at.y + dy });
    }
    commit(setPositions(journey, positions));
  },
  connect(proposed) {
    const { journey, commit, notify } = get();
    if (!journey) return false;
    const check = checkConnection(journey, proposed);
    if (!check.ok) {
      notify(check.reason, 'warning');
      return false;
    }
    commit(addEdge(journey, check.edge));
    return true;
  },
  updateConfig(id, config, renamedPorts) {
    const { journey, commit } = get();
    if (!journey) return;
    commit(setNodeConfig(journey, id, config, renamedPorts), { coalesce: `config:${id}` });
  },
  updateLabel(id, label) {
    const { journey, commit } = get();
    if (!journey) return;
    commit(setNodeLabel(journey, id, label), { coalesce: `label:${id}` });
  },
  updateSettings(settings) {
    const { journey, commit } = get();
    if (!journey) return;
    commit({ ...journey, settings }, { coalesce: 'settings' });
  },
  updateDetails(details) {
    const { journey, commit } = get();
    if (!journey) return;
    const next: Journey = { ...journey };
    if (details.name !== undefined) next.name = details.name;
    if (details.description !== undefined) {
      if (details.description.trim()) next.description = details.description;
      else delete next.description;
    }
    commit(next, { coalesce: 'details' });
  },
  deleteSelection() {
    const { journey, selectedNodeIds, selectedEdgeIds, edges, commit } = get();
    if (!journey) return;
    const edgeSet = new Set(selectedEdgeIds);
    const removedEdges = new Set(
      edges.filter((e) => edgeSet.has(e.id)).flatMap((e) => (e.data ? [e.data.edge] : [])),
    );
    commit(removeElements(journey, new Set(selectedNodeIds), removedEdges), { select: [] });
  },
  deleteEdge(edgeId) {
    const edge = get().edges.find((e) => e.id === edgeId)?.data?.edge;
    if (edge) get().disconnect(edge);
  },
  disconnect(edge) {
    const { journey, commit } = get();
    if (!journey) return;
    commit(removeElements(journey, new Set(), new Set([edge])));
  },
  copySelection() {
    const { journey, selectedNodeIds, notify } = get();
    if (!journey || selectedNodeIds.length === 0) return;
    set({ clipboard: copyFragment(journey, new Set(selectedNodeIds)), pasteCount: 0 });
    notify(words('notice.copiedSteps', { count: selectedNodeIds.length }));
  },
  cutSelection() {
    const { journey, selectedNodeIds } = get();
    if (!journey || selectedNodeIds.length === 0) return;
    // Pasting after a cut puts the steps back where they were.
    set({ clipboard: copyFragment(journey, new Set(selectedNodeIds)), pasteCount: -1 });
    get().deleteSelection();
  },
  paste() {
    const { journey, clipboard, commit, pasteCount } = get();
    if (!journey || !clipboard || clipboard.nodes.length === 0) return;
    const shift = PASTE_OFFSET * (pasteCount + 1);
    const result = pasteFragment(journey, clipboard, { x: shift, y: shift });
    set({ pasteCount: pasteCount + 1 });
    commit(result.journey, { select: result.ids });
  },
  duplicateSelection() {
    const { journey, selectedNodeIds, commit } = get();
    if (!journey || selectedNodeIds.length === 0) return;
    const fragment = copyFragment(journey, new Set(selectedNodeIds));
    const result = pasteFragment(journey, fragment, { x: PASTE_OFFSET, y: PASTE_OFFSET });
    commit(result.journey, { select: result.ids });
  },
  tidyUp() {
    const { journey, issuesByNode, commit } = get();
    if (!journey || journey.nodes.length === 0) return;
    const positions = layoutPositions(
      journey.nodes.map((n) => ({
        id: n.id,
        width: NODE_WIDTH,
        height: nodeCardHeight(n, issuesByNode.get(n.id) ?? []),
      })),
      journey.edges,
      (id) => portIds(journey, id),
    );
    commit(setPositions(journey, positions));
    get().requestFitView();
  },
});
