import dagre from '@dagrejs/dagre';
import { edgePort, type Journey, type Position } from '../model/journey';
import { isNodeKind, nodeDefinition } from '../nodes/registry';
import { kindTitle, readySummary } from '../nodes/step-title';
import { escapeHtml } from '../runtime/templating';

/** How a step differs from the other version it is compared with. */
export type StepMark = 'added' | 'changed' | 'removed';

export interface CanvasPictureOptions {
  /** Steps to mark, by id: a compared version's added, changed and removed steps. */
  marks?: ReadonlyMap<string, StepMark>;
  /** The picture's accessible name. */
  title?: string;
}

const WIDTH = 248;
const HEIGHT = 84;
const MARGIN = 24;
/** Most characters of a card line: the rest is cut with an ellipsis, as the canvas does. */
const LINE = 34;

const MARK_COLOURS: Record<StepMark, { stroke: string; fill: string }> = {
  added: { stroke: '#1a7f37', fill: '#e6f4ea' },
  changed: { stroke: '#9a6700', fill: '#fff4d6' },
  removed: { stroke: '#b42318', fill: '#fde8e6' },
};

function cut(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > LINE ? `${line.slice(0, LINE - 1)}…` : line;
}

/**
 * Where each step sits: as saved when every step has a position, otherwise laid out top-down
 * (dagre, as the canvas's auto-layout does), so a journey file without positions still draws.
 */
function positions(journey: Journey): Map<string, Position> {
  const out = new Map<string, Position>();
  if (journey.nodes.every((n) => n.position)) {
    for (const node of journey.nodes) out.set(node.id, node.position as Position);
    return out;
  }
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: 'TB', nodesep: 48, ranksep: 64, marginx: 0, marginy: 0 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of journey.nodes) graph.setNode(node.id, { width: WIDTH, height: HEIGHT });
  for (const edge of journey.edges)
    if (edge.from !== edge.to && graph.hasNode(edge.from) && graph.hasNode(edge.to))
      graph.setEdge(edge.from, edge.to);
  dagre.layout(graph);
  for (const node of journey.nodes) {
    const placed = graph.node(node.id) as { x: number; y: number } | undefined;
    if (placed) out.set(node.id, { x: placed.x - WIDTH / 2, y: placed.y - HEIGHT / 2 });
  }
  return out;
}

/** The label of a way out that is worth writing on its line ("Yes", a variant), if any. */
function portLabel(journey: Journey, from: string, port: string): string | undefined {
  const node = journey.nodes.find((n) => n.id === from);
  if (!node || !isNodeKind(node.kind)) return undefined;
  const ports = nodeDefinition(node.kind).ports(node.config);
  if (ports.length <= 1) return undefined;
  return ports.find((p) => p.id === port)?.label ?? port;
}

/**
 * A picture of the journey as the canvas draws it — a card per step (its name and its summary),
 * a line per connection with the way out it leaves by — as one standalone SVG, every text
 * escaped. Pure: the command line draws it without a browser. Marked steps get the colour of
 * their mark and a word saying it, so the difference does not rest on colour alone.
 *
 * @example
 * canvasPicture(journey, { marks: new Map([['sms', 'added']]) }); // '<svg …>…</svg>'
 */
export function canvasPicture(journey: Journey, options: CanvasPictureOptions = {}): string {
  const at = positions(journey);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of at.values()) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x + WIDTH);
    maxY = Math.max(maxY, p.y + HEIGHT);
  }
  if (at.size === 0) [minX, minY, maxX, maxY] = [0, 0, WIDTH, HEIGHT];
  const dx = MARGIN - minX;
  const dy = MARGIN - minY;
  const width = Math.round(maxX - minX + 2 * MARGIN);
  const height = Math.round(maxY - minY + 2 * MARGIN);
  const parts: string[] = [];
  for (const edge of journey.edges) {
    const a = at.get(edge.from);
    const b = at.get(edge.to);
    if (!a || !b) continue;
    const x1 = a.x + dx + WIDTH / 2;
    const y1 = a.y + dy + HEIGHT;
    const x2 = b.x + dx + WIDTH / 2;
    const y2 = b.y + dy;
    const mid = (y1 + y2) / 2;
    parts.push(
      `<path d="M${x1} ${y1} C${x1} ${mid} ${x2} ${mid} ${x2} ${y2 - 6}" fill="none" stroke="#6b7280" stroke-width="1.5" marker-end="url(#arrow)"/>`,
    );
    const label = portLabel(journey, edge.from, edgePort(edge));
    if (label)
      parts.push(
        `<text x="${(x1 + x2) / 2}" y="${mid - 4}" text-anchor="middle" class="port">${escapeHtml(cut(label))}</text>`,
      );
  }
  for (const node of journey.nodes) {
    const p = at.get(node.id);
    if (!p) continue;
    const x = p.x + dx;
    const y = p.y + dy;
    const mark = options.marks?.get(node.id);
    const colour = mark ? MARK_COLOURS[mark] : { stroke: '#9ca3af', fill: '#ffffff' };
    const kind = isNodeKind(node.kind) ? nodeDefinition(node.kind).label : node.kind;
    parts.push(
      `<g data-step="${escapeHtml(node.id)}"${mark ? ` data-mark="${mark}"` : ''}>`,
      `<rect x="${x}" y="${y}" width="${WIDTH}" height="${HEIGHT}" rx="10" fill="${colour.fill}" stroke="${colour.stroke}" stroke-width="${mark ? 3 : 1.5}"/>`,
      `<text x="${x + 14}" y="${y + 22}" class="kind">${escapeHtml(kind.toUpperCase())}${mark ? ` · ${mark.toUpperCase()}` : ''}</text>`,
      `<text x="${x + 14}" y="${y + 46}" class="title">${escapeHtml(cut(kindTitle(node)))}</text>`,
      `<text x="${x + 14}" y="${y + 68}" class="summary">${escapeHtml(cut(readySummary(node) ?? ''))}</text>`,
      '</g>',
    );
  }
  const title = options.title ?? journey.name;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">`,
    `<title>${escapeHtml(title)}</title>`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="#6b7280"/></marker></defs>',
    '<style>text{font-family:system-ui,sans-serif;fill:#111827}.kind{font-size:11px;font-weight:600;fill:#4b5563;letter-spacing:.04em}.title{font-size:15px;font-weight:600}.summary{font-size:12px;fill:#374151}.port{font-size:11px;fill:#374151}</style>',
    ...parts,
    '</svg>',
  ].join('');
}
