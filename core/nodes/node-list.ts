import { conditionNode } from './condition.node';
import { exitNode } from './exit.node';
import { messageNode } from './message.node';
import { splitNode } from './split.node';
import { triggerNode } from './trigger.node';
import { updateNode } from './update.node';
import { waitNode } from './wait.node';

/**
 * Every node kind, in palette order. Adding a kind means adding its file and one entry here (and
 * its view in `renderer/nodes/`).
 */
export const NODE_DEFINITIONS = [
  triggerNode,
  waitNode,
  conditionNode,
  splitNode,
  messageNode,
  updateNode,
  exitNode,
] as const;
