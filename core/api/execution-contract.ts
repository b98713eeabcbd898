import { z } from 'zod';
import type { Journey } from '../model/journey';
import { migratedSchema, migrationPlanSchema, publishImpactSchema } from './publish-contract';

/**
 * Execution from the app: journeys running for real on the local database, through the same
 * interpreter as the simulation. Publishing freezes a version; starting makes the latest
 * published version take entries. The engine pushes live counts as they change.
 */
const idSchema = z.string().min(1).max(120);

/**
 * `unpublished`: no version frozen yet. `ready`: published, never started.
 * `running`: the live version takes new entries. `paused`: no new entries; profiles already
 * inside carry on to the end (start resumes). `stopped`: no new entries, and everyone who was
 * inside left at the stop, their unsent messages cancelled.
 */
export const EXECUTION_STATES = ['unpublished', 'ready', 'running', 'paused', 'stopped'] as const;
export const executionStateSchema = z.enum(EXECUTION_STATES);
export type ExecutionState = z.infer<typeof executionStateSchema>;

export const OUTBOX_STATUSES = ['pending', 'delivered', 'dead', 'cancelled'] as const;
export const outboxStatusSchema = z.enum(OUTBOX_STATUSES);
export type OutboxMessageStatus = z.infer<typeof outboxStatusSchema>;

const messageCounts = z.object({
  pending: z.number(),
  delivered: z.number(),
  dead: z.number(),
  cancelled: z.number(),
});

export const liveCountsSchema = z.object({
  journeyId: z.string(),
  /** Enrollments by outcome, over every version. */
  entered: z.number(),
  active: z.number(),
  completed: z.number(),
  converted: z.number(),
  exited: z.number(),
  /** Per node: profiles there now (waiting), and its messages by delivery status. */
  nodes: z.record(z.string(), z.object({ here: z.number(), messages: messageCounts.optional() })),
  messages: messageCounts,
  /**
   * Per A/B split and variant: assignments, and those whose profile performed the goal within
   * the attribution window after it (DESIGN §4). Absent before anyone reached a split.
   */
  variants: z
    .record(
      z.string(),
      z.record(z.string(), z.object({ entered: z.number(), converted: z.number() })),
    )
    .optional(),
  /** Automatic winners decided (DESIGN §7), by split: the hour, the variant, how sure. */
  winners: z
    .record(z.string(), z.object({ at: z.string(), variant: z.string(), probability: z.number() }))
    .optional(),
  /**
   * What recipients answered: unsubscribes (by link or by email), hard bounces and complaints
   * (marked as spam). Rates are these over delivered messages.
   */
  feedback: z
    .object({ unsubscribed: z.number(), bounced: z.number(), complained: z.number() })
    .optional(),
});
export type LiveCounts = z.infer<typeof liveCountsSchema>;

export const executionInfoSchema = z.object({
  journeyId: z.string(),
  state: executionStateSchema,
  /** The newest frozen version, if any. */
  latestVersion: z.number().optional(),
  /** The version taking new entries (running only). */
  liveVersion: z.number().optional(),
  /** Whether the saved journey differs from the newest published version. */
  changedSincePublish: z.boolean(),
  /** When the state last changed. */
  since: z.string().optional(),
  counts: liveCountsSchema,
});
export type ExecutionInfo = z.infer<typeof executionInfoSchema>;

/** The facts of a problem's sentence, by name. */
const problemValuesSchema = z.record(z.string(), z.union([z.string(), z.number()]));

export const engineInfoSchema = z.object({
  /** False when another engine (the command line's `run` or `serve`) holds the database. */
  running: z.boolean(),
  /** Why the engine is not running, in words (English). */
  problem: z.string().optional(),
  /**
   * The same problem as a stable code (`engine-busy`, `database-busy`, `database-unreadable`,
   * `event-api-port`, `start-failed`; see core/app/engine-problem.ts) with the facts of its
   * sentence, so the app words it in its language. A code it does not know reads `problem`.
   */
  problemCode: z.string().optional(),
  problemValues: problemValuesSchema.optional(),
  /** The event API: POST /v1/track, /v1/identify, /v1/batch with `Authorization: Bearer`. */
  eventApiUrl: z.string().optional(),
  eventApiToken: z.string().optional(),
  email: z.enum(['embedded', 'smtp']),
  /** Why email over SMTP is held back (the sending preflight), in words (English). */
  emailProblem: z.string().optional(),
  /** Its code (`links-unreachable`, see core/app/sending-preflight.ts) and facts. */
  emailProblemCode: z.string().optional(),
  emailProblemValues: problemValuesSchema.optional(),
  inbox: z.number(),
  wakes: z.number(),
  messages: messageCounts,
  failures: z.number(),
});
export type EngineInfo = z.infer<typeof engineInfoSchema>;

export const outboxMessageSchema = z.object({
  id: z.number(),
  journeyId: z.string(),
  version: z.number(),
  nodeId: z.string(),
  profileId: z.string(),
  channel: z.string(),
  to: z.string(),
  /** When the step produced it. */
  at: z.string(),
  status: outboxStatusSchema,
  attempts: z.number(),
  nextAttemptAt: z.string().optional(),
  lastError: z.string().optional(),
  transport: z.string().optional(),
  finishedAt: z.string().optional(),
  /** A one-line title: the subject, the SMS text, the push title, the webhook URL. */
  title: z.string(),
});
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;

export const outboxMessageDetailSchema = outboxMessageSchema.extend({
  content: z.record(z.string(), z.unknown()),
  /** The message's delivery log, oldest first. */
  log: z.array(
    z.object({
      attempt: z.number(),
      at: z.string(),
      outcome: z.string(),
      transport: z.string().optional(),
      detail: z.string().optional(),
    }),
  ),
});
export type OutboxMessageDetail = z.infer<typeof outboxMessageDetailSchema>;

