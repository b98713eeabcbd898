/**
 * Why a row was left out of an import. Codes are stable: the command line, the app and tests
 * depend on them; the reason beside each code is for people.
 */
export const ROW_PROBLEM_CODES = [
  /** No profile id (profiles: `id`; events: `profile_id`). */
  'missing-id',
  /** A JSON id that is not text or a number (an object, a list, true/false). */
  'bad-id',
  'missing-name',
  /** A JSON event name that is not text or a number. */
  'bad-name',
  'missing-time',
  /** A time that is neither ISO 8601, `YYYY-MM-DD HH:MM:SS UTC` nor epoch milliseconds. */
  'bad-time',
  /** A CSV row with fewer values than the header has columns (or more, not all empty). */
  'bad-row-length',
  /** A CSV quote that is never closed, or text right after a closing quote. */
  'bad-quotes',
  /** A JSON line or list element that does not parse. */
  'bad-json',
  /** A JSON value that parses but is not an object (a list, a number, text, null). */
  'not-an-object',
  /** A row (CSV record, NDJSON line, JSON list element) longer than `MAX_ROW_CHARS`. */
  'row-too-long',
] as const;

export type RowProblemCode = (typeof ROW_PROBLEM_CODES)[number];

/** One row left out of an import. */
export interface ImportProblem {
  /**
   * 1-based line in the file: for CSV the line where the record starts (a quoted value may span
   * lines); for JSON the line where the object starts; for NDJSON the object's line.
   */
  readonly line: number;
  readonly code: RowProblemCode;
  /** What is wrong, in words a marketer understands. */
  readonly reason: string;
  /** The source column (or JSON field) concerned, when there is one. */
  readonly column?: string;
}

/**
 * The figures a problem's `reason` is made of, for an app that words it in another language:
 * `value` (a `bad-time`'s text), `cells` and `columns` (a `bad-row-length`'s counts), `endLine`
 * (where a record that spans lines ends).
 */
export type RowProblemValues = Readonly<Record<string, string | number>>;

/** Problems that stop an import before any row is read. */
export type ImportErrorCode =
  | 'unreadable-file'
  | 'empty-file'
  /** The CSV header row itself is broken (a quote not closed). */
  | 'bad-header'
  | 'missing-column'
  | 'duplicate-column'
  | 'bad-mapping'
  /** A picture, a PDF, a Word document or an archive picked as data (file-kind.ts). */
  | 'not-data'
  /** An Excel 97–2003 `.xls`: save it as `.xlsx` or CSV. */
  | 'old-spreadsheet'
  /** A workbook past the limits (size, unpacked size, packing ratio, rows, columns). */
  | 'spreadsheet-too-big'
  /** A zip or workbook that cannot be opened. */
  | 'bad-spreadsheet'
  /** The chosen sheet is not in the workbook. */
  | 'missing-sheet';

/**
 * A problem with the file as a whole (it cannot be read, a required column is missing, the
 * mapping is malformed): nothing is imported.
 */
export class ImportError extends Error {
  override readonly name = 'ImportError';

  constructor(
    readonly code: ImportErrorCode,
    message: string,
    readonly details: {
      readonly file?: string;
      readonly column?: string;
      /** The columns the file does have, to help fix a mapping. */
      readonly columns?: readonly string[];
      /** For `not-data`: what the file is (`png`, `pdf`, `docx`…). */
      readonly kind?: string;
      /** For `missing-sheet`: the sheet asked for. */
      readonly sheet?: string;
    } = {},
  ) {
    super(message);
  }
}

/**
 * An `ImportError` as its code and the facts its sentence names, for an app that words it in
 * its own language: the file, and the column, kind of file or sheet it is about.
 */
export type ImportFileValues =
  | { problem: 'missing-column' | 'duplicate-column'; file: string; column: string }
  | { problem: 'not-data'; file: string; kind: string }
  | { problem: 'missing-sheet'; file: string; sheet: string }
  | {
      problem: Exclude<
        ImportErrorCode,
        'missing-column' | 'duplicate-column' | 'not-data' | 'missing-sheet'
      >;
      file: string;
    };

/** The code and facts of an import error about the file named `file`. */
export function importFileValues(error: ImportError, file: string): ImportFileValues {
  const { code, details } = error;
  switch (code) {
    case 'missing-column':
    case 'duplicate-column':
      return { problem: code, file, column: details.column ?? '' };
    case 'not-data':
      return { problem: code, file, kind: details.kind ?? '' };
    case 'missing-sheet':
      return { problem: code, file, sheet: details.sheet ?? '' };
    default:
      return { problem: code, file };
  }
}

/**
 * The longest row an import reads. A wide real row (a profile of 50 columns, an event with a
 * product list) is a few kilobytes; a row a thousand times that is a quote never closed or a
 * file pasted into one cell, and holding it would take as much memory as it is long (a 600 MB
 * line aborted the whole import). Past this the row is left out and reading resumes at the next
 * line.
 */
export const MAX_ROW_CHARS = 1_000_000;

export const ROW_TOO_LONG_REASON = `This row is longer than ${MAX_ROW_CHARS.toLocaleString('en-US')} characters, so it was left out. Is a quote missing, or a whole file pasted into one cell?`;

/** How many problem details an import keeps; all are counted, only these many are listed. */
export const PROBLEM_DETAIL_LIMIT = 1000;

/** Counts every problem and keeps the first few in detail, so a broken 1M-row file stays cheap. */
export class ProblemLog {
  readonly details: ImportProblem[] = [];
  /** The figures of each problem in `details`, at the same index. */
  readonly values: (RowProblemValues | undefined)[] = [];
  count = 0;

  constructor(private readonly limit = PROBLEM_DETAIL_LIMIT) {}

  add(
    line: number,
    code: RowProblemCode,
    reason: string,
    column?: string,
    values?: RowProblemValues,
  ): void {
    this.count++;
    if (this.details.length >= this.limit) return;
    this.details.push(
      column === undefined ? { line, code, reason } : { line, code, reason, column },
    );
    this.values.push(values);
  }

  get truncated(): boolean {
    return this.count > this.details.length;
  }
}

/** `"a", "b" and "c"`, for listing columns in a message. */
export function listNames(names: readonly string[]): string {
  const quoted = names.map((name) => JSON.stringify(name));
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}
