import type {
  FileFilter,
  OpenDialogOptions,
  OpenDialogReturnValue,
  SaveDialogOptions,
  SaveDialogReturnValue,
} from 'electron';
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { ApiError, type AppOutput, type AppParsedInput } from '../../../core/api/contract';
import type { FileKind, FileMethod, OpenedFile } from '../../../core/api/file-contract';
import { dataFileText, type DataFileText } from '../../../core/import/data-file';
import { importRefused, workbookClosed } from '../../../core/app/api-errors';
import { ImportError } from '../../../core/import/import-problems';
import { decodeFileText, type EncodingWarning } from '../../../core/import/text-encoding';
import { writeFileAtomic } from './atomic-write';
import type { RecentFiles } from './recent-files';

/** The file methods of the AppApi, served by main itself: they need native dialogs. */
export type FileHandlers = {
  [M in FileMethod]: (input: AppParsedInput<M>) => Promise<AppOutput<M>>;
};

const DATA_FILTERS: FileFilter[] = [
  {
    name: 'CSV, Excel, OpenDocument, JSON or NDJSON',
    extensions: ['csv', 'xlsx', 'ods', 'json', 'ndjson', 'jsonl'],
  },
  { name: 'All files', extensions: ['*'] },
];

const KINDS: Record<
  FileKind,
  { title: string; saveTitle: string; filters: FileFilter[]; extension: string; maxBytes: number }
> = {
  journey: {
    title: 'Open a journey',
    saveTitle: 'Export the journey',
    filters: [{ name: 'Journey files', extensions: ['json'] }],
    extension: '.json',
    maxBytes: 10_000_000,
  },
  profiles: {
    title: 'Import profiles',
    saveTitle: 'Save profiles',
    filters: DATA_FILTERS,
    extension: '.csv',
    maxBytes: 100_000_000,
  },
  events: {
    title: 'Import events',
    saveTitle: 'Save events',
    filters: DATA_FILTERS,
    extension: '.csv',
    maxBytes: 100_000_000,
  },
  cases: {
    title: 'Open journey tests',
    saveTitle: 'Save the test case',
    filters: [{ name: 'Journey tests', extensions: ['json'] }],
    extension: '.cases.json',
    maxBytes: 20_000_000,
  },
};

