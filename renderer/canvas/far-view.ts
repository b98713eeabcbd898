import { createContext } from 'react';

/**
 * Below this zoom card text is too small to read, so the canvas switches to an overview: cards
 * become blocks in their category colour, without React Flow's interactive handles, and
 * connections are drawn on one canvas (FarEdges) instead of one SVG element each. This is what
 * keeps a 500-step journey smooth with every step in view.
 */
export const FAR_ZOOM = 0.4;

/** Whether the canvas shows the overview; cards read it to draw themselves as blocks. */
export const FarViewContext = createContext(false);
