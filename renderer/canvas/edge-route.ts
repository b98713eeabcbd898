import type { CardBox } from './back-edge';

export interface Point {
  x: number;
  y: number;
}

/** How far a connection runs straight out of an exit, and into an entry, before it turns. */
const STUB = 20;
/** Room kept between a line and a card it passes, so the line never seems to touch it. */
const CLEAR = 8;
/** Lanes tried between the columns of cards, nearest first; past them, the lane right of all. */
const MAX_LANES = 24;

/** Whether a horizontal or vertical segment passes through a card (grown by `CLEAR`). */
function hits(a: Point, b: Point, card: CardBox): boolean {
  const left = card.x - CLEAR;
  const right = card.x + card.width + CLEAR;
  const top = card.y - CLEAR;
  const bottom = card.y + card.height + CLEAR;
  const [x1, x2] = a.x < b.x ? [a.x, b.x] : [b.x, a.x];
  const [y1, y2] = a.y < b.y ? [a.y, b.y] : [b.y, a.y];
  return x1 < right && x2 > left && y1 < bottom && y2 > top;
}

/** Whether a line through these points keeps clear of every card. */
export function routeIsClear(points: readonly Point[], cards: readonly CardBox[]): boolean {
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as Point;
    const b = points[i] as Point;
    for (const card of cards) if (hits(a, b, card)) return false;
  }
  return true;
}

/** Down, across at `y`, down: the shape React Flow's smooth-step line takes. */
function turnAt(source: Point, target: Point, y: number): Point[] {
  return [source, { x: source.x, y }, { x: target.x, y }, target];
}

/**
 * x positions of vertical lanes free of cards between `top` and `bottom`: the middle of each gap
 * between the columns of cards there, nearest to `near` first, then one right of them all.
 */
function lanes(cards: readonly CardBox[], top: number, bottom: number, near: number): number[] {
  const spans = cards
    .filter((c) => c.y - CLEAR < bottom && c.y + c.height + CLEAR > top)
    .map((c) => [c.x - CLEAR, c.x + c.width + CLEAR] as const)
    .sort((a, b) => a[0] - b[0]);
  const found: number[] = [];
  let reach = -Infinity;
  for (const [left, right] of spans) {
    if (reach > -Infinity && left > reach) found.push((reach + left) / 2);
    reach = Math.max(reach, right);
  }
  found.sort((a, b) => Math.abs(a - near) - Math.abs(b - near));
  const beyond = reach > -Infinity ? reach + STUB : near;
  return [...found.slice(0, MAX_LANES), beyond];
}

/**
 * The way a connection goes down the journey, from an exit to an entry below it, as the points
 * of an orthogonal line that passes no card but its own two (`cards` leaves those out). The
 * plain shape turns halfway; where that runs through a step, it turns right under the exit or
 * right over the entry instead, and where both columns are taken it goes down a free lane
 * between the cards. Returns undefined when the plain shape is clear, so it is drawn as before.
 */
export function forwardRoute(
  source: Point,
  target: Point,
  cards: readonly CardBox[],
): Point[] | undefined {
  if (target.y - source.y <= 2 * STUB) return undefined;
  const plain = turnAt(source, target, (source.y + target.y) / 2);
  if (routeIsClear(plain, cards)) return undefined;
  const shapes = [turnAt(source, target, target.y - STUB), turnAt(source, target, source.y + STUB)];
  const top = source.y + STUB;
  const bottom = target.y - STUB;
  for (const x of lanes(cards, top, bottom, (source.x + target.x) / 2)) {
    shapes.push([
      source,
      { x: source.x, y: top },
      { x, y: top },
      { x, y: bottom },
      { x: target.x, y: bottom },
      target,
    ]);
  }
  return shapes.find((shape) => routeIsClear(shape, cards)) ?? shapes[shapes.length - 1];
}
