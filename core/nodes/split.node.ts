import { z } from 'zod';
import { CONTROL } from '../forecast/auto-winner';
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

const MIN_PER_VARIANT =
  'The number of profiles in each variant before deciding is a whole number, 1 or more.';
const CONFIDENCE =
  'How sure to be before deciding is a share from 0.5 to 0.999, e.g. 0.95 for 95%.';

const autoWinnerSchema = z
  .looseObject(
    {
      metric: z
        .union(
          [
            z.literal('conversion').meta({
              title: 'Converts most',
              description:
                'The goal event within its conversion window after the profile was drawn into the variant.',
            }),
          ],
          { error: 'The winner is picked on conversions ("metric": "conversion").' },
        )
        .default('conversion')
        .meta({ title: 'The winner is the variant that', widget: 'choice' }),
      minPerVariant: z
        .number({ error: MIN_PER_VARIANT })
        .refine((n) => Number.isInteger(n) && n >= 1, { error: MIN_PER_VARIANT })
        .meta({
          title: 'Profiles in each variant before deciding',
          description: 'Every variant but the control needs this many first.',
        }),
      confidence: z
        .number({ error: CONFIDENCE })
        .refine((n) => n >= 0.5 && n <= 0.999, { error: CONFIDENCE })
        .default(0.95)
        .meta({
          title: 'How sure before deciding',
          description:
            'The chance that the variant converts best, e.g. 0.95 for 95%. Higher waits longer and picks a wrong winner less often.',
        }),
    },
    { error: 'The automatic winner needs minPerVariant, e.g. { "minPerVariant": 200 }.' },
  )
  .optional()
  .meta({
    title: 'Pick the winner automatically',
    description:
      'Looked at every hour. Once the variant that converts best is clear, every later profile that would not go to the control goes to it; the control keeps its share.',
    widget: 'switch',
    initial: { metric: 'conversion', minPerVariant: 200, confidence: 0.95 },
  });

export const splitConfigSchema = z.looseObject({
  variants: z
    .array(variantSchema, { error: 'variants must be a list' })
    .meta({ title: 'Variants', widget: 'variants' }),
  autoWinner: autoWinnerSchema,
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
 * With `autoWinner`, once one variant clearly converts best (DESIGN §7), it takes every later
 * profile that would not go to the control.
 *
 * @example
 * { "id": "ab", "kind": "split",
 *   "config": { "variants": [{ "key": "A", "weight": 50 }, { "key": "B", "weight": 50 }],
 *               "autoWinner": { "metric": "conversion", "minPerVariant": 200, "confidence": 0.95 } } }
 */
export const splitNode = defineNode({
  kind: 'split',
  label: 'A/B split',
  category: 'logic',
  description: 'Splits profiles at random by weight: A/B tests and control groups.',
  schema: splitConfigSchema,
  configKeys: ['variants', 'autoWinner'],
  defaults: (): SplitConfig => ({
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
    const contenders = config.variants.filter((v) => v.key !== CONTROL).length;
    if (config.autoWinner && contenders < 2) {
      issues.push({
        code: 'auto-winner-invalid',
        path: ['autoWinner'],
        message: `An automatic winner is picked among at least two variants besides the control; this split has ${contenders}.`,
      });
    }
    return issues;
  },
  summary(config) {
    const shares = percentages(config.variants);
    const split = `Split ${config.variants.map((v, i) => `${v.key} ${formatPercent(shares[i] ?? 0)}`).join(' / ')}`;
    return config.autoWinner ? `${split}, winner picked automatically` : split;
  },
  step(ctx) {
    const { variants, autoWinner } = ctx.config;
    let key = pickVariant(variants, ctx.bucket());
    if (autoWinner) {
      // Asked at every arrival, control or not: the rule is looked at on the hour's first one.
      const decided = ctx.winner({ variants: variants.map((v) => v.key), rule: autoWinner });
      if (decided && key !== CONTROL && variants.some((v) => v.key === decided.variant))
        key = decided.variant;
    }
    ctx.assignVariant(key);
    return leaveThrough(key);
  },
  branches: { variants: (config) => config.variants, autoWinner: (config) => config.autoWinner },
});
