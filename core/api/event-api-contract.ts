import { z } from 'zod';
import type { EngineInput } from '../executor/ports';
import { parseEventTime } from '../model/event';
import { idTextProblem } from '../model/id-text';

/**
 * The request bodies of the event API, in the Segment spec's shapes so existing tooling can
 * send to it: track, identify, page, screen, group and alias (DESIGN §5, §8), each naming a
 * `userId`, an `anonymousId` or both. Fields the Segment libraries add (`context`,
 * `integrations`, `channel`, …) are accepted and ignored, `sentAt` corrects the sender's clock;
 * any other top-level field is refused, so a typo
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

const id = (name: string) =>
  z
    .union([z.string(), z.number()], { error: `${name} must be text` })
    // Segment's libraries take numbers as ids and send them as they are.
    .transform((value) => String(value))
    .pipe(
      z
        .string()
        .trim()
        .min(1, { error: `${name} must not be empty` })
        .max(256, { error: `${name} must be at most 256 characters` })
        .superRefine(plainId(`The ${name}`)),
    );

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

/** Fields the Segment libraries send that the engine does not use, or uses only for time. */
const segmentExtras = {
  context: freeForm('context').optional(),
  integrations: freeForm('integrations').optional(),
  sentAt: time.optional(),
  originalTimestamp: time.optional(),
  receivedAt: z.unknown().optional(),
  channel: z.string().optional(),
  version: z.union([z.string(), z.number()]).optional(),
  _metadata: z.unknown().optional(),
  timestamp: time.optional(),
  messageId: messageId.optional(),
};

/** Who a call is about: a known user, an anonymous visitor, or both (DESIGN §8). */
const who = {
  userId: userId.optional(),
  anonymousId: id('anonymousId').optional(),
};

/** A call must name someone: `userId`, `anonymousId`, or both. */
function namesSomeone(call: { userId?: string; anonymousId?: string }, ctx: z.RefinementCtx) {
  if (call.userId === undefined && call.anonymousId === undefined)
    ctx.addIssue({
      code: 'custom',
      path: ['userId'],
      message: 'userId is required (or anonymousId, for a visitor not yet known) and must be text',
    });
}

/** A page or screen name, as it becomes part of the event name `Viewed <name> Page`. */
const viewName = z
  .string({ error: 'name must be text' })
  .trim()
  .max(150, { error: 'name must be at most 150 characters' })
  .optional();

const trackFields = {
  ...who,
  event: z
    .string({ error: 'event is required and must be text' })
    .trim()
    .min(1, { error: 'event must not be empty' })
    .max(200, { error: 'event must be at most 200 characters' }),
  properties: freeForm('properties').optional(),
  ...segmentExtras,
};

const identifyFields = {
  ...who,
  traits: freeForm('traits').optional(),
  ...segmentExtras,
};

const viewFields = {
  ...who,
  name: viewName,
  category: viewName,
  properties: freeForm('properties').optional(),
  ...segmentExtras,
};

const groupFields = {
  ...who,
  groupId: id('groupId'),
  traits: freeForm('traits').optional(),
  ...segmentExtras,
};

const aliasFields = {
  userId,
  previousId: id('previousId'),
  anonymousId: id('anonymousId').optional(),
  ...segmentExtras,
};

/** An identify sets traits; without them it only merges, so it must name an anonymous id. */
function identifyRefine(call: z.output<z.ZodObject<typeof identifyFields>>, ctx: z.RefinementCtx) {
  namesSomeone(call, ctx);
  if (call.traits === undefined && (call.anonymousId === undefined || call.userId === undefined))
    ctx.addIssue({
      code: 'custom',
      path: ['traits'],
      message: 'traits is required and must be an object',
    });
}

const typed = <T extends string>(type: T) =>
  z.literal(type, { error: `type must be "${type}" here` }).optional();

export const trackSchema = z
  .strictObject({ type: typed('track'), ...trackFields })
  .superRefine(namesSomeone);
export const identifySchema = z
  .strictObject({ type: typed('identify'), ...identifyFields })
  .superRefine(identifyRefine);
export const pageSchema = z
  .strictObject({ type: typed('page'), ...viewFields })
  .superRefine(namesSomeone);
export const screenSchema = z
  .strictObject({ type: typed('screen'), ...viewFields })
  .superRefine(namesSomeone);
export const groupSchema = z
  .strictObject({ type: typed('group'), ...groupFields })
  .superRefine(namesSomeone);
export const aliasSchema = z.strictObject({ type: typed('alias'), ...aliasFields });

const batchItem = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('track'), ...trackFields }).superRefine(namesSomeone),
    z.strictObject({ type: z.literal('identify'), ...identifyFields }).superRefine(identifyRefine),
    z.strictObject({ type: z.literal('page'), ...viewFields }).superRefine(namesSomeone),
    z.strictObject({ type: z.literal('screen'), ...viewFields }).superRefine(namesSomeone),
    z.strictObject({ type: z.literal('group'), ...groupFields }).superRefine(namesSomeone),
    z.strictObject({ type: z.literal('alias'), ...aliasFields }),
  ],
  { error: 'type must be "track", "identify", "page", "screen", "group" or "alias"' },
);

