import { z } from 'zod';
import type { ApiErrorReason, ApiErrorValuesOf } from './api-error-reasons';
import { dataContract, dataEvents } from './data-contract';
import { designContract } from './design-contract';
import { executionContract, executionEvents } from './execution-contract';
import { settingsContract, settingsEvents } from './settings-contract';
import { simulationContract, simulationEvents } from './simulation-contract';
import { versionsContract } from './versions-contract';
import type { Journey } from '../model/journey';
import { isRecord } from '../model/json-text';
import { fileContract, type FileMethod } from './file-contract';
import { menuCommandEventSchema } from './menu-commands';
import { policyContract } from './policy-contract';
import { serverContract } from './server-contract';

/**
 * The one typed boundary between the renderer and the engine. Electron carries it over IPC
 * (main validates every call against these schemas), browser mode over HTTP on 127.0.0.1.
 * Method inputs are validated on arrival; outputs are trusted.
 *
 * Transport envelope (both carriers): a call answers `{ ok: true, value }` or
 * `{ ok: false, error: ApiErrorBody }`; the client turns the latter into an `ApiError`.
 */

/** A journey document; its envelope is checked by `parseJourneyFile` rules on arrival. */
export const journeyDocumentSchema = z.custom<Journey>(isRecord, {
  error: 'journey must be a journey document object',
});

const idSchema = z.string().min(1).max(120);

export const journeySummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  updatedAt: z.string(),
  nodeCount: z.number(),
  /** Errors in the saved document (0: it can be simulated and published). */
  errors: z.number(),
  /** The published version running live, if any. */
  liveVersion: z.number().optional(),
});
export type JourneySummary = z.infer<typeof journeySummarySchema>;

export const journeyRecordSchema = z.object({
  journey: journeyDocumentSchema,
  /** Increases with every save; a save naming an older revision is refused (another window saved). */
  revision: z.number(),
  updatedAt: z.string(),
  liveVersion: z.number().optional(),
});
export type JourneyRecord = z.infer<typeof journeyRecordSchema>;

export const fileProblemSchema = z.object({
  code: z.string(),
  message: z.string(),
  /** The facts of the message, for words in the app's language (FileProblem.values). */
  values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  line: z.number().optional(),
  column: z.number().optional(),
  nodeId: z.string().optional(),
});

export const templateSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  /** What the starter is for: cart, welcome, nurture, post-purchase, loyalty, birthday, win-back. */
  category: z.string(),
});
export type TemplateSummary = z.infer<typeof templateSummarySchema>;

function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}

const empty = z.object({}).strict();

export const apiContract = {
  // Library
  listJourneys: method(empty, z.array(journeySummarySchema)),
  getJourney: method(z.object({ id: idSchema }).strict(), journeyRecordSchema),
  createJourney: method(
    z.object({ name: z.string().trim().min(1).max(200), templateId: idSchema.optional() }).strict(),
    journeyRecordSchema,
  ),
  saveJourney: method(
    z
      .object({
        journey: journeyDocumentSchema,
        revision: z.number().int().nonnegative().optional(),
      })
      .strict(),
    z.object({ revision: z.number(), updatedAt: z.string() }),
  ),
  renameJourney: method(
    z.object({ id: idSchema, name: z.string().trim().min(1).max(200) }).strict(),
    journeyRecordSchema,
  ),
  duplicateJourney: method(
    z.object({ id: idSchema, name: z.string().trim().min(1).max(200).optional() }).strict(),
    journeyRecordSchema,
  ),
  deleteJourney: method(
    z.object({ id: idSchema }).strict(),
    z.object({ deleted: z.literal(true) }),
  ),
  /** Reads a journey file; a file that cannot be read changes nothing and returns its problems. */
  importJourney: method(
    z
      .object({
        fileName: z.string().max(500),
        text: z.string().max(10_000_000),
        replace: z.boolean().optional(),
      })
      .strict(),
    z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), record: journeyRecordSchema }),
      z.object({ ok: z.literal(false), problems: z.array(fileProblemSchema) }),
    ]),
  ),
  /** The journey file exactly as saved (DESIGN.md §1 format, byte-stable). */
  exportJourney: method(
    z.object({ id: idSchema }).strict(),
    z.object({ fileName: z.string(), text: z.string() }),
  ),
  listTemplates: method(empty, z.array(templateSummarySchema)),
  ...dataContract,
  ...simulationContract,
  ...executionContract,
  ...designContract,
  ...settingsContract,
  ...versionsContract,
  ...policyContract,
  ...serverContract,
} as const;

