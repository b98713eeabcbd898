import { InfoIcon } from '../../../renderer/nodes/icons';
import type { NodeView } from '../../../renderer/nodes/node-view';

/** The view of the nudge kind of `tests/fixtures/extension/nudge.node.ts`. */
export const nudgeView: NodeView = { Icon: InfoIcon };
