/** How far a connection runs straight out of an exit, and into an entry, before it turns. */
const STUB = 20;
/** Room between a loop's lane and the cards it passes. */
const LANE_GAP = 32;

export interface CardBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The lane a connection back up the journey runs in: right of every card between its exit and
 * its entry, so it never runs through a step.
 */
export function backLaneX(
  source: { x: number; y: number },
  target: { x: number; y: number },
  cards: Iterable<CardBox>,
): number {
  let right = Math.max(source.x, target.x);
  const top = target.y - STUB;
  const bottom = source.y + STUB;
  for (const card of cards) {
    if (card.y + card.height < top || card.y > bottom) continue;
    right = Math.max(right, card.x + card.width);
  }
  return right + LANE_GAP;
}

/**
 * A connection from an exit up to an entry above it: down out of the exit, right to the lane,
 * up, left over the target and down into it, with rounded corners. Returns the path and where its
 * label (the delete button) sits: halfway up the lane.
 */
export function backEdgePath(
  source: { x: number; y: number },
  target: { x: number; y: number },
  laneX: number,
  radius = 14,
): [string, number, number] {
  const points = [
    source,
    { x: source.x, y: source.y + STUB },
    { x: laneX, y: source.y + STUB },
    { x: laneX, y: target.y - STUB },
    { x: target.x, y: target.y - STUB },
    target,
  ];
  const d = roundedPath(points, radius);
  return [d, laneX, (source.y + target.y) / 2];
}

/** An orthogonal line through the points, its corners rounded (never past half a segment). */
export function roundedPath(points: readonly { x: number; y: number }[], radius = 14): string {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return '';
  let d = `M ${first.x} ${first.y}`;
  for (let i = 1; i < points.length - 1; i++) {
    const [a, b, c] = [points[i - 1], points[i], points[i + 1]] as [
      { x: number; y: number },
      { x: number; y: number },
      { x: number; y: number },
    ];
    const r = Math.min(radius, dist(a, b) / 2, dist(b, c) / 2);
    const into = toward(b, a, r);
    const out = toward(b, c, r);
    d += ` L ${into.x} ${into.y} Q ${b.x} ${b.y} ${out.x} ${out.y}`;
  }
  return `${d} L ${last.x} ${last.y}`;
}

function dist(a: { x: number; y: number }, b: { x: number; y: number }): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

function toward(from: { x: number; y: number }, to: { x: number; y: number }, r: number) {
  const length = dist(from, to) || 1;
  return { x: from.x + ((to.x - from.x) / length) * r, y: from.y + ((to.y - from.y) / length) * r };
}
