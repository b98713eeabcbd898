import type { JourneyNode } from '../model/journey';
import { isNodeKind, nodeDefinition } from './registry';

/**
 * Liquid as a merge tag: `{{ profile.first_name | default: 'there' }}` reads `{first_name}`, and
 * tags (`{% if %}`) disappear, so a summary shows the subject a marketer wrote, not its markup.
 *
 * @example
 * mergeTags("{{ profile.first_name | default: 'Hi' }}, your cart"); // "{first_name}, your cart"
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
 * The kind's one-line summary of a node ("Wait 1 hour", "Email: {first_name}, your cart"), or
 * undefined when its kind is unknown or its config does not fit the kind's schema yet.
 */
export function readySummary(node: JourneyNode): string | undefined {
  const config = readyConfig(node);
  if (config === undefined || !isNodeKind(node.kind)) return undefined;
  try {
    return nodeDefinition(node.kind).summary(config);
  } catch {
    return undefined;
  }
}

/**
 * A node's config as its kind's schema reads it, Liquid shown as merge tags, for a summary worded
 * elsewhere (the app words it in the marketer's language); undefined when the kind is unknown or
 * the config does not fit the schema yet.
 */
export function readyConfig(node: JourneyNode): unknown {
  if (!isNodeKind(node.kind)) return undefined;
  const parsed = nodeDefinition(node.kind).schema.safeParse(withMergeTags(node.config));
  return parsed.success ? parsed.data : undefined;
}

/** What a node is called on the canvas card: its own label, or its kind's name. */
export function kindTitle(node: JourneyNode): string {
  if (node.label?.trim()) return node.label;
  return isNodeKind(node.kind) ? nodeDefinition(node.kind).label : node.kind;
}

/**
 * A step named so two of a kind differ in a list or a sentence: its own label, else its summary
 * ("Wait 1 day", "If purchase performed"), else its kind's name.
 *
 * @example
 * stepTitle({ id: 'w', kind: 'wait', config: { mode: 'duration', duration: 'P2D' } }); // "Wait 2 days"
 */
export function stepTitle(node: JourneyNode): string {
  if (node.label?.trim()) return node.label;
  return readySummary(node) ?? kindTitle(node);
}
