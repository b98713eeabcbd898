import { useStore as useFlowStore, useStoreApi } from '@xyflow/react';
import { useMemo } from 'react';
import { useApp } from '../store/app-store';
import { forwardRoute } from './edge-route';
import type { JourneyFlowEdge, JourneyFlowNode } from './flow-mapping';
import { NODE_HEIGHT, NODE_WIDTH } from './geometry';

/**
 * The connections of the overview as a few SVG paths: an orthogonal line from each exit to the next
 * step's input, at the handle positions React Flow measured. One element for all of them costs
 * the browser far less per frame than one element each.
 */
export function FarEdges() {
  const edges = useApp((s) => s.edges);
  const flowNodes = useFlowStore((s) => s.nodes);
  const [x, y, zoom] = useFlowStore((s) => s.transform);
  const flowStore = useStoreApi<JourneyFlowNode, JourneyFlowEdge>();

  const [plain, moving, selected] = useMemo(() => {
    void flowNodes; // Positions are read from React Flow's lookup, which changes with its nodes.
    const { nodeLookup } = flowStore.getState();
    // Lines of steps being dragged go in a path of their own: the long path of all the others
    // then stays the same while a step moves, and the browser need not repaint it every frame.
    const parts: [string[], string[], string[]] = [[], [], []];
    const boxes = [...nodeLookup].map(([id, n]) => ({
      id,
      x: n.internals.positionAbsolute.x,
      y: n.internals.positionAbsolute.y,
      width: n.measured.width ?? NODE_WIDTH,
      height: n.measured.height ?? NODE_HEIGHT,
    }));
    const boxesBut = (a: string, b: string) => boxes.filter((box) => box.id !== a && box.id !== b);
    for (const edge of edges) {
      const source = nodeLookup.get(edge.source);
      const target = nodeLookup.get(edge.target);
      const exit = source?.internals.handleBounds?.source?.find((h) => h.id === edge.sourceHandle);
      const entry = target?.internals.handleBounds?.target?.[0];
      if (!source || !target || !exit || !entry) continue;
      const sx = Math.round(source.internals.positionAbsolute.x + exit.x + exit.width / 2);
      const sy = Math.round(source.internals.positionAbsolute.y + exit.y + exit.height / 2);
      const tx = Math.round(target.internals.positionAbsolute.x + entry.x + entry.width / 2);
      const ty = Math.round(target.internals.positionAbsolute.y + entry.y + entry.height / 2);
      let d: string;
      const route =
        ty > sy + 8
          ? forwardRoute({ x: sx, y: sy }, { x: tx, y: ty }, boxesBut(edge.source, edge.target))
          : undefined;
      if (route) {
        d = route
          .map((p, i) => `${i === 0 ? 'M' : 'L'}${Math.round(p.x)} ${Math.round(p.y)}`)
          .join('');
      } else if (ty > sy + 8) {
        const middle = Math.round(sy + (ty - sy) / 2);
        d = `M${sx} ${sy}V${middle}H${tx}V${ty}`;
      } else {
        // Back up the journey (a loop through a wait): out below, round the side, in on top.
        const side = Math.max(sx, tx) + Math.round((source.measured.width ?? 248) / 2) + 24;
        d = `M${sx} ${sy}V${sy + 20}H${side}V${ty - 20}H${tx}V${ty}`;
      }
      parts[edge.selected ? 2 : source.dragging || target.dragging ? 1 : 0].push(d);
    }
    return [parts[0].join(''), parts[1].join(''), parts[2].join('')];
  }, [edges, flowNodes, flowStore]);

  return (
    <svg className="far-edges" aria-hidden="true">
      <g transform={`translate(${x} ${y}) scale(${zoom})`} fill="none" strokeLinejoin="round">
        <path d={plain} stroke="#a3acba" strokeWidth={1.5 / zoom} />
        {moving && <path d={moving} stroke="#a3acba" strokeWidth={1.5 / zoom} />}
        {selected && <path d={selected} stroke="#4f46e5" strokeWidth={2 / zoom} />}
      </g>
    </svg>
  );
}
