import type { StepMark } from '../../core/report/canvas-svg';
import type { JourneyChange } from '../../core/versions/journey-diff';

/**
 * Which steps each side of a comparison marks: added steps on the newer canvas, removed ones on
 * the older, and changed ones (renamed, a setting, the shares of a split) on both.
 */
export function stepMarks(changes: readonly JourneyChange[]): {
  before: Map<string, StepMark>;
  after: Map<string, StepMark>;
} {
  const before = new Map<string, StepMark>();
  const after = new Map<string, StepMark>();
  for (const change of changes) {
    switch (change.type) {
      case 'node-added':
        after.set(change.node.id, 'added');
        break;
      case 'node-removed':
        before.set(change.node.id, 'removed');
        break;
      case 'node-changed':
      case 'node-renamed':
      case 'variants-changed':
        before.set(change.node.id, 'changed');
        after.set(change.node.id, 'changed');
        break;
      default:
        break;
    }
  }
  return { before, after };
}

/** An SVG as an image address: drawn as a picture, so nothing in it can run. */
export function svgAddress(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
