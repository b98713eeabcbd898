import { isNodeKind, type NodeKind } from '../../core/nodes/registry';
import { conditionView } from './condition.view';
import { exitView } from './exit.view';
import { messageView } from './message.view';
import type { NodeView } from './node-view';
import { splitView } from './split.view';
import { triggerView } from './trigger.view';
import { updateView } from './update.view';
import { waitView } from './wait.view';

/** One view per node kind; a new kind in core does not compile until it has one here. */
export const NODE_VIEWS = {
  trigger: triggerView,
  wait: waitView,
  condition: conditionView,
  split: splitView,
  message: messageView,
  update: updateView,
  exit: exitView,
} as const satisfies Record<NodeKind, NodeView>;

export function nodeView(kind: string): NodeView | undefined {
  return isNodeKind(kind) ? NODE_VIEWS[kind] : undefined;
}
