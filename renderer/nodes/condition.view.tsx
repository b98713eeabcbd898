import { BranchIcon } from './icons';
import type { NodeView } from './node-view';

export const conditionView: NodeView = { Icon: BranchIcon };