export interface FileHandlerDeps {
  /** Native dialogs, attached to the main window. */
  showOpenDialog(options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
  showSaveDialog(options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
  recent: RecentFiles;
  /** Where dialogs start before the user has picked anything (the Documents folder). */
  defaultFolder(): string;
  /** Prints an HTML page to a PDF (pdf-printer.ts). */
  printToPdf(html: string): Promise<Uint8Array>;
}

/**
 * A name the renderer suggests becomes a bare file name: no folders, no characters Windows or
 * macOS refuse, and the kind's extension unless it already has one of the kind's. The user sees it in the dialog and
 * may change it; the renderer never chooses where a file goes.
 */
export function safeFileName(suggested: string, kind: FileKind): string {
  const name = suggested
    .replace(/[/\\:*?"<>|\p{Cc}]/gu, '-')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 200);
  const base = name === '' ? kind : name;
  const known = KINDS[kind].filters.flatMap((filter) => filter.extensions.map((e) => `.${e}`));
  return known.includes(extname(base).toLowerCase()) ? base : `${base}${KINDS[kind].extension}`;
}

function describe(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOSPC') return 'the disk is full';
  if (code === 'EISDIR') return 'it is a folder';
  return error instanceof Error ? error.message : String(error);
}

function notSaved(path: string, error: unknown): ApiError {
  return new ApiError(
    'internal',
    `Could not save “${basename(path)}”: ${describe(error)}.`,
    undefined,
    {
      reason: 'file-not-saved',
      values: { file: basename(path) },
    },
  );
}

function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/**
 * The file's text in the encoding its start shows (a BOM, UTF-16, UTF-8 or else Latin-1); a
 * workbook's sheet (`sheet`, the first by default) as CSV, with the names of its sheets.
 */
async function readText(
  path: string,
  kind: FileKind,
  sheet?: string,
): Promise<{ text: string; warnings: EncodingWarning[]; sheets?: string[] }> {
  const name = basename(path);
  const { size } = await stat(path);
  const limit = KINDS[kind].maxBytes;
  if (size > limit) {
    throw new ApiError(
      'invalid-request',
      `“${name}” is ${Math.ceil(size / 1_000_000)} MB; the app opens files up to ${limit / 1_000_000} MB. Use the command line for larger files.`,
      undefined,
      {
        reason: 'file-too-large',
        values: { file: name, size: Math.ceil(size / 1_000_000), limit: limit / 1_000_000 },
      },
    );
  }
  const bytes = await readFile(path);
  if (kind !== 'profiles' && kind !== 'events') return decodeFileText(bytes);
  try {
    // A workbook's sheet arrives as CSV; a picture or a PDF is refused with what it is.
    const { text, warnings, sheets }: DataFileText = await dataFileText(bytes, name, sheet);
    return { text, warnings, ...(sheets !== undefined && { sheets }) };
  } catch (error) {
    if (error instanceof ImportError) throw importRefused(error, name);
    throw error;
  }
}

export function createFileHandlers(deps: FileHandlerDeps): FileHandlers {
  function startFolder(kind: FileKind): string {
    const last = deps.recent.list().find((file) => file.kind === kind);
    return last ? dirname(last.path) : deps.defaultFolder();
  }

  /** The workbook each kind last opened, whose other sheets `openSheet` reads. */
  const workbooks = new Map<FileKind, string>();

  async function open(path: string, kind: FileKind, sheet?: string): Promise<OpenedFile> {
    let read: { text: string; warnings: EncodingWarning[]; sheets?: string[] };
    try {
      read = await readText(path, kind, sheet);
    } catch (error) {
      if (error instanceof ApiError) throw error;
      throw new ApiError(
        'internal',
        `Could not read “${basename(path)}”: ${describe(error)}.`,
        undefined,
        {
          reason: 'file-unreadable',
          values: { file: basename(path) },
        },
      );
    }
    await deps.recent.add(path, kind);
    if (read.sheets) workbooks.set(kind, path);
    else workbooks.delete(kind);
    return {
      canceled: false,
      kind,
      fileName: basename(path),
      text: read.text,
      ...(read.warnings.length > 0 && { warnings: read.warnings }),
      ...(read.sheets && { sheets: read.sheets, sheet: sheet ?? read.sheets[0] ?? '' }),
    };
  }

  return {
    async openFile({ kind }) {
      const result = await deps.showOpenDialog({
        title: KINDS[kind].title,
        defaultPath: startFolder(kind),
        properties: ['openFile'],
        filters: KINDS[kind].filters,
      });
      const path = result.filePaths[0];
      if (result.canceled || path === undefined) return { canceled: true };
      return open(path, kind);
    },

    async openSheet({ kind, sheet }) {
      const path = workbooks.get(kind);
      if (path === undefined) throw workbookClosed();
      return open(path, kind, sheet);
    },

    async saveFile({ kind, suggestedName, text }) {
      const result = await deps.showSaveDialog({
        title: KINDS[kind].saveTitle,
        defaultPath: join(startFolder(kind), safeFileName(suggestedName, kind)),
        filters: KINDS[kind].filters,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      if (result.canceled || !result.filePath) return { canceled: true };
      const path = result.filePath;
      try {
        await writeFileAtomic(path, text);
      } catch (error) {
        throw notSaved(path, error);
      }
      // Open Recent opens journeys and data; journey tests are run by the command line.
      if (kind !== 'cases') await deps.recent.add(path, kind);
      return { canceled: false, fileName: basename(path) };
    },

    async saveSignOffPack({ suggestedName, html }) {
      const name = `${safeFileName(suggestedName, 'journey').replace(/\.json$/i, '')}.pdf`;
      const result = await deps.showSaveDialog({
        title: 'Save the sign-off pack',
        defaultPath: join(startFolder('journey'), name),
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      if (result.canceled || !result.filePath) return { canceled: true };
      const path = result.filePath;
      try {
        await writeFileAtomic(path, await deps.printToPdf(html));
      } catch (error) {
        throw notSaved(path, error);
      }
      return { canceled: false, fileName: basename(path) };
    },

    async openRecentFile({ id }) {
      const entry = deps.recent.get(id);
      if (!entry)
        throw new ApiError('not-found', 'That file is no longer in the recent list.', undefined, {
          reason: 'recent-file-gone',
        });
      try {
        await stat(entry.path);
      } catch (error) {
        if (!isMissing(error)) throw error;
        await deps.recent.remove(id);
        throw new ApiError(
          'not-found',
          `“${basename(entry.path)}” is no longer where it was; it has been taken off the recent list.`,
          undefined,
          { reason: 'recent-file-moved', values: { file: basename(entry.path) } },
        );
      }
      return open(entry.path, entry.kind);
    },
  };
}
