import { z } from 'zod';
import { MIGRATION_ACTIONS } from '../migration/migration-plan';
import type { JourneyChange } from '../versions/journey-diff';

/**
 * Publishing a journey people are inside: the impact preview (who is where, what the new version
 * does to their step) and the migration plan the publish carries out with it.
 */

/** One group's choice: finish on their version, go on, move to a step, or leave. */
export const migrationChoiceSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('stay') }).strict(),
  z.object({ action: z.literal('continue') }).strict(),
  z.object({ action: z.literal('move'), to: z.string().min(1).max(120) }).strict(),
  z.object({ action: z.literal('exit') }).strict(),
]);

/** A choice per group key (`<version>/<reason>/<step id>`); a group left out stays. */
export const migrationPlanSchema = z
  .record(z.string().min(1).max(260), migrationChoiceSchema)
  .refine((plan) => Object.keys(plan).length <= 2_000, 'A plan names at most 2,000 groups.');

const nodeRefSchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.string(),
  kindTitle: z.string(),
});

const isoTime = z.string();

export const impactGroupSchema = z.object({
  key: z.string(),
  fromVersion: z.number(),
  step: nodeRefSchema,
  reason: z.enum(['unchanged', 'changed', 'removed', 'variant-removed']),
  count: z.number(),
  /** When the first and the last of them who wait move on. */
  until: z.object({ first: isoTime, last: isoTime }).optional(),
  changes: z.array(z.custom<JourneyChange>((value) => typeof value === 'object' && value !== null)),
  removedVariants: z
    .array(
      z.object({ split: nodeRefSchema, key: z.string(), label: z.string(), count: z.number() }),
    )
    .optional(),
  actions: z.array(z.enum(MIGRATION_ACTIONS)),
});
export type ImpactGroupView = z.infer<typeof impactGroupSchema>;

export const publishImpactSchema = z.object({
  journeyId: z.string(),
  /** The version publishing would create (the newest one when nothing changed). */
  toVersion: z.number(),
  /** Whether publishing makes a new version. */
  changed: z.boolean(),
  /** People inside (of every group). */
  total: z.number(),
  /** Empty unless the journey runs with people inside. */
  groups: z.array(impactGroupSchema),
  targets: z.array(nodeRefSchema),
});
export type PublishImpactView = z.infer<typeof publishImpactSchema>;

export const migratedSchema = z.object({
  continue: z.number(),
  move: z.number(),
  exit: z.number(),
});
