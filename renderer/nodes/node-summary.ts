import type { JourneyNode } from '../../core/model/journey';
import { isNodeKind, nodeDefinition } from '../../core/nodes/registry';

/**
 * The card's one-line summary from the kind's `summary(config)`. A config the schema refuses
 * cannot be summarised; the card then says it needs setting up and the problems say why.
 */
export function nodeSummary(node: JourneyNode): { text: string; ready: boolean } {
  if (!isNodeKind(node.kind)) return { text: `Unknown kind “${node.kind}”`, ready: false };
  const definition = nodeDefinition(node.kind);
  const parsed = definition.schema.safeParse(node.config);
  if (!parsed.success) return { text: 'Needs setting up', ready: false };
  try {
    return { text: definition.summary(parsed.data), ready: true };
  } catch {
    return { text: 'Needs setting up', ready: false };
  }
}
