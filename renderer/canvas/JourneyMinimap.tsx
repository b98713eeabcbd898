import { useReactFlow, useStore as useFlowStore } from '@xyflow/react';
import { useEffect, useRef, type PointerEvent } from 'react';
import { isNodeKind, nodeDefinition } from '../../core/nodes/registry';
import { nodeCardHeight } from '../nodes/card-shape';
import { useT } from '../i18n/I18nProvider';
import { useApp } from '../store/app-store';
import type { JourneyFlowNode } from './flow-mapping';
import { NODE_WIDTH } from './geometry';

const WIDTH = 176;
const HEIGHT = 116;
const PAD = 8;

const COLORS: Record<string, string> = {
  entry: '#12805c',
  timing: '#c2620a',
  logic: '#6d3fd1',
  action: '#2563eb',
  end: '#5b6678',
};

interface Frame {
  scale: number;
  offsetX: number;
  offsetY: number;
}

function colour(node: JourneyFlowNode): string {
  const { kind } = node.data.node;
  if (node.data.issues.some((i) => i.severity === 'error')) return '#d92d20';
  return isNodeKind(kind) ? (COLORS[nodeDefinition(kind).category] ?? '#94a3b8') : '#94a3b8';
}

/**
 * An overview of the whole journey, drawn on one canvas: every step as a block in its category
 * colour (red with a problem) and the visible area as a frame. Click or drag in it to move the
 * view. One canvas rather than an SVG element per step keeps dragging smooth on large journeys.
 */
export function JourneyMinimap() {
  const t = useT();
  const nodes = useApp((s) => s.nodes);
  const [tx, ty, zoom] = useFlowStore((s) => s.transform);
  const paneWidth = useFlowStore((s) => s.width);
  const paneHeight = useFlowStore((s) => s.height);
  const flow = useReactFlow();
  const canvas = useRef<HTMLCanvasElement>(null);
  const frame = useRef<Frame>({ scale: 1, offsetX: 0, offsetY: 0 });

  useEffect(() => {
    const element = canvas.current;
    const context = element?.getContext('2d');
    if (!element || !context) return;
    const ratio = window.devicePixelRatio || 1;
    if (element.width !== WIDTH * ratio) {
      element.width = WIDTH * ratio;
      element.height = HEIGHT * ratio;
    }
    const view = {
      x: -tx / zoom,
      y: -ty / zoom,
      width: paneWidth / zoom,
      height: paneHeight / zoom,
    };
    let minX = view.x;
    let minY = view.y;
    let maxX = view.x + view.width;
    let maxY = view.y + view.height;
    const boxes = nodes.map((node) => {
      const height = node.measured?.height ?? nodeCardHeight(node.data.node, node.data.issues);
      const box = { x: node.position.x, y: node.position.y, width: NODE_WIDTH, height };
      minX = Math.min(minX, box.x);
      minY = Math.min(minY, box.y);
      maxX = Math.max(maxX, box.x + box.width);
      maxY = Math.max(maxY, box.y + box.height);
      return box;
    });
    const scale = Math.min(
      (WIDTH - 2 * PAD) / (maxX - minX || 1),
      (HEIGHT - 2 * PAD) / (maxY - minY || 1),
    );
    const offsetX = PAD + (WIDTH - 2 * PAD - (maxX - minX) * scale) / 2 - minX * scale;
    const offsetY = PAD + (HEIGHT - 2 * PAD - (maxY - minY) * scale) / 2 - minY * scale;
    frame.current = { scale, offsetX, offsetY };

    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, WIDTH, HEIGHT);
    nodes.forEach((node, i) => {
      const box = boxes[i];
      if (!box) return;
      context.fillStyle = colour(node);
      context.globalAlpha = node.selected ? 1 : 0.75;
      context.fillRect(
        offsetX + box.x * scale,
        offsetY + box.y * scale,
        Math.max(2, box.width * scale),
        Math.max(1.5, box.height * scale),
      );
    });
    context.globalAlpha = 1;
    // Shade what is outside the view, then outline the view.
    const vx = offsetX + view.x * scale;
    const vy = offsetY + view.y * scale;
    const vw = view.width * scale;
    const vh = view.height * scale;
    context.fillStyle = 'rgba(241, 243, 247, 0.65)';
    context.beginPath();
    context.rect(0, 0, WIDTH, HEIGHT);
    context.rect(vx, vy, vw, vh);
    context.fill('evenodd');
    context.strokeStyle = 'rgba(79, 70, 229, 0.7)';
    context.lineWidth = 1.5;
    context.strokeRect(vx, vy, vw, vh);
  }, [nodes, tx, ty, zoom, paneWidth, paneHeight]);

  const moveTo = (event: PointerEvent<HTMLCanvasElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    const { scale, offsetX, offsetY } = frame.current;
    const x = (event.clientX - rect.left - offsetX) / scale;
    const y = (event.clientY - rect.top - offsetY) / scale;
    void flow.setCenter(x, y, { zoom: flow.getZoom() });
  };

  if (nodes.length === 0) return null;
  return (
    <div className="minimap" data-testid="minimap">
      <canvas
        ref={canvas}
        style={{ width: WIDTH, height: HEIGHT }}
        aria-label={t('canvas.minimap')}
        role="img"
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture(event.pointerId);
          moveTo(event);
        }}
        onPointerMove={(event) => {
          if (event.buttons === 1) moveTo(event);
        }}
      />
    </div>
  );
}
