import {
  BaseEdge,
  EdgeLabelRenderer,
  getSmoothStepPath,
  useStore,
  type EdgeProps,
  type ReactFlowState,
} from '@xyflow/react';
import { memo } from 'react';
import { ForecastFlow } from '../forecast/ForecastOverlay';
import { CloseIcon } from '../nodes/icons';
import { useT } from '../i18n/I18nProvider';
import { useFormats } from '../i18n/format';
import { showsSimulation } from '../simulation/NodeOverlay';
import { useApp, useAppStore } from '../store/app-store';
import { backEdgePath, backLaneX, roundedPath, type CardBox } from './back-edge';
import { forwardRoute } from './edge-route';
import type { JourneyFlowEdge } from './flow-mapping';
import { NODE_HEIGHT, NODE_WIDTH } from './geometry';

/** Below this, an entry is above its exit: the connection goes back up the journey. */
const BACK = -8;

/**
 * How far below its exit a connection's count sits: at the exit, so it reads as that exit's
 * departures, and above any turn the connection makes (the path's first bend is 20px down).
 */
const LABEL_BELOW_EXIT = 15;

type NodeLookup = ReactFlowState['nodeLookup'];

/** The cards on the canvas as boxes, but those named (a connection's own two ends). */
function cardBoxes(lookup: NodeLookup, except: readonly string[] = []): CardBox[] {
  const boxes: CardBox[] = [];
  for (const [id, n] of lookup) {
    if (except.includes(id)) continue;
    boxes.push({
      x: n.internals.positionAbsolute.x,
      y: n.internals.positionAbsolute.y,
      width: n.measured.width ?? NODE_WIDTH,
      height: n.measured.height ?? NODE_HEIGHT,
    });
  }
  return boxes;
}

/** A routed connection's path, from its points as "x,y x,y …", and its middle for the label. */
function routedPath(route: string): [string, number, number] {
  const points = route.split(' ').map((pair) => {
    const [x, y] = pair.split(',').map(Number);
    return { x: x ?? 0, y: y ?? 0 };
  });
  const i = Math.floor((points.length - 1) / 2);
  const a = points[i] ?? { x: 0, y: 0 };
  const b = points[i + 1] ?? a;
  return [roundedPath(points), (a.x + b.x) / 2, (a.y + b.y) / 2];
}

/**
 * A rounded orthogonal connection; when selected, a button on it deletes it. After a simulation
 * it carries a band as wide as its flow and, at its exit, a label with the count; along a trace, the
 * connections walked are drawn in the accent colour. A connection that would run through a step
 * goes round it (edge-route.ts).
 */
function JourneyEdgeView(props: EdgeProps<JourneyFlowEdge>) {
  const store = useAppStore();
  const t = useT();
  const formats = useFormats();
  const figures = useApp((s) =>
    showsSimulation(s) ? s.simulation.overlay?.edges[props.id] : undefined,
  );
  const trace = useApp((s) => {
    const focus = s.trace.focus;
    if (!focus) return null;
    if (focus.edgeId === props.id) return 'current';
    return focus.visitedEdges.has(props.id) ? 'visited' : 'off';
  });
  const source = { x: props.sourceX, y: props.sourceY };
  const target = { x: props.targetX, y: props.targetY };
  const back = props.targetY - props.sourceY < BACK;
  // Primitives, so the edge re-renders only when its lane or route moves, not on every change
  // of the flow.
  const laneX = useStore((s) => (back ? backLaneX(source, target, cardBoxes(s.nodeLookup)) : 0));
  const route = useStore((s) => {
    if (back) return '';
    const others = cardBoxes(s.nodeLookup, [props.source, props.target]);
    return forwardRoute(source, target, others)
      ?.map((p) => `${p.x},${p.y}`)
      .join(' ');
  });
  const [path, labelX, labelY] = back
    ? backEdgePath(source, target, laneX)
    : route
      ? routedPath(route)
      : getSmoothStepPath({
          sourceX: props.sourceX,
          sourceY: props.sourceY,
          sourcePosition: props.sourcePosition,
          targetX: props.targetX,
          targetY: props.targetY,
          targetPosition: props.targetPosition,
          borderRadius: 14,
          offset: 20,
        });
  const classes = [props.selected ? 'is-selected' : '', trace ? `trace-${trace}` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <>
      {figures && figures.width > 0 && (
        <path
          d={path}
          className={`sim-flow${trace ? ` trace-${trace}` : ''}`}
          style={{ strokeWidth: figures.width }}
          fill="none"
          aria-hidden="true"
        />
      )}
      <BaseEdge
        id={props.id}
        path={path}
        markerEnd={props.markerEnd}
        interactionWidth={18}
        className={classes || undefined}
      />
      {props.selected ? (
        <EdgeLabelRenderer>
          <button
            type="button"
            className="edge-delete nodrag nopan"
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            onClick={() => store.getState().deleteEdge(props.id)}
            aria-label={t('canvas.edge.delete')}
            title={t('canvas.edge.delete')}
          >
            <CloseIcon size={12} />
          </button>
        </EdgeLabelRenderer>
      ) : (
        figures && (
          <EdgeLabelRenderer>
            <div
              className={`sim-edge-label${figures.count === 0 ? ' is-zero' : ''}${trace ? ` trace-${trace}` : ''}`}
              style={{
                transform: `translate(-50%, -50%) translate(${props.sourceX}px, ${props.sourceY + LABEL_BELOW_EXIT}px)`,
              }}
              data-testid={`flow-${props.id}`}
              title={figures.range ? undefined : t('canvas.edge.flow', { count: figures.count })}
            >
              {figures.range ? (
                <ForecastFlow spread={figures.range} />
              ) : (
                formats.number(figures.count, 0)
              )}
            </div>
          </EdgeLabelRenderer>
        )
      )}
    </>
  );
}

export const JourneyEdge = memo(JourneyEdgeView);
