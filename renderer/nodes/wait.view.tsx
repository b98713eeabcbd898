import { ClockIcon } from './icons';
import type { NodeView } from './node-view';

export const waitView: NodeView = {
  Icon: ClockIcon,
  variantLabel: 'Wait',
  variantDefaults: {
    duration: { mode: 'duration', duration: 'P1D' },
    until: { mode: 'until', time: '09:00' },
    event: { mode: 'event', event: 'purchase', timeout: 'P3D' },
  },
};
