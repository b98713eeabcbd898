import {
  Background,
  BackgroundVariant,
  Controls,
  MarkerType,
  ReactFlow,
  getViewportForBounds,
  useReactFlow,
  useStore as useFlowStore,
  type Connection,
  type DefaultEdgeOptions,
  type Edge,
  type FinalConnectionState,
  type IsValidConnection,
  type ReactFlowInstance,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { isNodeKind } from '../../core/nodes/registry';
import { useT } from '../i18n/I18nProvider';
import { stepWords } from '../nodes/kind-words';
import { DeleteStepsDialog } from '../panels/DeleteStepsDialog';
import { CanvasRunBar } from '../simulation/CanvasRunBar';
import { TraceFollower } from '../simulation/TraceFollower';
import { useApp, useAppStore } from '../store/app-store';
import { checkConnection } from './connection-rules';
import { ConnectDialog } from './ConnectDialog';
import { edgeName, flowAriaLabels } from './keyboard-words';
import { ViewLevelContext, viewLevel } from './far-view';
import { FarEdges } from './FarEdges';
import { JourneyMinimap } from './JourneyMinimap';
import type { JourneyFlowEdge, JourneyFlowNode } from './flow-mapping';
import { FIT_OPTIONS, GRID, NODE_HEIGHT, NODE_WIDTH } from './geometry';
import { edgeTypes, nodeTypes } from './node-types';
import { PALETTE_MIME } from './palette-drag';
import { announcer, useShortcuts, type KeyboardEditing } from './use-shortcuts';

const defaultEdgeOptions: DefaultEdgeOptions = {
  type: 'journey',
  markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16, color: '#9aa3b2' },
};

const NO_EDGES: JourneyFlowEdge[] = [];
// Keys and colours, not words: kept out of the JSX, where the language lint reads words.
const SELECTION_KEY = 'Shift';
const MULTI_SELECTION_KEYS = ['Meta', 'Control'];
const DOT_COLOUR = '#cfd5de';
const MIN_ZOOM = 0.1;

/**
 * Where the view starts: already fitted to the journey, estimated from the window. Drawing a
 * large journey first at 100 % and then zooming out would render every card twice (in full, then
 * as an overview block); the fitView that follows only corrects the estimate.
 */
function initialViewport(nodes: readonly JourneyFlowNode[]) {
  if (nodes.length === 0) return { x: 0, y: 0, zoom: 1 };
  // The canvas is the window less the palette and inspector, and the top and problems bars.
  const width = Math.max(200, window.innerWidth - 564);
  const height = Math.max(200, window.innerHeight - 88);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const node of nodes) {
    minX = Math.min(minX, node.position.x);
    minY = Math.min(minY, node.position.y);
    maxX = Math.max(maxX, node.position.x + NODE_WIDTH);
    maxY = Math.max(maxY, node.position.y + NODE_HEIGHT);
  }
  const bounds = { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
  return getViewportForBounds(
    bounds,
    width,
    height,
    MIN_ZOOM,
    FIT_OPTIONS.maxZoom,
    FIT_OPTIONS.padding,
  );
}

/** Named connections by connection: one whose edge and name did not change stays the same object. */
const NAMED = new WeakMap<JourneyFlowEdge, JourneyFlowEdge>();

function named(edge: JourneyFlowEdge, ariaLabel: string): JourneyFlowEdge {
  const kept = NAMED.get(edge);
  if (kept?.ariaLabel === ariaLabel) return kept;
  const made = { ...edge, ariaLabel };
  NAMED.set(edge, made);
  return made;
}

