import { z } from 'zod';
import { MAX_APP_RUNS } from '../forecast/forecast-runs';
import {
  DEFAULT_CHANGE,
  DEFAULT_SENSITIVITY_RUNS,
  MAX_SENSITIVITY_RUNS,
  type SensitivityResult,
} from '../forecast/sensitivity';
import type { SimulationReport } from '../simulator/report';
import type { TraceStep } from '../simulator/trace';
import type { Journey } from '../model/journey';
import { isRecord } from '../model/json-text';

/**
 * Simulation from the app: a journey over data sets on a virtual clock. Runs are kept, so the
 * panel can compare a run with the one before, and a trace can repeat one profile of a run.
 *
 * A forecast (DESIGN §7) is a simulation with `forecast` in its parameters: simulated people
 * respond to messages, over `runs` seeded runs. Its report then carries, besides run 0's figures:
 * - `report.forecast` — every figure as `{ mean, p10, p50, p90 }` over the runs: `conversions`
 *   (`total`, `caused`), `nodes[id]` (`entered`, `ports[port]`), `messages[id]` (`sent`,
 *   `opened`, `clicked`, `converted`, `unsubscribed`, `complained`), `allMessages` (the same figures
 *   for every message together), `variants[split][key]`
 *   (`entered`, `converted`), `perDay[local date]` (`sent`, `converted`, `caused`), `revenue`
 *   (`total`, `caused`, in currency units), and `incremental[split][variant]` (`conversions`,
 *   `vs` the control, `interval95` or null with a `note` under 40 runs);
 * - `report.assumptions` — every assumption used: per message and outcome `{ node, outcome,
 *   rate, within, source: 'node' | 'journey' | 'data' | 'default', reference?, basis?, note? }`
 *   (a library default's `reference` names publisher, title, year, URL and what it measures; an
 *   estimate's `basis` gives its counts; `note` says when an order rate is attributed, not
 *   caused), then persona multipliers, fatigue and what a caused order is worth.
 * While it runs, `simulationProgress` says how far it is and the time left; `cancelSimulation`
 * stops it (the `simulate` call then fails with the code `cancelled`).
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
  /**
   * Simulate with the other live journeys (DESIGN §8): the journeys running live, at their live
   * versions, on the same data under the library's sending policy. Not with a forecast.
   */
  withLive: z.boolean().optional(),
  /** Forecast mode: simulated people respond to messages, over many runs. */
  forecast: z
    .object({
      /** Seeded runs, each drawing its own responses. */
      runs: z.number().int().min(1).max(MAX_APP_RUNS).default(100),
      /**
       * Fill what the journey leaves open with estimates from the data, then the library's
       * published rates; false: only the journey's own `expect` is assumed.
       */
      defaults: z.boolean().default(true),
    })
    .strict()
    .optional(),
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
  /**
   * Which assumption moves a kept forecast's conversions most (the tornado chart): each response
   * rate the forecast assumed (`report.assumptions`) is lowered and raised by `change` (±50% by
   * default), and the journey as forecast is forecast again over the same data, window and seed,
   * `runs` runs each (20 by default; the variations share their random draws, so few runs are
   * enough). Answers `{ change, runs, base, swings }`: mean conversions as assumed, then per rate
   * `{ node, outcome, rate, source, low: { rate, conversions }, high, swing }`, largest swing
   * first (core/forecast/sensitivity.ts). Progress goes out as `simulationProgress` under
   * `callId` (profiles done of all the forecasts'); `cancelSimulation({ runId: callId })` stops
   * it, and the call fails with the code `cancelled`. Nothing is kept.
   */
  forecastSensitivity: {
    input: z
      .object({
        /** The kept forecast whose assumptions to vary. */
        runId: idSchema,
        callId: z
          .string()
          .regex(/^[A-Za-z0-9-]{8,64}$/)
          .optional(),
        runs: z.number().int().min(1).max(MAX_SENSITIVITY_RUNS).default(DEFAULT_SENSITIVITY_RUNS),
        change: z.number().gt(0).lt(1).default(DEFAULT_CHANGE),
      })
      .strict(),
    output: z.custom<SensitivityResult>(isRecord),
  },
  /**
   * Stops a simulation under way (`runId` as given to `simulate`, or `callId` as given to
   * `forecastSensitivity`); false when none is running under that id. The call fails with the
   * code `cancelled`; nothing is kept.
   */
  cancelSimulation: {
    input: z.object({ runId: z.string().min(1).max(64) }).strict(),
    output: z.object({ cancelled: z.boolean() }),
  },
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
  /**
   * How far a simulation is: profiles `done` of `total` (a forecast runs each profile in every
   * run before the next), and, once it can tell, the estimated milliseconds left.
   */
  simulationProgress: z.object({
    runId: z.string(),
    done: z.number(),
    total: z.number(),
    /** A forecast's runs; absent for a plain simulation. */
    runs: z.number().optional(),
    etaMs: z.number().optional(),
  }),
} as const;
