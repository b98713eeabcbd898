import { z } from 'zod';
import type { IssueDraft } from '../validation/catalogue';
import { NEXT_PORTS, defineNode, leaveThrough } from './node-definition';

export const updateConfigSchema = z.looseObject({
  set: z
    .record(z.string(), z.unknown(), { error: 'set must map attribute names to values' })
    .optional()
    .meta({
      title: 'Set attributes',
      description: 'e.g. vip = true, segment = "lead".',
      widget: 'attribute-values',
    }),
  increment: z
    .record(z.string(), z.number({ error: 'increment values must be numbers' }), {
      error: 'increment must map attribute names to numbers',
    })
    .optional()
    .meta({
      title: 'Add to attributes',
      description: 'Lead scoring: add points (negative to subtract).',
      widget: 'attribute-numbers',
    }),
  unset: z
    .array(z.string({ error: 'unset must list attribute names' }), {
      error: 'unset must be a list of attribute names',
    })
    .optional()
    .meta({ title: 'Remove attributes', widget: 'attribute-list' }),
});
export type UpdateConfig = z.infer<typeof updateConfigSchema>;

function formatValue(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
}

/**
 * Changes the profile: set attributes, add to numbers (lead scoring), remove attributes.
 * Later conditions and templates see the changed profile; segment triggers re-check it.
 *
 * @example
 * { "id": "score", "kind": "update", "config": { "increment": { "score": 10 }, "set": { "stage": "warm" } } }
 */
export const updateNode = defineNode({
  kind: 'update',
  label: 'Update profile',
  category: 'action',
  description: 'Changes profile attributes: tags, stages, lead scores.',
  schema: updateConfigSchema,
  configKeys: ['set', 'increment', 'unset'],
  defaults: () => ({ increment: { score: 10 } }),
  ports: () => [...NEXT_PORTS],
  check(config) {
    const issues: IssueDraft[] = [];
    const set = Object.keys(config.set ?? {});
    const increment = Object.keys(config.increment ?? {});
    const unset = config.unset ?? [];
    if (set.length + increment.length + unset.length === 0) {
      issues.push({
        code: 'config-invalid',
        message: 'This update changes nothing: set, add to or remove an attribute.',
      });
    }
    const seen = new Map<string, string>();
    const lists: [string, readonly string[]][] = [
      ['set', set],
      ['increment', increment],
      ['unset', unset],
    ];
    for (const [list, names] of lists) {
      names.forEach((name, i) => {
        const path = list === 'unset' ? [list, i] : [list, name];
        if (name.trim() === '' || name === 'id') {
          issues.push({
            code: 'config-invalid',
            path,
            message:
              name === 'id'
                ? 'A profile’s id cannot be changed.'
                : 'Attribute names must not be empty.',
          });
        } else if (seen.has(name)) {
          issues.push({
            code: 'config-invalid',
            path,
            message: `"${name}" is changed twice (in ${seen.get(name)} and ${list}); keep one.`,
          });
        }
        seen.set(name, list);
      });
    }
    for (const [name, amount] of Object.entries(config.increment ?? {})) {
      if (!Number.isFinite(amount)) {
        issues.push({
          code: 'config-invalid',
          path: ['increment', name],
          message: `Add to "${name}" needs a number.`,
        });
      }
    }
    return issues;
  },
  summary(config) {
    const parts = [
      ...Object.entries(config.set ?? {}).map(([k, v]) => `Set ${k} = ${formatValue(v)}`),
      ...Object.entries(config.increment ?? {}).map(([k, n]) =>
        n < 0 ? `Subtract ${-n} from ${k}` : `Add ${n} to ${k}`,
      ),
      ...(config.unset ?? []).map((k) => `Remove ${k}`),
    ];
    return parts.length ? parts.join(' · ') : 'Update profile';
  },
  step(ctx) {
    const { set, increment, unset } = ctx.config;
    ctx.updateProfile({ set, increment, unset });
    return leaveThrough('next');
  },
  reads: {
    names: (config) => ({
      updates: [...Object.keys(config.set ?? {}), ...Object.keys(config.increment ?? {})],
    }),
  },
});
