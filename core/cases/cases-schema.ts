import { z } from 'zod';

/**
 * The journey tests file (`<journey>.cases.json`): scripted people walked through a journey on a
 * fixed clock, each with the path, messages, skips and outcome it must give. docs/journey-tests.md
 * describes it for the people who write one.
 */

/** The `format` value every cases file carries. */
export const CASES_FORMAT = 'journey-studio/cases';
/** The newest cases file version this build reads and writes. */
export const CASES_VERSION = 1;

/** Characters of one cases file: 200 cases of 1,000 events fit with room to spare. */
export const MAX_CASES_FILE_CHARS = 20_000_000;
/** Cases in one file: a journey's every branch and edge several times over. */
export const MAX_CASES = 200;
/** Events of one case's person: years of a busy shopper's history. */
export const MAX_EVENTS_PER_CASE = 1_000;
/** Steps, messages or skips one case may expect. */
export const MAX_EXPECTED = 1_000;

/** How a person's (last) time in the journey ended, or that it has not. */
export const CASE_OUTCOMES = ['completed', 'converted', 'exited', 'active', 'not_entered'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

const nonEmpty = (what: string) =>
  z
    .string({ error: `${what} must be text` })
    .trim()
    .min(1, { error: `${what} must not be empty` });

/** An instant with its offset, or a duration from the case's start (`PT2H`, `-P30D`). */
const timeText = (what: string) =>
  z.string({
    error: `${what} must be a time such as 2025-03-03T09:00:00Z, or a duration from the start such as PT2H`,
  });

const eventSchema = z.looseObject(
  {
    name: nonEmpty('The event name').max(200, {
      error: 'The event name is at most 200 characters',
    }),
    at: timeText('The event time'),
    properties: z
      .record(z.string(), z.unknown(), { error: 'properties must be an object' })
      .optional(),
  },
  { error: 'Each event is an object { "name", "at", "properties"? }' },
);

const stepName = nonEmpty('A step').max(200, {
  error: 'A step is named in at most 200 characters',
});

const expectedMessageSchema = z.looseObject(
  {
    node: stepName,
    subject: z.string({ error: 'subject must be text' }).optional(),
    at: timeText('The message time').optional(),
  },
  { error: 'Each expected message is an object { "node", "subject"?, "at"? }' },
);

const expectedSkipSchema = z.looseObject(
  {
    node: stepName,
    reason: nonEmpty('The skip reason'),
  },
  { error: 'Each expected skip is an object { "node", "reason" }' },
);

const expectSchema = z.looseObject(
  {
    path: z
      .array(stepName, { error: 'path must be a list of step ids or titles' })
      .max(MAX_EXPECTED, { error: `path lists at most ${MAX_EXPECTED} steps` })
      .optional(),
    messages: z
      .array(expectedMessageSchema, { error: 'messages must be a list' })
      .max(MAX_EXPECTED, { error: `messages lists at most ${MAX_EXPECTED} messages` })
      .optional(),
    skips: z
      .array(expectedSkipSchema, { error: 'skips must be a list' })
      .max(MAX_EXPECTED, { error: `skips lists at most ${MAX_EXPECTED} skips` })
      .optional(),
    outcome: z
      .enum(CASE_OUTCOMES, {
        error: `outcome must be one of ${CASE_OUTCOMES.map((o) => `"${o}"`).join(', ')}`,
      })
      .optional(),
  },
  { error: 'expect must be an object with path, messages, skips or outcome' },
);

const caseSchema = z.looseObject(
  {
    name: nonEmpty('The case name').max(200, { error: 'The case name is at most 200 characters' }),
    profile: z.looseObject(
      {
        id: nonEmpty('The profile id').max(200, {
          error: 'The profile id is at most 200 characters',
        }),
      },
      { error: 'profile must be an object with an "id" and the person’s attributes' },
    ),
    start: z.string({ error: 'start must be a time such as 2025-03-03T00:00:00Z' }),
    end: z.string({ error: 'end must be a time such as 2025-03-10T00:00:00Z' }).optional(),
    seed: z
      .number({ error: 'seed must be a whole number' })
      .int({ error: 'seed must be a whole number' })
      .min(0, { error: 'seed must be 0 or more' })
      .max(2 ** 31 - 1, { error: 'seed must be below 2147483648' })
      .optional(),
    events: z
      .array(eventSchema, { error: 'events must be a list' })
      .max(MAX_EVENTS_PER_CASE, { error: `A case has at most ${MAX_EVENTS_PER_CASE} events` })
      .optional(),
    expect: expectSchema,
  },
  { error: 'Each case is an object { "name", "profile", "start", "events", "expect" }' },
);

export const casesFileSchema = z.looseObject({
  format: z.literal(CASES_FORMAT),
  version: z.literal(CASES_VERSION),
  /** The id of the journey the cases are for. */
  journey: nonEmpty('journey').max(120).optional(),
  cases: z
    .array(caseSchema, { error: 'cases must be a list' })
    .max(MAX_CASES, { error: `A cases file has at most ${MAX_CASES} cases` }),
});

/** A cases file as written. */
export type CasesFile = z.input<typeof casesFileSchema>;
/** One case as written. */
export type CaseDocument = z.input<typeof caseSchema>;
