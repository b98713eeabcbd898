import type { JourneyNode } from '../../core/model/journey';
import { isNodeKind } from '../../core/nodes/registry';
import { readySummary } from '../../core/nodes/step-title';

/**
 * The card's one-line summary from the kind's `summary(config)`, Liquid shown as merge tags. A
 * config the schema refuses cannot be summarised; the card then says it needs setting up and the
 * problems say why.
 */
export function nodeSummary(node: JourneyNode): { text: string; ready: boolean } {
  if (!isNodeKind(node.kind)) return { text: `Unknown kind “${node.kind}”`, ready: false };
  const text = readySummary(node);
  return text === undefined ? { text: 'Needs setting up', ready: false } : { text, ready: true };
}
