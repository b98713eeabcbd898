import type { JourneyNode } from '../../core/model/journey';
import { isNodeKind, nodeDefinition } from '../../core/nodes/registry';

/**
 * Liquid as a merge tag: `{{ profile.first_name | default: 'there' }}` reads `{first_name}`, and
 * tags (`{% if %}`) disappear, so a card shows the subject a marketer wrote, not its markup.
 */
export function mergeTags(text: string): string {
  return text
    .replace(
      /\{\{-?\s*([\w.]+)[^}]*\}\}/g,
      (_all, path: string) => `{${path.split('.').pop() ?? path}}`,
    )
    .replace(/\{%-?[^%]*%\}/g, '')
    .replace(/\s{2,}/g, ' ');
}

function withMergeTags(config: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(config)) {
    out[key] = typeof value === 'string' && value.includes('{') ? mergeTags(value) : value;
  }
  return out;
}

/**
 * The card's one-line summary from the kind's `summary(config)`. A config the schema refuses
 * cannot be summarised; the card then says it needs setting up and the problems say why.
 */
export function nodeSummary(node: JourneyNode): { text: string; ready: boolean } {
  if (!isNodeKind(node.kind)) return { text: `Unknown kind “${node.kind}”`, ready: false };
  const definition = nodeDefinition(node.kind);
  const parsed = definition.schema.safeParse(withMergeTags(node.config));
  if (!parsed.success) return { text: 'Needs setting up', ready: false };
  try {
    return { text: definition.summary(parsed.data), ready: true };
  } catch {
    return { text: 'Needs setting up', ready: false };
  }
}
