import { z } from 'zod';
import { checkDuration } from '../nodes/fields';
import type { IssueDraft } from '../validation/catalogue';
import { requireDuration } from './duration';

/**
 * Pieces the settings schemas are made of (journey-settings.ts, and the forecast's settings in
 * forecast/forecast-settings.ts): problems reported with their own codes, durations read once
 * checked.
 */

/** Adds the problems a check found as issues with their own codes, at their own paths. */
export function reportDrafts(drafts: readonly IssueDraft[], ctx: z.RefinementCtx): void {
  for (const draft of drafts) {
    ctx.addIssue({
      code: 'custom',
      message: draft.message,
      path: [...(draft.path ?? [])],
      params: { code: draft.code },
    });
  }
}

/** A duration written as ISO 8601 text, read into a `Duration` once checked. */
export function durationText(what: string, options?: { error: string }) {
  return z
    .string(options)
    .superRefine((text, ctx) => reportDrafts(checkDuration(text, [], what), ctx))
    .transform(requireDuration);
}
