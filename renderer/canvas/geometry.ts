/** Width of a node card on the canvas. */
export const NODE_WIDTH = 248;

/**
 * A card's height follows from what it shows, in fixed pixel rows (styles/app.css uses the same
 * numbers). Layout uses these, never measured sizes, so tidying up gives the same positions on
 * every machine whatever its fonts.
 */
const CARD_ROWS = {
  frame: 2 + 10 + 10,
  head: 28,
  summary: 6 + 18,
  problem: 4 + 16,
  ports: 8,
  labelledPorts: 10 + 1 + 5 + 16 + 7 - 10,
};

/** The row of exits under a card: none (exit), one plain dot (next), or labelled exits. */
export type PortRow = 'none' | 'plain' | 'labelled';

export function cardHeight(ports: PortRow, problem: boolean): number {
  return (
    CARD_ROWS.frame +
    CARD_ROWS.head +
    CARD_ROWS.summary +
    (problem ? CARD_ROWS.problem : 0) +
    (ports === 'labelled' ? CARD_ROWS.labelledPorts : ports === 'plain' ? CARD_ROWS.ports : 0)
  );
}

/** The height of the commonest card: one exit, no problem. */
export const NODE_HEIGHT = cardHeight('plain', false);

/** Grid that dropped and moved nodes snap to, so cards line up without effort. */
export const GRID = 16;

export function snap(value: number): number {
  return Math.round(value / GRID) * GRID;
}

/**
 * How "fit view" frames a journey: never past 100 %, with room at the bottom so the last steps,
 * and the "ends · 12" printed under their open exits, are not under the minimap (16 + 134 px).
 */
export const FIT_OPTIONS = {
  padding: { top: '48px', right: '48px', bottom: '176px', left: '48px' },
  maxZoom: 1,
} as const;
