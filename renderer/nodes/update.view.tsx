import { ProfileIcon } from './icons';
import type { NodeView } from './node-view';

export const updateView: NodeView = { Icon: ProfileIcon };