export const SMTP_SECURITY = ['starttls', 'tls', 'none'] as const;

export const smtpSettingsSchema = z.object({
  /** Empty: email stays in the embedded outbox. */
  host: z.string().trim().max(255),
  port: z.number().int().min(1).max(65_535),
  /** `tls`: TLS from the start (port 465); `starttls`: upgraded (587); `none`: local relays. */
  security: z.enum(SMTP_SECURITY),
  username: z.string().max(320),
  /** The sender of test emails (journeys name their own). */
  from: z.string().max(320),
});
export type SmtpSettings = z.infer<typeof smtpSettingsSchema>;

/**
 * How a password is kept: `os` (the keychain), `plain-text` (a file only this user reads),
 * `unavailable` (nowhere: none can be saved).
 */
export const secretProtectionSchema = z.enum(['os', 'plain-text', 'unavailable']);

export const smtpSettingsViewSchema = smtpSettingsSchema.extend({
  /** A password is kept; it is never sent to the renderer. */
  passwordSet: z.boolean(),
  protection: secretProtectionSchema,
});
export type SmtpSettingsView = z.infer<typeof smtpSettingsViewSchema>;

const journeyRef = z.object({ journeyId: idSchema }).strict();

export const executionContract = {
  /** The engine itself: event API address and token, email transport, queues. */
  getEngineInfo: { input: z.object({}).strict(), output: engineInfoSchema },
  /** A journey's execution: state, versions and live counts. */
  getExecution: { input: journeyRef, output: executionInfoSchema },
  /**
   * What publishing the saved journey would mean for the people inside it: groups by what the
   * new version does to the step they are on, with counts, and the steps they can be moved to.
   */
  previewPublish: { input: journeyRef, output: publishImpactSchema },
  /**
   * Freezes the saved journey as a new version (if it changed); a running journey takes it at
   * once. People inside finish on their version unless `migration` chooses otherwise for their
   * group: then they are carried over in the same transaction (`migrated` says how many).
   */
  publishJourney: {
    input: z.object({ journeyId: idSchema, migration: migrationPlanSchema.optional() }).strict(),
    output: executionInfoSchema.extend({
      created: z.boolean(),
      migrated: migratedSchema.optional(),
    }),
  },
  /**
   * A published version of a journey as it was frozen, so the app can say what changed since
   * (`not-found` for a version that does not exist).
   */
  getJourneyVersion: {
    input: z.object({ journeyId: idSchema, version: z.number().int().min(1) }).strict(),
    output: z.object({
      journeyId: z.string(),
      version: z.number(),
      journey: z.custom<Journey>((value) => typeof value === 'object' && value !== null),
    }),
  },
  /** Start (or resume), pause or stop; starting needs a published version. */
  setExecutionState: {
    input: z
      .object({ journeyId: idSchema, state: z.enum(['running', 'paused', 'stopped']) })
      .strict(),
    output: executionInfoSchema,
  },
  /** Messages, newest first; `before` pages on (an id from the previous page). */
  listOutbox: {
    input: z
      .object({
        journeyId: idSchema.optional(),
        status: outboxStatusSchema.optional(),
        limit: z.number().int().min(1).max(500).default(100),
        before: z.number().int().positive().optional(),
      })
      .strict(),
    /** `counts`: the journey's (or every) message by status, whatever `status` filters on. */
    output: z.object({ messages: z.array(outboxMessageSchema), counts: messageCounts }),
  },
  getOutboxMessage: {
    input: z.object({ id: z.number().int().positive() }).strict(),
    output: outboxMessageDetailSchema,
  },
  /** Puts a dead message back in line for a fresh series of attempts. */
  retryOutboxMessage: {
    input: z.object({ id: z.number().int().positive() }).strict(),
    output: outboxMessageSchema,
  },
  /** An event as the event API takes it (`/v1/track`), sent from the app. */
  sendTestEvent: {
    input: z
      .object({
        userId: z.string().trim().min(1).max(200),
        event: z.string().trim().min(1).max(200),
        properties: z.record(z.string(), z.unknown()).optional(),
        /** Profile attributes to set first (`/v1/identify`), e.g. an email to send to. */
        traits: z.record(z.string(), z.unknown()).optional(),
      })
      .strict(),
    output: z.object({ accepted: z.boolean() }),
  },
  getSmtpSettings: { input: z.object({}).strict(), output: smtpSettingsViewSchema },
  /**
   * Saves SMTP settings; `password` replaces the kept one, `clearPassword` forgets it, neither
   * keeps it. Email goes over SMTP from now on (or back to the embedded outbox when `host` is empty).
   */
  saveSmtpSettings: {
    input: smtpSettingsSchema
      .extend({
        password: z.string().max(1_000).optional(),
        clearPassword: z.boolean().optional(),
      })
      .strict(),
    output: smtpSettingsViewSchema,
  },
  /** Sends one test email with the saved settings; answers what the server said. */
  sendTestEmail: {
    input: z.object({ to: z.email().max(320) }).strict(),
    output: z.object({ ok: z.boolean(), detail: z.string() }),
  },
} as const;

export const executionEvents = {
  /** A journey's live counts changed (pushed at most a few times a second). */
  liveCounts: liveCountsSchema,
  /** The engine's queues or state changed. */
  engineChanged: engineInfoSchema,
  /** A journey was published, started, paused or stopped (from any window). */
  executionChanged: executionInfoSchema,
} as const;