export const MAX_BATCH_ITEMS = 2_500;

export const batchSchema = z.strictObject({
  batch: z
    .array(batchItem, { error: 'batch must be a list of calls' })
    .min(1, { error: 'batch must not be empty' })
    .max(MAX_BATCH_ITEMS, { error: `batch holds at most ${MAX_BATCH_ITEMS} calls` }),
  context: freeForm('context').optional(),
  integrations: freeForm('integrations').optional(),
  sentAt: time.optional(),
  // RudderStack's libraries stamp the batch with the time it was sent, beside sentAt.
  timestamp: time.optional(),
  writeKey: z.string().optional(),
  _metadata: z.unknown().optional(),
});

/** One call of any kind, as it was read. */
export type EventCall = z.output<typeof batchItem>;
type Track = z.output<typeof trackSchema>;
type Identify = z.output<typeof identifySchema>;

/**
 * When a call arrived and when its sender says it sent it, for correcting the sender's clock
 * (Segment's rule: timestamp + (receivedAt − sentAt)).
 */
export interface CallClock {
  receivedAt: number;
  /** The call's own `sentAt`, else its batch's. */
  sentAt?: number;
}

/**
 * The largest clock error corrected: a sender whose clock is off by more is more likely to have
 * sent a wrong `sentAt` than to be that far off, and its times are taken as they are given.
 */
export const MAX_CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;

/**
 * When a call happened: its `timestamp` (or RudderStack's `originalTimestamp`), moved by the
 * sender's clock error as far as `sentAt` shows it, never later than it arrived. Undefined: when
 * it is accepted.
 */
export function callTime(
  call: { timestamp?: number; originalTimestamp?: number; sentAt?: number },
  clock?: CallClock,
): number | undefined {
  const stated = call.timestamp ?? call.originalTimestamp;
  if (stated === undefined || !clock) return stated;
  const sentAt = call.sentAt ?? clock.sentAt;
  if (sentAt === undefined) return stated;
  const skew = clock.receivedAt - sentAt;
  if (Math.abs(skew) > MAX_CLOCK_SKEW_MS) return stated;
  return Math.min(stated + skew, clock.receivedAt);
}

/** The profile a call is about, and the anonymous id it names beside it (DESIGN §8). */
function identity(call: { userId?: string; anonymousId?: string }): {
  profileId: string;
  anonymousId?: string;
} {
  const known = call.userId;
  const anonymous = call.anonymousId;
  if (known === undefined) return { profileId: anonymous as string };
  return anonymous === undefined || anonymous === known
    ? { profileId: known }
    : { profileId: known, anonymousId: anonymous };
}

function event(
  call: { userId?: string; anonymousId?: string; messageId?: string },
  name: string,
  properties: Readonly<Record<string, unknown>>,
  time: number | undefined,
): EngineInput {
  return {
    type: 'track',
    event: {
      ...identity(call),
      name,
      properties,
      ...(time !== undefined && { time }),
      ...(call.messageId !== undefined && { messageId: call.messageId }),
    },
  };
}

export function trackInput(call: Track, clock?: CallClock): EngineInput {
  return event(call, call.event, call.properties ?? {}, callTime(call, clock));
}

export function identifyInput(call: Identify): EngineInput {
  const { profileId, anonymousId } = identity(call);
  return {
    type: 'identify',
    profileId,
    traits: call.traits ?? {},
    ...(call.messageId !== undefined && { messageId: call.messageId }),
    ...(anonymousId !== undefined && { anonymousId }),
  };
}

/**
 * What the engine makes of any call (DESIGN §8): a page or screen is the event `Viewed <name>
 * Page` (or `Screen`) with its properties, and its name and category among them; a group sets the
 * trait `group` (`{ id, ...traits }`); an alias merges `previousId` into `userId`, as an identify
 * naming both does.
 */
export function callInput(call: EventCall, clock?: CallClock): EngineInput {
  switch (call.type) {
    case 'track':
      return trackInput(call, clock);
    case 'identify':
      return identifyInput(call);
    case 'page':
    case 'screen': {
      const kind = call.type === 'page' ? 'Page' : 'Screen';
      const name = call.name ? `Viewed ${call.name} ${kind}` : `Viewed ${kind}`;
      const properties = {
        ...call.properties,
        ...(call.name ? { name: call.name } : {}),
        ...(call.category ? { category: call.category } : {}),
      };
      return event(call, name, properties, callTime(call, clock));
    }
    case 'group':
      return identifyInput({
        ...(call.userId !== undefined && { userId: call.userId }),
        ...(call.anonymousId !== undefined && { anonymousId: call.anonymousId }),
        ...(call.messageId !== undefined && { messageId: call.messageId }),
        traits: { group: { ...call.traits, id: call.groupId } },
      });
    case 'alias':
      return {
        type: 'identify',
        profileId: call.userId,
        traits: {},
        ...(call.messageId !== undefined && { messageId: call.messageId }),
        ...(call.previousId !== call.userId && { anonymousId: call.previousId }),
      };
  }
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
