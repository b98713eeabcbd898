import { z } from 'zod';
import { importWarningSchema } from './data-contract';

/**
 * Files the user opens and saves by choosing them: journey files, the profile and event files a
 * simulation reads, and journey tests (`cases`, docs/journey-tests.md) saved from a trace. The
 * desktop shell serves these methods itself with native dialogs; browser mode with a file input
 * and a download. The renderer only ever sees a file's name and text, never a path: a path is
 * the user's choice, and it stays with the shell.
 */
export const FILE_KINDS = ['journey', 'profiles', 'events', 'cases'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

const fileKindSchema = z.enum(FILE_KINDS);
const canceledSchema = z.object({ canceled: z.literal(true) });
const openedFileSchema = z.object({
  canceled: z.literal(false),
  kind: fileKindSchema,
  /** The file's name without its folder, e.g. `abandoned-cart.json`. */
  fileName: z.string(),
  text: z.string(),
  /** What to check about how the text was read: a guessed Latin-1, bytes that are not UTF-8. */
  warnings: z.array(importWarningSchema).optional(),
  /** A workbook's sheets (`.xlsx`, `.ods`), in order; `text` is the sheet `sheet` as CSV. */
  sheets: z.array(z.string()).optional(),
  sheet: z.string().optional(),
});
export type OpenedFile = z.infer<typeof openedFileSchema>;

export const fileContract = {
  /**
   * Asks the user for a file of this kind and reads it as text, in the encoding its start shows
   * (UTF-8, UTF-16 or Latin-1; core/import/text-encoding.ts).
   */
  openFile: {
    input: z.object({ kind: fileKindSchema }).strict(),
    output: z.discriminatedUnion('canceled', [canceledSchema, openedFileSchema]),
  },
  /**
   * Reads another sheet of the workbook last opened as this kind (`profiles` or `events`), by its
   * name; `missing-sheet` (an `import-file` problem) when the workbook has none of that name.
   */
  openSheet: {
    input: z
      .object({ kind: z.enum(['profiles', 'events']), sheet: z.string().min(1).max(255) })
      .strict(),
    output: openedFileSchema,
  },
  /** Asks the user where to save `text`, offering `suggestedName`, and writes it there. */
  saveFile: {
    input: z
      .object({
        kind: fileKindSchema,
        suggestedName: z.string().trim().min(1).max(255),
        text: z.string().max(100_000_000),
      })
      .strict(),
    output: z.discriminatedUnion('canceled', [
      canceledSchema,
      z.object({ canceled: z.literal(false), fileName: z.string() }),
    ]),
  },
  /**
   * The sign-off pack (`getSignOffPack`'s HTML) as a PDF: the desktop app asks where to save it
   * and prints it there (Electron's `printToPDF`, A4, with its print styles); browser mode opens
   * the browser's print dialog on it, where the user can save a PDF, so no `fileName` comes back.
   */
  saveSignOffPack: {
    input: z
      .object({
        suggestedName: z.string().trim().min(1).max(255),
        html: z.string().max(50_000_000),
      })
      .strict(),
    output: z.discriminatedUnion('canceled', [
      canceledSchema,
      z.object({ canceled: z.literal(false), fileName: z.string().optional() }),
    ]),
  },
  /**
   * Reads a file from File ▸ Open Recent. The `menuCommand` event names it by an opaque id;
   * `not-found` when the file is no longer there.
   */
  openRecentFile: {
    input: z.object({ id: z.string().min(1).max(64) }).strict(),
    output: openedFileSchema,
  },
} as const;

export type FileContract = typeof fileContract;
export type FileMethod = keyof FileContract;
export const FILE_METHODS = Object.keys(fileContract) as FileMethod[];
