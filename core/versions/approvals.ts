import { z } from 'zod';

/** Most characters of an approver's name or role, and of a comment. */
export const MAX_APPROVER_CHARS = 120;
export const MAX_APPROVAL_COMMENT_CHARS = 2_000;

/** What a person gives when they approve a version: who, in what role, and what they add. */
export const approvalInputSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, 'Write the name of the person approving.')
      .max(MAX_APPROVER_CHARS, `A name has at most ${MAX_APPROVER_CHARS} characters.`),
    role: z
      .string()
      .trim()
      .min(1, 'Write the role of the person approving (for example “Brand manager”).')
      .max(MAX_APPROVER_CHARS, `A role has at most ${MAX_APPROVER_CHARS} characters.`),
    comment: z
      .string()
      .trim()
      .max(
        MAX_APPROVAL_COMMENT_CHARS,
        `A comment has at most ${MAX_APPROVAL_COMMENT_CHARS.toLocaleString('en')} characters.`,
      )
      .default(''),
  })
  .strict();
export type ApprovalInput = z.input<typeof approvalInputSchema>;

/** An approval as recorded in a journey's version history. */
export interface VersionApproval {
  readonly id: number;
  readonly journeyId: string;
  readonly version: number;
  readonly name: string;
  readonly role: string;
  readonly comment: string;
  /** When it was given (epoch ms). */
  readonly approvedAt: number;
  /** The SHA-256 of the version as approved (report/journey-hash.ts). */
  readonly sha256: string;
}

/**
 * Whether an approval still holds: it does while the journey as it is now is byte for byte the
 * version that was approved (the same SHA-256). Any edit saved after it makes it stale; undoing
 * the edit makes it hold again, since the journey is then the approved one once more.
 *
 * @example
 * approvalStale(approval, await journeySha256(savedJourney)); // true after an edit
 */
export function approvalStale(approval: Pick<VersionApproval, 'sha256'>, currentSha256: string) {
  return approval.sha256 !== currentSha256;
}
