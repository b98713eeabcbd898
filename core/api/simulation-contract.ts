import { z } from 'zod';
import type { SimulationReport } from '../simulator/report';
import type { TraceStep } from '../simulator/trace';
import type { Journey } from '../model/journey';
import { isRecord } from '../model/json-text';

/**
 * Simulation from the app: a journey over data sets on a virtual clock. Runs are kept, so the
 * panel can compare a run with the one before, and a trace can repeat one profile of a run.
 */
const idSchema = z.string().min(1).max(120);
const isoTime = z.iso.datetime({ offset: true });

export const simulationParamsSchema = z.object({
  journeyId: idSchema,
  profilesDatasetId: idSchema.optional(),
  eventsDatasetId: idSchema.optional(),
  /** Window start; the first event's time by default. */
  start: isoTime.optional(),
  /** Window end (included); the last event's time by default. Give `end` or `days`, not both. */
  end: isoTime.optional(),
  days: z.number().positive().max(3_660).optional(),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .default(0),
});
export type SimulationParams = z.infer<typeof simulationParamsSchema>;

export const runSummarySchema = z.object({
  id: z.string(),
  journeyId: z.string(),
  journeyName: z.string(),
  createdAt: z.string(),
  params: simulationParamsSchema,
  durationMs: z.number(),
  profiles: z.number(),
  enrollments: z.number(),
  conversions: z.number(),
  sent: z.number(),
  active: z.number(),
});
export type RunSummary = z.infer<typeof runSummarySchema>;

export const simulationRunSchema = runSummarySchema.extend({
  /** The journey exactly as simulated (it may have changed since). */
  journey: z.custom<Journey>((value) => typeof value === 'object' && value !== null),
  report: z.custom<SimulationReport>((value) => typeof value === 'object' && value !== null),
});
export type SimulationRun = z.infer<typeof simulationRunSchema>;

export const traceMessageSchema = z.object({
  nodeId: z.string(),
  channel: z.string(),
  to: z.string(),
  at: z.string(),
  content: z.record(z.string(), z.unknown()),
});

export const simulationContract = {
  /**
   * Simulates a journey: the saved one, or `journey` (the editor's unsaved document) under the
   * saved one's id. Progress goes out as `simulationProgress` events under `runId`.
   */
  simulate: {
    input: simulationParamsSchema
      .extend({
        journey: z.custom<Journey>(isRecord).optional(),
        runId: z
          .string()
          .regex(/^[A-Za-z0-9-]{8,64}$/)
          .optional(),
      })
      .strict(),
    output: simulationRunSchema,
  },
  /** The journey's kept runs, newest first. */
  listSimulationRuns: {
    input: z.object({ journeyId: idSchema }).strict(),
    output: z.array(runSummarySchema),
  },
  getSimulationRun: { input: z.object({ id: idSchema }).strict(), output: simulationRunSchema },
  /** One profile's path through a run, step by step, with the messages it would get. */
  traceProfile: {
    input: z.object({ runId: idSchema, profileId: z.string().min(1).max(200) }).strict(),
    output: z.object({
      profileId: z.string(),
      /** False when the run's data has no such profile. */
      found: z.boolean(),
      attributes: z.record(z.string(), z.unknown()).optional(),
      /**
       * The profile's events the journey reacts to (its entry, waits, conditions, goal), oldest
       * first, so its path can be saved as a test case; at most one more than a case holds.
       */
      events: z
        .array(
          z.object({
            name: z.string(),
            time: z.string(),
            properties: z.record(z.string(), z.unknown()),
          }),
        )
        .optional(),
      steps: z.array(z.custom<TraceStep>()),
      messages: z.array(traceMessageSchema),
    }),
  },
} as const;

export const simulationEvents = {
  simulationProgress: z.object({ runId: z.string(), done: z.number(), total: z.number() }),
} as const;
