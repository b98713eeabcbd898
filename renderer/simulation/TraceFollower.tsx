import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useEffect } from 'react';
import type { JourneyFlowEdge, JourneyFlowNode } from '../canvas/flow-mapping';
import { NODE_HEIGHT, NODE_WIDTH } from '../canvas/geometry';
import { useApp } from '../store/app-store';

const MARGIN = 48;

/**
 * Keeps the followed profile's step in view: pans (never zooms, never selects) only when the
 * step lies outside the visible canvas, so stepping through a path does not jolt the view.
 */
export function TraceFollower() {
  const nodeId = useApp((s) => s.trace.focus?.nodeId);
  const flow = useReactFlow<JourneyFlowNode, JourneyFlowEdge>();
  const flowStore = useStoreApi<JourneyFlowNode, JourneyFlowEdge>();
  useEffect(() => {
    if (!nodeId) return;
    const node = flow.getNode(nodeId);
    if (!node) return;
    const { width, height, transform } = flowStore.getState();
    const [x, y, zoom] = transform;
    const w = node.measured?.width ?? NODE_WIDTH;
    const h = node.measured?.height ?? NODE_HEIGHT;
    const left = node.position.x * zoom + x;
    const top = node.position.y * zoom + y;
    const inside =
      left >= MARGIN &&
      top >= MARGIN &&
      left + w * zoom <= width - MARGIN &&
      top + h * zoom <= height - MARGIN;
    if (inside) return;
    void flow.setCenter(node.position.x + w / 2, node.position.y + h / 2, { zoom, duration: 250 });
  }, [nodeId, flow, flowStore]);
  return null;
}
