import { z } from 'zod';
import type { EngineInput } from '../executor/ports';
import { parseEventTime } from '../model/event';
import { idTextProblem } from '../model/id-text';

/**
 * The request bodies of the event API, in the Segment spec's shapes so existing tooling can
 * send to it. Fields the Segment libraries add (`context`, `integrations`, `anonymousId`,
 * `sentAt`, …) are accepted and ignored; any other top-level field is refused, so a typo
 * (`userid`, `propreties`) is a 400 rather than silently lost data. Traits and properties are
 * free-form attributes.
 */

const time = z
  .union([z.string(), z.number()], {
    error: 'must be an ISO 8601 time (2026-05-01T10:00:00Z) or epoch milliseconds',
  })
  .transform((value, ctx) => {
    const parsed = parseEventTime(value);
    if (parsed === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `${JSON.stringify(value)} is not a time; use ISO 8601 (2026-05-01T10:00:00Z) or epoch milliseconds`,
      });
      return z.NEVER;
    }
    return parsed;
  });

/** Refuses ids with control, direction or zero-width characters (model/id-text.ts). */
const plainId = (what: string) => (id: string, ctx: z.RefinementCtx) => {
  const problem = idTextProblem(id, what);
  if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
};

const userId = z
  .string({ error: 'userId is required and must be text' })
  .trim()
  .min(1, { error: 'userId must not be empty' })
  .max(256, { error: 'userId must be at most 256 characters' })
  .superRefine(plainId('The userId'));

const messageId = z
  .string({ error: 'messageId must be text' })
  .min(1, { error: 'messageId must not be empty' })
  .max(256, { error: 'messageId must be at most 256 characters' });

const freeForm = (what: string) =>
  z.record(z.string(), z.unknown(), { error: `${what} must be an object` });

/** Fields the Segment libraries send that the engine does not use. */
const segmentExtras = {
  anonymousId: z.union([z.string(), z.number()]).optional(),
  context: freeForm('context').optional(),
  integrations: freeForm('integrations').optional(),
  sentAt: time.optional(),
  originalTimestamp: time.optional(),
  receivedAt: z.unknown().optional(),
  channel: z.string().optional(),
  version: z.union([z.string(), z.number()]).optional(),
  _metadata: z.unknown().optional(),
};

const trackFields = {
  userId,
  event: z
    .string({ error: 'event is required and must be text' })
    .trim()
    .min(1, { error: 'event must not be empty' })
    .max(200, { error: 'event must be at most 200 characters' }),
  properties: freeForm('properties').optional(),
  timestamp: time.optional(),
  messageId: messageId.optional(),
  ...segmentExtras,
};

const identifyFields = {
  userId,
  traits: freeForm('traits'),
  timestamp: time.optional(),
  messageId: messageId.optional(),
  ...segmentExtras,
};

export const trackSchema = z.strictObject({
  type: z.literal('track', { error: 'type must be "track" here' }).optional(),
  ...trackFields,
});

export const identifySchema = z.strictObject({
  type: z.literal('identify', { error: 'type must be "identify" here' }).optional(),
  ...identifyFields,
});

const batchItem = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('track'), ...trackFields }),
    z.strictObject({ type: z.literal('identify'), ...identifyFields }),
  ],
  { error: 'type must be "track" or "identify"' },
);

export const MAX_BATCH_ITEMS = 2_500;

export const batchSchema = z.strictObject({
  batch: z
    .array(batchItem, { error: 'batch must be a list of track and identify calls' })
    .min(1, { error: 'batch must not be empty' })
    .max(MAX_BATCH_ITEMS, { error: `batch holds at most ${MAX_BATCH_ITEMS} calls` }),
  context: freeForm('context').optional(),
  integrations: freeForm('integrations').optional(),
  sentAt: time.optional(),
  writeKey: z.string().optional(),
  _metadata: z.unknown().optional(),
});

type Track = z.output<typeof trackSchema>;
type Identify = z.output<typeof identifySchema>;

export function trackInput(call: Track): EngineInput {
  return {
    type: 'track',
    event: {
      profileId: call.userId,
      name: call.event,
      properties: call.properties ?? {},
      ...(call.timestamp !== undefined && { time: call.timestamp }),
      ...(call.messageId !== undefined && { messageId: call.messageId }),
    },
  };
}

export function identifyInput(call: Identify): EngineInput {
  return {
    type: 'identify',
    profileId: call.userId,
    traits: call.traits,
    ...(call.messageId !== undefined && { messageId: call.messageId }),
  };
}

/** The first problem of a failed parse, as `{ field, message }` for the 400 body. */
export function firstProblem(error: z.ZodError): { field?: string; message: string } {
  const issue = error.issues[0];
  if (!issue) return { message: 'the request is not valid' };
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const field = [...path, key].join('.');
    return {
      field,
      message: `unknown field "${key}"${path.length ? ` in ${path.join('.')}` : ''}`,
    };
  }
  const field = path.join('.') || undefined;
  return { ...(field && { field }), message: field ? `${field}: ${issue.message}` : issue.message };
}
