import type { JourneyNode } from '../../core/model/journey';
import { kindTitle } from '../../core/nodes/step-title';

/** What a node is called on the canvas: its own label, or its kind's name. */
export function nodeTitle(node: JourneyNode): string {
  return kindTitle(node);
}
