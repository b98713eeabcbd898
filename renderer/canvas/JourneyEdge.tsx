import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { CloseIcon } from '../nodes/icons';
import { useAppStore } from '../store/app-store';
import type { JourneyFlowEdge } from './flow-mapping';

/** A rounded orthogonal connection; when selected, a button on it deletes it. */
function JourneyEdgeView(props: EdgeProps<JourneyFlowEdge>) {
  const store = useAppStore();
  const [path, labelX, labelY] = getSmoothStepPath({
    sourceX: props.sourceX,
    sourceY: props.sourceY,
    sourcePosition: props.sourcePosition,
    targetX: props.targetX,
    targetY: props.targetY,
    targetPosition: props.targetPosition,
    borderRadius: 14,
    offset: 20,
  });
  return (
    <>
      <BaseEdge
        id={props.id}
        path={path}
        markerEnd={props.markerEnd}
        interactionWidth={18}
        className={props.selected ? 'is-selected' : undefined}
      />
      {props.selected && (
        <EdgeLabelRenderer>
          <button
            type="button"
            className="edge-delete nodrag nopan"
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            onClick={() => store.getState().deleteEdge(props.id)}
            aria-label="Delete this connection"
            title="Delete this connection"
          >
            <CloseIcon size={12} />
          </button>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const JourneyEdge = memo(JourneyEdgeView);