/** The journey on a canvas: drop steps from the palette, connect exits, move, select. */
export function JourneyCanvas() {
  const store = useAppStore();
  const nodes = useApp((s) => s.nodes);
  const flowEdges = useApp((s) => s.edges);
  const journeyNodes = useApp((s) => s.journey?.nodes);
  const onNodesChange = useApp((s) => s.onNodesChange);
  const onEdgesChange = useApp((s) => s.onEdgesChange);
  const empty = useApp((s) => (s.journey?.nodes.length ?? 0) === 0);
  const fitViewRequest = useApp((s) => s.fitViewRequest);
  const revealRequest = useApp((s) => s.revealRequest);
  const flow = useReactFlow<JourneyFlowNode, JourneyFlowEdge>();
  const level = useFlowStore((s) => viewLevel(s.transform[2]));
  const far = level !== 'near';
  const wrapper = useRef<HTMLDivElement>(null);
  const [defaultViewport] = useState(() => initialViewport(nodes));
  const t = useT();
  // Each connection named for a screen reader, by its steps' names and its exit.
  const edges = useMemo(() => {
    const byId = new Map((journeyNodes ?? []).map((n) => [n.id, n]));
    return flowEdges.map((edge) =>
      named(
        edge,
        edgeName(t, byId.get(edge.source), edge.sourceHandle ?? 'next', byId.get(edge.target)),
      ),
    );
  }, [flowEdges, journeyNodes, t]);
  const ariaLabels = useMemo(() => flowAriaLabels(t), [t]);
  const [announcement, setAnnouncement] = useState('');
  const [connectFrom, setConnectFrom] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<readonly string[] | null>(null);
  const keyboard = useMemo<KeyboardEditing>(
    () => ({
      announce: announcer(t, setAnnouncement),
      openConnect: setConnectFrom,
      askDelete: setDeleting,
      busy: connectFrom !== null || deleting !== null,
    }),
    [t, connectFrom, deleting],
  );
  const deletingNodes = useMemo(
    () => (journeyNodes ?? []).filter((n) => deleting?.includes(n.id)),
    [journeyNodes, deleting],
  );
  const deleteAsked = () => {
    const state = store.getState();
    state.select([...(deleting ?? [])], state.selectedEdgeIds);
    state.deleteSelection();
    const [only] = deletingNodes;
    keyboard.announce('deleteSteps.announce', {
      count: deletingNodes.length,
      step: only ? stepWords(t, only) : '',
    });
    setDeleting(null);
    wrapper.current?.focus();
  };
  useShortcuts(keyboard);

  const updateViewCenter = useCallback(() => {
    const rect = wrapper.current?.getBoundingClientRect();
    if (!rect) return;
    store
      .getState()
      .setViewCenter(
        flow.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 }),
      );
  }, [flow, store]);

  // When a panel beside it opens or closes, the canvas keeps what was in its middle there, rather
  // than its top-left corner: steps in view stay in view.
  useEffect(() => {
    const element = wrapper.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    let size: { width: number; height: number } | null = null;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const { width, height } = entry.contentRect;
      const was = size;
      size = { width, height };
      if (!was || (was.width === width && was.height === height) || width === 0) return;
      // The viewport has not moved: the old middle, in the journey's coordinates, from it.
      const { x, y, zoom } = flow.getViewport();
      void flow
        .setCenter((was.width / 2 - x) / zoom, (was.height / 2 - y) / zoom, { zoom })
        .then(updateViewCenter);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [flow, updateViewCenter]);

  // Fit requests made before this canvas existed are served by the fitView prop on mount.
  const fitServed = useRef(fitViewRequest);
  useEffect(() => {
    if (fitViewRequest === fitServed.current) return;
    fitServed.current = fitViewRequest;
    void flow.fitView({ ...FIT_OPTIONS, duration: 200 }).then(updateViewCenter);
  }, [fitViewRequest, flow, updateViewCenter]);

  useEffect(() => {
    if (!revealRequest) return;
    const node = flow.getNode(revealRequest.nodeId);
    if (!node) return;
    const width = node.measured?.width ?? NODE_WIDTH;
    const height = node.measured?.height ?? NODE_HEIGHT;
    void flow
      .setCenter(node.position.x + width / 2, node.position.y + height / 2, {
        zoom: Math.max(flow.getZoom(), 0.9),
        duration: 300,
      })
      .then(updateViewCenter);
  }, [revealRequest, flow, updateViewCenter]);

  const isValidConnection: IsValidConnection<JourneyFlowEdge> = useCallback(
    (connection: Connection | Edge) => {
      const journey = store.getState().journey;
      if (!journey || !connection.source || !connection.target) return false;
      return checkConnection(journey, {
        from: connection.source,
        port: connection.sourceHandle ?? 'next',
        to: connection.target,
      }).ok;
    },
    [store],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      store.getState().connect({
        from: connection.source,
        port: connection.sourceHandle ?? 'next',
        to: connection.target,
      });
    },
    [store],
  );

  // A refused connection says why; a drop on a card's body (not its input dot) still connects.
  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      const { fromNode, fromHandle, toNode, toHandle } = state;
      if (state.isValid || !fromNode || !fromHandle) return;
      const connect = store.getState().connect;
      if (fromHandle.type === 'target') {
        // Drawn backwards, from an input dot to an exit.
        if (toNode && toHandle)
          connect({ from: toNode.id, port: toHandle.id ?? 'next', to: fromNode.id });
        return;
      }
      let target = toNode?.id;
      if (!target) {
        const point = 'changedTouches' in event ? event.changedTouches[0] : event;
        const element = point && document.elementFromPoint(point.clientX, point.clientY);
        target = element?.closest<HTMLElement>('.react-flow__node')?.dataset.id;
      }
      if (target) connect({ from: fromNode.id, port: fromHandle.id ?? 'next', to: target });
    },
    [store],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(PALETTE_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = event.dataTransfer.getData(PALETTE_MIME);
      if (!isNodeKind(kind)) return;
      event.preventDefault();
      const at = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      store.getState().addNodeAt(kind, { x: at.x - NODE_WIDTH / 2, y: at.y - NODE_HEIGHT / 2 });
    },
    [flow, store],
  );

  const onInit = useCallback(
    (_instance: ReactFlowInstance<JourneyFlowNode, JourneyFlowEdge>) => updateViewCenter(),
    [updateViewCenter],
  );

  return (
    <div
      className={`canvas${far ? ' is-far' : ''}`}
      ref={wrapper}
      data-testid="canvas"
      role="region"
      aria-label={t('canvas.label')}
      // Reachable by Tab even when empty: its name says which keys build the journey.
      tabIndex={0}
    >
      <ViewLevelContext.Provider value={level}>
        <ReactFlow<JourneyFlowNode, JourneyFlowEdge>
          nodes={nodes}
          edges={far ? NO_EDGES : edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={onConnect}
          onConnectEnd={onConnectEnd}
          isValidConnection={isValidConnection}
          onDrop={onDrop}
          onDragOver={onDragOver}
          onInit={onInit}
          onMoveEnd={updateViewCenter}
          defaultEdgeOptions={defaultEdgeOptions}
          defaultViewport={defaultViewport}
          fitView
          fitViewOptions={FIT_OPTIONS}
          minZoom={MIN_ZOOM}
          maxZoom={2}
          snapToGrid
          snapGrid={[GRID, GRID]}
          connectionRadius={32}
          deleteKeyCode={null}
          selectionKeyCode={SELECTION_KEY}
          multiSelectionKeyCode={MULTI_SELECTION_KEYS}
          zoomOnDoubleClick={false}
          onlyRenderVisibleElements
          proOptions={{ hideAttribution: false }}
          ariaLabelConfig={ariaLabels}
        >
          <Background variant={BackgroundVariant.Dots} gap={GRID} size={1.2} color={DOT_COLOUR} />
          <Controls showInteractive={false} position="bottom-left" fitViewOptions={FIT_OPTIONS} />
          {far && <FarEdges />}
          <JourneyMinimap />
          <TraceFollower />
        </ReactFlow>
      </ViewLevelContext.Provider>
      <CanvasRunBar />
      {empty && (
        <div className="canvas-empty" aria-live="polite">
          <p className="canvas-empty-title">{t('canvas.empty.title')}</p>
          <p>{t('canvas.empty.text')}</p>
        </div>
      )}
      <p className="visually-hidden" aria-live="polite" data-testid="canvas-announcement">
        {announcement}
      </p>
      {deletingNodes.length > 0 && (
        <DeleteStepsDialog
          nodes={deletingNodes}
          onDelete={deleteAsked}
          onClose={() => setDeleting(null)}
        />
      )}
      {connectFrom !== null && (
        <ConnectDialog
          fromId={connectFrom}
          onClose={() => setConnectFrom(null)}
          onConnected={setAnnouncement}
        />
      )}
    </div>
  );
}
