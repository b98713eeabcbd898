import type { z } from 'zod';
import { namesInCondition, type Condition } from '../conditions/condition';
import { describeCondition } from '../conditions/describe';
import { checkConditionField, conditionField } from './fields';
import { defineNode, leaveThrough, type PortSpec } from './node-definition';

export const conditionConfigSchema: z.ZodType<Condition> = conditionField(
  'Profiles go to “yes” when',
);
export type ConditionConfig = Condition;

const PORTS: readonly PortSpec[] = [
  { id: 'yes', label: 'Yes' },
  { id: 'no', label: 'No' },
];

/**
 * Sends each arriving profile to `yes` or `no`, by its attributes now and its events so far.
 *
 * @example
 * { "id": "bought", "kind": "condition",
 *   "config": { "event": "purchase", "op": "performed", "since": "entry" } }
 */
export const conditionNode = defineNode({
  kind: 'condition',
  label: 'Condition',
  category: 'logic',
  description: 'Sends profiles down “yes” or “no” by who they are and what they have done.',
  schema: conditionConfigSchema,
  configKeys: [
    'all',
    'any',
    'not',
    'attribute',
    'event',
    'op',
    'value',
    'within',
    'since',
    'where',
    'count',
  ],
  defaults: (): Condition => ({ event: 'purchase', op: 'performed', since: 'entry' }),
  ports: () => [...PORTS],
  check: (config) => checkConditionField(config, [], true),
  summary: (config) => `If ${describeCondition(config)}`,
  step: (ctx) => leaveThrough(ctx.evaluate(ctx.config) ? 'yes' : 'no'),
  decides: { decision: (config) => ({ condition: config, yes: 'yes', no: 'no' }) },
  reads: {
    names(config) {
      const { events, attributes } = namesInCondition(config);
      return { events, history: events, attributes };
    },
  },
});
