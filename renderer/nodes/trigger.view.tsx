import { BoltIcon } from './icons';
import type { NodeView } from './node-view';

export const triggerView: NodeView = {
  Icon: BoltIcon,
  variantLabel: 'Starts when',
  variantDefaults: {
    event: { on: 'event', event: 'signup' },
    segment: { on: 'segment', condition: { attribute: 'vip', op: 'eq', value: true } },
    date: { on: 'date', attribute: 'birthday', time: '09:00' },
  },
  fieldOptions: { offset: { allowNegative: true } },
};
