import type { JourneyNode } from '../../model/journey';
import type { JourneyGraph } from '../../model/journey-graph';
import { isNodeKind, nodeDefinition } from '../../nodes/registry';
import { severityOf } from '../catalogue';
import { q } from '../rule';
import type { CheckedMessage } from './checked-journey';

/** `"a"`, `"a" and "b"`, `"a", "b", "c", "d" and 3 more`. */
export function listIds(ids: readonly string[], max = 4): string {
  const quoted = ids.slice(0, max).map(q);
  if (ids.length > max) return `${quoted.join(', ')} and ${ids.length - max} more`;
  return quoted.length <= 1
    ? (quoted[0] ?? '')
    : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1) ?? ''}`;
}

/** "Email", "SMS" or "Push notification": how a sentence about a message node starts. */
export function channelName(message: CheckedMessage): string {
  return message.channel.label;
}

/** Minutes after midnight as `HH:MM`. */
export function clockText(minutes: number): string {
  const m = ((Math.round(minutes) % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/**
 * A step as a marketer named it: its label, else what its config says ("Wait 1 day", "Email:
 * Your cart is waiting"), else its id.
 */
export function stepTitle(node: JourneyNode): string {
  if (node.label?.trim()) return node.label.trim();
  if (!isNodeKind(node.kind)) return node.id;
  let title = summaries.get(node);
  if (title === undefined) {
    const definition = nodeDefinition(node.kind);
    const parsed = definition.schema.safeParse(node.config);
    // A summary reads a config its kind's checks passed; a half-drawn one is named by its id.
    const sound =
      parsed.success &&
      !definition.check(parsed.data).some((draft) => severityOf(draft.code) === 'error');
    title = sound ? definition.summary(parsed.data) : node.id;
    summaries.set(node, title);
  }
  return title;
}

/** Titles by node object: a node's config does not change under a validation run. */
const summaries = new WeakMap<JourneyNode, string>();

/** The title of the step with this id, or the id itself when there is no such step. */
export function stepTitleOf(graph: JourneyGraph, id: string): string {
  const node = graph.nodes.get(id);
  return node ? stepTitle(node) : id;
}

/** Titles joined for a sentence's values: `“a”, “b”, “c”` (each language adds its own "and"). */
export function titleList(graph: JourneyGraph, ids: readonly string[], max = 4): string {
  const titles = ids.slice(0, max).map((id) => `“${stepTitleOf(graph, id)}”`);
  return ids.length > max ? `${titles.join(', ')} …` : titles.join(', ');
}
