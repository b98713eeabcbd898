import { z } from 'zod';
import { isRecord } from '../model/json-text';
import type { IssueDraft } from '../validation/catalogue';
import { defineNode, leaveThrough, type PortSpec } from './node-definition';

const variantSchema = z.looseObject({
  key: z
    .string({ error: 'each variant needs a key' })
    .min(1, { error: 'a variant key must not be empty' })
    .meta({ title: 'Key', description: 'Names the port, e.g. A, B or control.' }),
  label: z.string({ error: 'label must be text' }).optional().meta({ title: 'Label' }),
  weight: z
    .number({ error: 'weight must be a number' })
    .meta({ title: 'Weight', description: 'Share of profiles, e.g. 50.' }),
});

export const splitConfigSchema = z.looseObject({
  variants: z
    .array(variantSchema, { error: 'variants must be a list' })
    .meta({ title: 'Variants', widget: 'variants' }),
});
export type SplitConfig = z.infer<typeof splitConfigSchema>;

function variantsOf(config: unknown): { key: string; label?: string; weight: number }[] {
  if (!isRecord(config) || !Array.isArray(config.variants)) return [];
  return config.variants.filter(
    (v): v is { key: string; label?: string; weight: number } =>
      isRecord(v) && typeof v.key === 'string' && v.key !== '',
  );
}

function percentages(variants: readonly { weight: number }[]): number[] {
  const total = variants.reduce((sum, v) => sum + (v.weight > 0 ? v.weight : 0), 0);
  return variants.map((v) => (total > 0 && v.weight > 0 ? (v.weight / total) * 100 : 0));
}

function formatPercent(p: number): string {
  return `${Number.isInteger(p) ? p : p.toFixed(1)}%`;
}

/** Picks the variant a bucket in [0, 1) falls in, by cumulative weight. */
export function pickVariant(
  variants: readonly { key: string; weight: number }[],
  bucket: number,
): string {
  const total = variants.reduce((sum, v) => sum + v.weight, 0);
  let edge = 0;
  for (const v of variants) {
    edge += v.weight / total;
    if (bucket < edge) return v.key;
  }
  return variants[variants.length - 1]?.key ?? '';
}

/**
 * A/B test or control group: profiles are split at random by weight. The draw is a stable hash
 * of journey, node and profile, so a profile always lands in the same variant of the same node.
 *
 * @example
 * { "id": "ab", "kind": "split",
 *   "config": { "variants": [{ "key": "A", "weight": 50 }, { "key": "B", "weight": 50 }] } }
 */
export const splitNode = defineNode({
  kind: 'split',
  label: 'A/B split',
  category: 'logic',
  description: 'Splits profiles at random by weight: A/B tests and control groups.',
  schema: splitConfigSchema,
  configKeys: ['variants'],
  defaults: () => ({
    variants: [
      { key: 'A', weight: 50 },
      { key: 'B', weight: 50 },
    ],
  }),
  ports(config): PortSpec[] {
    const variants = variantsOf(config);
    const shares = percentages(
      variants.map((v) => ({ weight: typeof v.weight === 'number' ? v.weight : 0 })),
    );
    return variants.map((v, i) => ({
      id: v.key,
      label: `${v.label ?? v.key} ${formatPercent(shares[i] ?? 0)}`,
    }));
  },
  check(config) {
    const issues: IssueDraft[] = [];
    if (config.variants.length < 2) {
      issues.push({
        code: 'config-invalid',
        path: ['variants'],
        message: 'A split needs at least two variants.',
      });
    }
    const seen = new Set<string>();
    config.variants.forEach((v, i) => {
      if (!(Number.isFinite(v.weight) && v.weight > 0)) {
        issues.push({
          code: 'split-weight-invalid',
          path: ['variants', i, 'weight'],
          message: `Variant "${v.key}" needs a weight above zero (it has ${v.weight}).`,
        });
      }
      if (seen.has(v.key)) {
        issues.push({
          code: 'split-key-duplicate',
          path: ['variants', i, 'key'],
          message: `Two variants are called "${v.key}"; each needs its own key.`,
        });
      }
      seen.add(v.key);
    });
    return issues;
  },
  summary(config) {
    const shares = percentages(config.variants);
    return `Split ${config.variants.map((v, i) => `${v.key} ${formatPercent(shares[i] ?? 0)}`).join(' / ')}`;
  },
  step(ctx) {
    const key = pickVariant(ctx.config.variants, ctx.bucket());
    ctx.assignVariant(key);
    return leaveThrough(key);
  },
  branches: { variants: (config) => config.variants },
});
