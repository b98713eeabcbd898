import { z } from 'zod';

/**
 * Sample data for simulation: profile and event files imported once and kept in the app's
 * database as data sets, or generated. A data set never changes after it is made, so a
 * simulation run can always be repeated exactly (a trace re-runs one profile of it).
 */
export const DATASET_KINDS = ['profiles', 'events'] as const;
export type DatasetKind = (typeof DATASET_KINDS)[number];
const kindSchema = z.enum(DATASET_KINDS);
const idSchema = z.string().min(1).max(120);
const isoTime = z.iso.datetime({ offset: true });

export const datasetSchema = z.object({
  id: z.string(),
  kind: kindSchema,
  name: z.string(),
  /** The file it was read from; absent for generated data. */
  fileName: z.string().optional(),
  source: z.enum(['import', 'generated']),
  /** Rows kept (events, or distinct profiles). */
  rows: z.number(),
  /** Rows left out, each with a reason (see the import's problems). */
  rejected: z.number(),
  columns: z.array(z.string()),
  mapping: z.string().optional(),
  importedAt: z.string(),
  /** Distinct profiles the data set speaks of. */
  profiles: z.number(),
  /** Events only: the time range and how many of each event there are. */
  firstEvent: z.string().optional(),
  lastEvent: z.string().optional(),
  eventNames: z.record(z.string(), z.number()).optional(),
});
export type Dataset = z.infer<typeof datasetSchema>;

export const importProblemSchema = z.object({
  line: z.number(),
  code: z.string(),
  reason: z.string(),
  column: z.string().optional(),
  /** The figures of the reason, for words in the app's language (ImportProblem.values). */
  values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ImportProblemView = z.infer<typeof importProblemSchema>;

/** Something to check about an import that concerns no single row (a repeated id). */
export const importWarningSchema = z.object({
  code: z.string(),
  message: z.string(),
  /** The facts of the message, for words in the app's language (ImportWarning.values). */
  values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ImportWarningView = z.infer<typeof importWarningSchema>;

const rowsPage = <T extends z.ZodType>(row: T) =>
  z.object({ total: z.number(), rows: z.array(row) });
const page = {
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(50),
};

export const browsedProfileSchema = z.object({
  id: z.string(),
  attributes: z.record(z.string(), z.unknown()),
});
export const browsedEventSchema = z.object({
  profileId: z.string(),
  name: z.string(),
  time: z.string(),
  properties: z.record(z.string(), z.unknown()),
  /** The anonymous id the row named beside the profile id: merged into it (DESIGN §8). */
  anonymousId: z.string().optional(),
});

export const dataContract = {
  listDatasets: { input: z.object({}).strict(), output: z.array(datasetSchema) },
  /**
   * Reads the head of a file as the import would, without keeping anything: the columns, the
   * first rows typed, the first problems, and a suggested column mapping for events.
   */
  previewDataset: {
    input: z
      .object({
        kind: kindSchema,
        fileName: z.string().min(1).max(500),
        text: z.string().max(4_000_000),
        mapping: z.string().max(2_000).optional(),
      })
      .strict(),
    output: z.object({
      format: z.enum(['csv', 'json', 'ndjson']),
      columns: z.array(z.string()),
      rows: z.array(z.record(z.string(), z.unknown())),
      problems: z.array(importProblemSchema),
      suggestedMapping: z.string().optional(),
    }),
  },
  /**
   * Imports a whole file as a data set. Bad rows never abort it: they are left out and listed;
   * a file that cannot be read at all (a missing column, a bad mapping) imports nothing and
   * answers `invalid-request` with the reason. Progress goes out as `importProgress` events
   * under the caller's `importId`.
   */
  importDataset: {
    input: z
      .object({
        kind: kindSchema,
        name: z.string().trim().min(1).max(200),
        fileName: z.string().min(1).max(500),
        text: z.string().max(300_000_000),
        mapping: z.string().max(2_000).optional(),
        importId: z.string().max(64).optional(),
      })
      .strict(),
    output: z.object({
      dataset: datasetSchema,
      problems: z.array(importProblemSchema),
      problemsTruncated: z.boolean(),
      warnings: z.array(importWarningSchema),
    }),
  },
  deleteDataset: {
    input: z.object({ id: idSchema }).strict(),
    output: z.object({ deleted: z.literal(true) }),
  },
  /** Realistic sample customers (seeded personas, consent, time zones) and their behaviour. */
  generateSampleData: {
    input: z
      .object({
        count: z.number().int().min(1).max(200_000),
        days: z.number().int().min(1).max(120),
        seed: z
          .number()
          .int()
          .min(0)
          .max(2 ** 31 - 1)
          .default(1),
        start: isoTime,
        name: z.string().trim().min(1).max(200).optional(),
        /** The language of the customers' names (SampleNameLanguage); English by default. */
        names: z.enum(['en', 'sv', 'nb']).optional(),
        /** The two data sets' names as the app words them; else made from `name`, in English. */
        datasetNames: z
          .object({
            profiles: z.string().trim().min(1).max(200),
            events: z.string().trim().min(1).max(200),
          })
          .strict()
          .optional(),
      })
      .strict(),
    output: z.object({ profiles: datasetSchema, events: datasetSchema }),
  },
  /** Profiles of a data set, searched in their id and attribute values. */
  browseProfiles: {
    input: z
      .object({ datasetId: idSchema, query: z.string().max(200).optional(), ...page })
      .strict(),
    output: rowsPage(browsedProfileSchema),
  },
  /**
   * Events of a data set in time order, for one profile or searched in name and properties. One
   * profile's are its own and those of the anonymous ids merged into it (`alsoKnownAs`).
   */
  browseEvents: {
    input: z
      .object({
        datasetId: idSchema,
        profileId: z.string().max(200).optional(),
        query: z.string().max(200).optional(),
        ...page,
      })
      .strict(),
    output: rowsPage(browsedEventSchema).extend({ alsoKnownAs: z.array(z.string()).optional() }),
  },
} as const;

export const dataEvents = {
  /** How far an `importDataset` call has read its text. */
  importProgress: z.object({ importId: z.string(), read: z.number(), total: z.number() }),
} as const;
