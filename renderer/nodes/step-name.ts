import type { JourneyNode } from '../../core/model/journey';
import { nodeSummary } from './node-summary';
import { nodeTitle } from './node-title';

/**
 * A step named so two of a kind differ in a list: its own label, else its summary ("Wait 1 day",
 * "If purchase performed"), else its kind. The canvas shows both on the card; lists have one line.
 */
export function stepName(node: JourneyNode): string {
  if (node.label?.trim()) return node.label;
  const summary = nodeSummary(node);
  return summary.ready ? summary.text : nodeTitle(node);
}

/** A split's variant as the marketer named it (without the share the canvas adds). */
export function variantLabel(node: JourneyNode | undefined, key: string): string {
  const variants = node?.config.variants;
  if (!Array.isArray(variants)) return key;
  const variant = variants.find(
    (v): v is { key: string; label?: unknown } =>
      typeof v === 'object' && v !== null && (v as { key?: unknown }).key === key,
  );
  return typeof variant?.label === 'string' && variant.label.trim() ? variant.label : key;
}