export type ApiContract = typeof apiContract;
export type ApiMethod = keyof ApiContract;
export const API_METHODS = Object.keys(apiContract) as ApiMethod[];
export type ApiInput<M extends ApiMethod> = z.input<ApiContract[M]['input']>;
export type ApiParsedInput<M extends ApiMethod> = z.output<ApiContract[M]['input']>;
export type ApiOutput<M extends ApiMethod> = z.output<ApiContract[M]['output']>;

/**
 * Every method the renderer calls: the engine's (`apiContract`, served by `ApiHandlers`) and the
 * file methods the carrier serves itself (`fileContract`: native dialogs in the desktop app).
 */
export const appContract = { ...apiContract, ...fileContract } as const;
export type AppContract = typeof appContract;
export type AppMethod = ApiMethod | FileMethod;
export const APP_METHODS = Object.keys(appContract) as AppMethod[];
export type AppInput<M extends AppMethod> = z.input<AppContract[M]['input']>;
export type AppParsedInput<M extends AppMethod> = z.output<AppContract[M]['input']>;
export type AppOutput<M extends AppMethod> = z.output<AppContract[M]['output']>;

/** Events pushed to the renderer: by the engine, and by the desktop shell (`menuCommand`). */
export const apiEvents = {
  /** A journey was saved, renamed, created or deleted (by this or another window). */
  journeysChanged: z.object({ id: z.string() }),
  /** The application menu asks for a command (desktop app only; see `MENU_COMMANDS`). */
  menuCommand: menuCommandEventSchema,
  ...dataEvents,
  ...simulationEvents,
  ...executionEvents,
  ...settingsEvents,
} as const;

export type ApiEvent = keyof typeof apiEvents;
export const API_EVENTS = Object.keys(apiEvents) as ApiEvent[];
export type ApiEventPayload<E extends ApiEvent> = z.output<(typeof apiEvents)[E]>;

type EventSubscriber<E extends ApiEvent> = (
  listener: (payload: ApiEventPayload<E>) => void,
) => () => void;

/** `onJourneysChanged(cb)` for event `journeysChanged`: subscribe, get an unsubscribe function. */
export type AppEvents = { [E in ApiEvent as `on${Capitalize<E>}`]: EventSubscriber<E> };

/** What the renderer calls. Implemented by the preload (Electron) and the HTTP client (browser mode). */
export type AppApi = {
  [M in AppMethod]: (input: AppInput<M>) => Promise<AppOutput<M>>;
} & AppEvents;

/** What the engine implements: handlers receive validated input. */
export type ApiHandlers = { [M in ApiMethod]: (input: ApiParsedInput<M>) => Promise<ApiOutput<M>> };

