import type { JourneyNode } from '../../model/journey';
import { isNodeKind, nodeDefinition } from '../../nodes/registry';
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
  const definition = nodeDefinition(node.kind);
  const parsed = definition.schema.safeParse(node.config);
  return parsed.success ? definition.summary(parsed.data) : node.id;
}
