import { FlagIcon } from './icons';
import type { NodeView } from './node-view';

export const exitView: NodeView = { Icon: FlagIcon };
