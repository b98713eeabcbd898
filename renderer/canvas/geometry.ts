/** Size of a node card on the canvas; layout and drop placement use it before React Flow measures. */
export const NODE_WIDTH = 248;
export const NODE_HEIGHT = 96;

/** Grid that dropped and moved nodes snap to, so cards line up without effort. */
export const GRID = 16;

export function snap(value: number): number {
  return Math.round(value / GRID) * GRID;
}
