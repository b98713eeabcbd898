import { ImportError } from './import-problems';

/** The largest workbook an import opens: a workbook of 1M customers packs to about 40 MB. */
export const MAX_SPREADSHEET_BYTES = 100 * 1024 * 1024;
/** Excel's own limits: 1,048,576 rows, 16,384 columns, 32,767 characters in a cell. */
export const MAX_SHEET_ROWS = 1_048_576;
export const MAX_SHEET_COLUMNS = 16_384;
export const MAX_CELL_CHARS = 32_767;
/**
 * Cells a sheet may fill, empty ones between values included: 1M customers of 20 columns. An
 * OpenDocument sheet repeats a cell or a row by a count, so a few bytes could otherwise ask for
 * billions.
 */
export const MAX_SHEET_CELLS = 20_000_000;

/** One sheet's rows, the header first, and the names of all the workbook's sheets in order. */
export interface Workbook {
  readonly rows: string[][];
  readonly sheets: string[];
}

export function where(name: string | undefined): string {
  return name === undefined ? 'This file' : `"${name}"`;
}

/**
 * A cell as the CSV importer reads it: numbers as the file stores them (so long ids keep every
 * digit), booleans as `true`/`false`, dates as ISO 8601 — a day alone when the cell has no time
 * of day (`2026-01-31`), else the instant (`2026-01-31T09:30:00.000Z`; a sheet keeps no zone).
 */
export function cellText(value: string | number | boolean | Date | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    let at = value.getTime();
    if (Number.isNaN(at)) return '';
    // Excel counts days in a floating-point number, so 09:30 may come back as 09:29:59.999.
    const second = Math.round(at / 1000) * 1000;
    if (Math.abs(second - at) <= 1) at = second;
    const iso = new Date(at).toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  return String(value);
}

/** `spreadsheet-too-big`, with why. */
export function sheetTooBig(name: string | undefined, why: string): ImportError {
  return new ImportError(
    'spreadsheet-too-big',
    `${where(name)} cannot be imported: ${why}. Save the sheet as CSV, which has no such limit, and import that.`,
    name === undefined ? {} : { file: name },
  );
}

/** `missing-sheet`: the workbook has no sheet of that name or number. */
export function missingSheet(name: string | undefined, sheet: string | number): ImportError {
  return new ImportError('missing-sheet', `${where(name)} has no sheet ${JSON.stringify(sheet)}.`, {
    ...(name !== undefined && { file: name }),
    sheet: String(sheet),
  });
}

/**
 * Every row as wide as the widest, so the CSV importer finds the same number of values on each
 * line (a row's empty cells at its end are not written in the file).
 */
export function evenRows(rows: string[][], name: string | undefined): string[][] {
  const width = rows.reduce((most, row) => Math.max(most, row.length), 0);
  if (rows.length * width > MAX_SHEET_CELLS) {
    throw sheetTooBig(name, `it has more than ${MAX_SHEET_CELLS.toLocaleString('en-US')} cells`);
  }
  for (const row of rows) while (row.length < width) row.push('');
  return rows;
}