export const API_ERROR_CODES = [
  'invalid-request',
  'not-found',
  'conflict',
  'unauthorized',
  'cancelled',
  'internal',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** The facts an error's sentence is made of: names, numbers, an error's own words. */
export type ApiErrorValues = Record<string, string | number>;

/**
 * What went wrong, as a stable reason and its facts, so an app can word it in its own language;
 * the `message` beside it is the English sentence the command line and older apps show. Each
 * reason takes the facts its sentence needs (`api-error-reasons.ts`), none left out.
 *
 * @example
 * new ApiError('not-found', 'There is no journey "cart".', 'id', {
 *   reason: 'journey-not-found',
 *   values: { journeyId: 'cart' },
 * });
 */
export type ApiErrorWords = {
  [R in ApiErrorReason]: keyof ApiErrorValuesOf<R> extends never
    ? { reason: R; values?: undefined }
    : { reason: R; values: ApiErrorValuesOf<R> };
}[ApiErrorReason];

export interface ApiErrorBody {
  code: ApiErrorCode;
  message: string;
  /** The request field it concerns, e.g. `journey.nodes.2.id`. */
  field?: string;
  reason?: string;
  values?: ApiErrorValues;
}

export type ApiEnvelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

const MAX_ERROR_VALUES = 16;
const MAX_ERROR_VALUE_CHARS = 2_000;

/** The words of an error body that arrived from elsewhere, when they have the right shape. */
function wordsOf(body: Partial<Record<string, unknown>>): ApiErrorWords | undefined {
  const { reason, values } = body;
  // A reason of a newer engine is kept as it came: the app words only the reasons it knows.
  if (typeof reason !== 'string' || reason.length > 100) return undefined;
  // Only the shape of the facts is checked: which ones a reason takes is for the app to know.
  if (values === undefined) return { reason } as ApiErrorWords;
  if (typeof values !== 'object' || values === null || Array.isArray(values)) return undefined;
  const entries = Object.entries(values as Record<string, unknown>);
  if (entries.length > MAX_ERROR_VALUES) return undefined;
  const kept: ApiErrorValues = {};
  for (const [key, value] of entries) {
    if (typeof value === 'number' && Number.isFinite(value)) kept[key] = value;
    else if (typeof value === 'string') kept[key] = value.slice(0, MAX_ERROR_VALUE_CHARS);
    else return undefined;
  }
  return { reason, values: kept } as ApiErrorWords;
}

/** An API failure with a stable code; thrown by handlers, rebuilt by clients. */
export class ApiError extends Error {
  readonly reason?: ApiErrorReason;
  readonly values?: ApiErrorValues;

  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly field?: string,
    words?: ApiErrorWords,
  ) {
    super(message);
    this.name = 'ApiError';
    if (words) {
      this.reason = words.reason;
      if (words.values) this.values = words.values;
    }
  }

  toBody(): ApiErrorBody {
    return {
      code: this.code,
      message: this.message,
      ...(this.field !== undefined && { field: this.field }),
      ...(this.reason !== undefined && { reason: this.reason }),
      ...(this.values !== undefined && { values: this.values }),
    };
  }

  /**
   * The error an envelope's body stands for, from another process, thread or server: an unknown
   * code reads as `internal`, and words of the wrong shape are left out (the message stays).
   */
  static fromBody(body: unknown, fallback = 'The engine refused without saying why.'): ApiError {
    const fields = (typeof body === 'object' && body !== null ? body : {}) as Partial<
      Record<string, unknown>
    >;
    const code = (API_ERROR_CODES as readonly unknown[]).includes(fields.code)
      ? (fields.code as ApiErrorCode)
      : 'internal';
    return new ApiError(
      code,
      typeof fields.message === 'string' ? fields.message : fallback,
      typeof fields.field === 'string' ? fields.field : undefined,
      wordsOf(fields),
    );
  }
}

/** Validates a call's input against the contract: the parsed input, or an `invalid-request` error. */
export function parseApiInput<M extends ApiMethod>(name: M, input: unknown): ApiParsedInput<M> {
  return parseInput(apiContract[name].input, name, input) as ApiParsedInput<M>;
}

/** `parseApiInput` for any method of the app, the file methods included. */
export function parseAppInput<M extends AppMethod>(name: M, input: unknown): AppParsedInput<M> {
  return parseInput(appContract[name].input, name, input) as AppParsedInput<M>;
}

function parseInput(schema: z.ZodType, name: string, input: unknown): unknown {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const first = result.error.issues[0];
  const field = first?.path.map(String).join('.') || undefined;
  throw new ApiError(
    'invalid-request',
    `${name}: ${field ? `${field}: ` : ''}${first?.message ?? 'invalid input'}`,
    field,
    { reason: 'invalid-input', values: { method: name } },
  );
}

export function isApiMethod(name: string): name is ApiMethod {
  return Object.prototype.hasOwnProperty.call(apiContract, name);
}

export function isAppMethod(name: string): name is AppMethod {
  return Object.prototype.hasOwnProperty.call(appContract, name);
}

export function eventSubscriberName<E extends ApiEvent>(event: E): `on${Capitalize<E>}` {
  return `on${event.charAt(0).toUpperCase()}${event.slice(1)}` as `on${Capitalize<E>}`;
}
