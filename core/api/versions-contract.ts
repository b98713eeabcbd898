import { z } from 'zod';
import { PACK_LABEL_KEYS, type PackLabelKey } from '../report/pack-labels';
import { approvalInputSchema } from '../versions/approvals';
import type { CohortDiff } from '../versions/cohort-diff';

/**
 * A journey's version history (DESIGN §5: publishing freezes a version): its published versions
 * with who noted what and when, the approvals recorded on them (stale once the journey changed
 * from the approved version), the sign-off pack of a version or of the draft, and two versions
 * compared on the cohort of the journey's newest simulation.
 */
const idSchema = z.string().min(1).max(120);
const versionSchema = z.number().int().min(1).max(1_000_000);
const isoTime = z.string();

export const approvalSchema = z.object({
  id: z.number(),
  version: z.number(),
  name: z.string(),
  role: z.string(),
  comment: z.string(),
  approvedAt: isoTime,
  sha256: z.string(),
  /** The journey as saved now is not the version approved. */
  stale: z.boolean(),
});
export type ApprovalView = z.infer<typeof approvalSchema>;

export const versionEntrySchema = z.object({
  version: z.number(),
  publishedAt: isoTime,
  note: z.string().optional(),
  noteBy: z.string().optional(),
  sha256: z.string(),
  approvals: z.array(approvalSchema),
});
export type VersionEntryView = z.infer<typeof versionEntrySchema>;

/** The pack's words in the reader's language, every key given; English when left out. */
const labelsSchema = z
  .object(
    Object.fromEntries(PACK_LABEL_KEYS.map((k) => [k, z.string().max(500)])) as Record<
      PackLabelKey,
      z.ZodString
    >,
  )
  .strict();

export const versionsContract = {
  /** The published versions, newest first, with their notes and approvals, and the draft's SHA-256. */
  listJourneyVersions: {
    input: z.object({ journeyId: idSchema }).strict(),
    output: z.object({
      versions: z.array(versionEntrySchema),
      /** The SHA-256 of the journey as saved now: an approval of another hash is stale. */
      currentSha256: z.string(),
    }),
  },
  /** Writes (or with an empty note, clears) what a version is for, and who says so. */
  setVersionNote: {
    input: z
      .object({
        journeyId: idSchema,
        version: versionSchema,
        note: z.string().trim().max(2_000, 'A note has at most 2,000 characters.'),
        by: z.string().trim().max(120).optional(),
      })
      .strict(),
    output: z.object({ ok: z.literal(true) }),
  },
  /** Records an approval of a published version: name, role, comment, now, and the version's SHA-256. */
  approveJourneyVersion: {
    input: approvalInputSchema.extend({ journeyId: idSchema, version: versionSchema }).strict(),
    output: approvalSchema,
  },
  /**
   * The sign-off pack (core/report) of a published version, or of the journey as saved when no
   * version is given, as one HTML document in the given words, language and time zone.
   */
  getSignOffPack: {
    input: z
      .object({
        journeyId: idSchema,
        version: versionSchema.optional(),
        labels: labelsSchema.optional(),
        locale: z.enum(['en', 'sv', 'nb']).optional(),
        timeZone: z.string().max(64).optional(),
      })
      .strict(),
    output: z.object({ html: z.string(), sha256: z.string(), fileName: z.string() }),
  },
  /**
   * Two versions (a published one, and another or the journey as saved) simulated on the cohort,
   * window, seed and forecast runs of the journey's newest kept simulation, and compared
   * (core/versions/cohort-diff.ts). `invalid-request` when the journey has not been simulated.
   */
  compareVersionsOnCohort: {
    input: z
      .object({
        journeyId: idSchema,
        before: versionSchema,
        /** A version, or the journey as saved when left out. */
        after: versionSchema.optional(),
      })
      .strict(),
    output: z.object({
      diff: z.custom<CohortDiff>((v) => typeof v === 'object' && v !== null),
      /** The simulation whose cohort and settings were used. */
      runId: z.string(),
      seed: z.number(),
      runs: z.number(),
    }),
  },
} as const;
