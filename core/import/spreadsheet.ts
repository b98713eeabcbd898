import { readSheet, type SheetData } from 'read-excel-file/universal';
import { binaryKind, notDataError } from './file-kind';
import { ImportError } from './import-problems';
import { officeKind, readZipDirectory } from './zip-directory';

/** The largest Excel file an import opens: a workbook of 1M customers packs to about 40 MB. */
export const MAX_SPREADSHEET_BYTES = 100 * 1024 * 1024;
/** Excel's own limits: 1,048,576 rows, 16,384 columns, 32,767 characters in a cell. */
export const MAX_SHEET_ROWS = 1_048_576;
export const MAX_SHEET_COLUMNS = 16_384;
export const MAX_CELL_CHARS = 32_767;

export interface SpreadsheetOptions {
  /** The sheet to read, by name or number (1 is the first); the first by default. */
  readonly sheet?: string | number;
  /** The file's name, for messages. */
  readonly name?: string;
}

/** A cell as the library hands it over (its `Date` type is declared as the constructor). */
type CellValue = string | number | boolean | Date | null;

function where(name: string | undefined): string {
  return name === undefined ? 'This file' : `"${name}"`;
}

/**
 * A cell as the CSV importer reads it: numbers as Excel stores them (so long ids keep every
 * digit), booleans as `true`/`false`, dates as ISO 8601 — a day alone when the cell has no time
 * of day (`2026-01-31`), else the instant (`2026-01-31T09:30:00.000Z`; Excel keeps no zone).
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

/** One value of a CSV record: quoted when it holds a separator, a quote or a line break. */
function csvValue(text: string): string {
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The error for an Excel file of more than `MAX_SPREADSHEET_BYTES`. */
export function spreadsheetTooLarge(size: number, name?: string): ImportError {
  return new ImportError(
    'spreadsheet-too-big',
    `${where(name)} is ${Math.ceil(size / 1024 / 1024)} MB; Excel files up to ${MAX_SPREADSHEET_BYTES / 1024 / 1024} MB can be imported. Save the sheet as CSV, which has no such limit, and import that.`,
    name === undefined ? {} : { file: name },
  );
}

/**
 * The rows of one sheet of an Excel workbook (`.xlsx`), the header first, each cell as text
 * (`cellText`). The file is checked before it is unpacked (`readZipDirectory`: too many files or
 * too many unpacked bytes is `spreadsheet-too-big`), and the sheet is bounded by Excel's own
 * limits. An old `.xls`, an OpenDocument sheet and any other file are refused with what they are
 * (`old-spreadsheet`, `not-data`); a damaged workbook is `bad-spreadsheet`.
 */
export async function readSpreadsheet(
  bytes: Uint8Array,
  options: SpreadsheetOptions = {},
): Promise<string[][]> {
  const { name } = options;
  const kind = binaryKind(bytes.subarray(0, 16));
  if (kind === 'ole') {
    throw new ImportError(
      'old-spreadsheet',
      `${where(name)} is an Excel file in the old format (.xls, Excel 97–2003). In Excel, choose File ▸ Save As ▸ Excel Workbook (.xlsx) or CSV, then import that file.`,
      name === undefined ? {} : { file: name },
    );
  }
  if (kind !== 'zip') throw notDataError(kind ?? 'zip', name);
  if (bytes.byteLength > MAX_SPREADSHEET_BYTES) throw spreadsheetTooLarge(bytes.byteLength, name);
  const office = officeKind(readZipDirectory(bytes, name));
  if (office !== 'xlsx') throw notDataError(office, name);
  let data: readonly (readonly CellValue[])[];
  try {
    // A copy: the library wants an ArrayBuffer of exactly the file.
    const buffer = bytes.slice().buffer;
    // Numbers as written in the file: a 19-digit customer id must not become a rounded double.
    const sheet: SheetData<string> = await readSheet<string>(buffer, options.sheet ?? 1, {
      parseNumber: (text: string) => text,
    });
    data = sheet as readonly (readonly CellValue[])[];
  } catch (error) {
    const missing = (error as { name?: string } | undefined)?.name === 'SheetNotFoundError';
    throw new ImportError(
      missing ? 'missing-sheet' : 'bad-spreadsheet',
      missing
        ? `${where(name)} has no sheet ${JSON.stringify(options.sheet)}.`
        : `${where(name)} is an Excel file that cannot be read (${error instanceof Error ? error.message : String(error)}). Open it in Excel and save it again, or save it as CSV.`,
      {
        ...(name !== undefined && { file: name }),
        ...(missing && options.sheet !== undefined && { sheet: String(options.sheet) }),
      },
    );
  }
  if (data.length > MAX_SHEET_ROWS) {
    throw new ImportError(
      'spreadsheet-too-big',
      `${where(name)} has more rows than Excel allows; save the sheet as CSV and import that.`,
      name === undefined ? {} : { file: name },
    );
  }
  const rows: string[][] = [];
  for (const row of data) {
    if (row.length > MAX_SHEET_COLUMNS) {
      throw new ImportError(
        'spreadsheet-too-big',
        `${where(name)} has a row of ${row.length.toLocaleString('en-US')} columns; Excel allows ${MAX_SHEET_COLUMNS.toLocaleString('en-US')}.`,
        name === undefined ? {} : { file: name },
      );
    }
    rows.push(row.map((value) => cellText(value).slice(0, MAX_CELL_CHARS)));
  }
  return rows;
}

/**
 * A sheet as CSV text, one record per row, so the CSV importer reads it with all its checks. A
 * row with no value at all becomes a blank line, which the importer skips, so a problem's line
 * is the row number Excel shows (unless a cell above holds a line break).
 */
export function sheetToCsv(rows: readonly (readonly string[])[]): string {
  const lines: string[] = [];
  for (const row of rows) {
    lines.push(row.every((cell) => cell === '') ? '' : row.map(csvValue).join(','));
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
