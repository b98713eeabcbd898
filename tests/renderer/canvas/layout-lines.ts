import { edgePort, type Journey } from '../../../core/model/journey';
import { layoutPositions } from '../../../renderer/canvas/auto-layout';
import type { CardBox } from '../../../renderer/canvas/back-edge';
import { forwardRoute, type Point } from '../../../renderer/canvas/edge-route';
import { NODE_WIDTH } from '../../../renderer/canvas/geometry';
import { nodeCardHeight, nodePorts } from '../../../renderer/nodes/card-shape';

/** One connection as drawn: its ends and the points of its line. */
export interface DrawnLine {
  from: string;
  to: string;
  points: Point[];
}

/** The cards of a journey as tidy up places them, by node id. */
export function tidiedCards(journey: Journey): Map<string, CardBox> {
  const heights = new Map(journey.nodes.map((n) => [n.id, nodeCardHeight(n, [])]));
  const positions = layoutPositions(
    journey.nodes.map((n) => ({ id: n.id, width: NODE_WIDTH, height: heights.get(n.id) })),
    journey.edges,
    (id) => {
      const node = journey.nodes.find((n) => n.id === id);
      return node ? nodePorts(node).map((p) => p.id) : [];
    },
  );
  const cards = new Map<string, CardBox>();
  for (const [id, at] of positions)
    cards.set(id, { ...at, width: NODE_WIDTH, height: heights.get(id) ?? 0 });
  return cards;
}

/**
 * Each connection down the journey as the canvas draws it: out of its exit (exits share the
 * bottom of the card evenly, as the card's flex row lays them out) into the top middle of the
 * next card. `routed: false` draws every line the plain way, turning halfway, as before routing.
 */
export function drawnLines(
  journey: Journey,
  cards: ReadonlyMap<string, CardBox>,
  routed: boolean,
): DrawnLine[] {
  const lines: DrawnLine[] = [];
  for (const edge of journey.edges) {
    const a = cards.get(edge.from);
    const b = cards.get(edge.to);
    const node = journey.nodes.find((n) => n.id === edge.from);
    if (!a || !b || !node || edge.from === edge.to) continue;
    const ports = nodePorts(node).map((p) => p.id);
    const index = Math.max(0, ports.indexOf(edgePort(edge)));
    const source = {
      x: a.x + ((index + 0.5) * a.width) / Math.max(1, ports.length),
      y: a.y + a.height,
    };
    const target = { x: b.x + b.width / 2, y: b.y };
    // Lines back up the journey take their own lane (back-edge.ts); only lines down are measured.
    if (target.y <= source.y) continue;
    const others = [...cards]
      .filter(([id]) => id !== edge.from && id !== edge.to)
      .map(([, c]) => c);
    const middle = (source.y + target.y) / 2;
    const plain = [source, { x: source.x, y: middle }, { x: target.x, y: middle }, target];
    const points = (routed && forwardRoute(source, target, others)) || plain;
    lines.push({ from: edge.from, to: edge.to, points });
  }
  return lines;
}

function segments(points: readonly Point[]): [Point, Point][] {
  return points.slice(1).map((b, i) => [points[i] as Point, b]);
}

/** Lines that pass through a card other than their own two ends. */
export function lineCardOverlaps(
  lines: readonly DrawnLine[],
  cards: ReadonlyMap<string, CardBox>,
): string[] {
  const found: string[] = [];
  for (const line of lines) {
    for (const [id, card] of cards) {
      if (id === line.from || id === line.to) continue;
      const through = segments(line.points).some(([a, b]) => {
        const [x1, x2] = a.x < b.x ? [a.x, b.x] : [b.x, a.x];
        const [y1, y2] = a.y < b.y ? [a.y, b.y] : [b.y, a.y];
        return x1 < card.x + card.width && x2 > card.x && y1 < card.y + card.height && y2 > card.y;
      });
      if (through) found.push(`${line.from}->${line.to} through ${id}`);
    }
  }
  return found;
}

/** Places where a horizontal run of one line crosses a vertical run of another. */
export function lineCrossings(lines: readonly DrawnLine[]): number {
  let count = 0;
  for (let i = 0; i < lines.length; i++) {
    for (let j = 0; j < lines.length; j++) {
      if (i === j) continue;
      for (const [a, b] of segments((lines[i] as DrawnLine).points)) {
        if (a.y !== b.y) continue;
        for (const [c, d] of segments((lines[j] as DrawnLine).points)) {
          if (c.x !== d.x) continue;
          const inX = c.x > Math.min(a.x, b.x) && c.x < Math.max(a.x, b.x);
          const inY = a.y > Math.min(c.y, d.y) && a.y < Math.max(c.y, d.y);
          if (inX && inY) count++;
        }
      }
    }
  }
  return count;
}

/**
 * A journey of `size` steps grown at random (seeded): waits, Yes/No conditions and A/B splits,
 * each new step on an open exit, and now and then a second exit joining it, so branches meet
 * again at shared steps after different steps on each side.
 */
export function grownJourney(seed: number, size: number): Journey {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const nodes: Journey['nodes'] = [
    { id: 'n0', kind: 'trigger', config: { on: 'event', event: 'signup' } },
  ];
  const edges: Journey['edges'] = [];
  const open: { from: string; port: string }[] = [{ from: 'n0', port: 'next' }];
  for (let i = 1; i < size && open.length > 0; i++) {
    const id = `n${i}`;
    const roll = random();
    if (roll < 0.25)
      nodes.push({ id, kind: 'condition', config: { attribute: 'vip', op: 'eq', value: true } });
    else if (roll < 0.35)
      nodes.push({
        id,
        kind: 'split',
        config: {
          variants: [
            { key: 'A', weight: 50 },
            { key: 'B', weight: 50 },
          ],
        },
      });
    else nodes.push({ id, kind: 'wait', config: { mode: 'duration', duration: 'PT1H' } });
    const joined = 1 + (open.length > 1 && random() < 0.35 ? 1 : 0);
    for (let k = 0; k < joined; k++) {
      const exit = open.splice(Math.floor(random() * open.length), 1)[0] as {
        from: string;
        port: string;
      };
      edges.push(
        exit.port === 'next'
          ? { from: exit.from, to: id }
          : { from: exit.from, port: exit.port, to: id },
      );
    }
    const kind = nodes[nodes.length - 1]?.kind;
    const ports = kind === 'condition' ? ['yes', 'no'] : kind === 'split' ? ['A', 'B'] : ['next'];
    for (const port of ports) open.push({ from: id, port });
  }
  return {
    format: 'journey-studio/journey',
    version: 1,
    id: `grown-${seed}`,
    name: `Grown ${seed}`,
    settings: {},
    nodes,
    edges,
  };
}
