import type { JourneyNode } from '../../core/model/journey';
import { isNodeKind, nodeDefinition } from '../../core/nodes/registry';
import { stepTitle } from '../../core/nodes/step-title';

/**
 * A step named so two of a kind differ in a list: its own label, else its summary ("Wait 1 day",
 * "If purchase performed"), else its kind. The canvas shows both on the card; lists have one line.
 */
export function stepName(node: JourneyNode): string {
  return stepTitle(node);
}

/** A split's variant as the marketer named it (without the share the canvas adds). */
export function variantLabel(node: JourneyNode | undefined, key: string): string {
  if (!node || !isNodeKind(node.kind)) return key;
  const definition = nodeDefinition(node.kind);
  const parsed = definition.branches && definition.schema.safeParse(node.config);
  const variant = parsed?.success
    ? definition.branches?.variants(parsed.data).find((v) => v.key === key)
    : undefined;
  return variant?.label?.trim() ? variant.label : key;
}
