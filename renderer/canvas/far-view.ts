import { createContext } from 'react';

/**
 * How much of a card the canvas draws, by zoom. Below OVERVIEW_ZOOM card text is too small to
 * read: cards show only their icon and name, large, without React Flow's interactive handles,
 * and connections are drawn as one SVG path (FarEdges) instead of one element each. Below
 * FAR_ZOOM even that is unreadable, and cards are plain blocks in their category colour. Both
 * keep a 500-step journey smooth with every step in view.
 */
export type ViewLevel = 'near' | 'overview' | 'far';

export const OVERVIEW_ZOOM = 0.45;
export const FAR_ZOOM = 0.2;

export function viewLevel(zoom: number): ViewLevel {
  return zoom < FAR_ZOOM ? 'far' : zoom < OVERVIEW_ZOOM ? 'overview' : 'near';
}

export const ViewLevelContext = createContext<ViewLevel>('near');
