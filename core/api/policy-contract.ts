import { z } from 'zod';
import { sendingPolicySchema, type SendingPolicy } from '../policy/sending-policy';

/**
 * The library's sending policy (DESIGN §8): across all journeys, at most `max` messages of a
 * channel to one person in any window of `per`. Saved, it holds for every live journey from its
 * next step, and for every simulation made in the app.
 */
export const sendingPolicyViewSchema = z.object({
  policy: z.custom<SendingPolicy>((value) => typeof value === 'object' && value !== null),
});
export type SendingPolicyView = z.infer<typeof sendingPolicyViewSchema>;

export const policyContract = {
  getSendingPolicy: { input: z.object({}).strict(), output: sendingPolicyViewSchema },
  /** Replaces the policy; `{}` limits nothing. */
  saveSendingPolicy: {
    input: z.object({ policy: sendingPolicySchema }).strict(),
    output: sendingPolicyViewSchema,
  },
} as const;
