import { Parser } from 'htmlparser2';
import { readSheet, type SheetData } from 'read-excel-file/universal';
import { binaryKind, notDataError } from './file-kind';
import { ImportError } from './import-problems';
import { readOdsContent } from './ods';
import {
  cellText,
  evenRows,
  MAX_CELL_CHARS,
  MAX_SHEET_COLUMNS,
  MAX_SHEET_ROWS,
  MAX_SPREADSHEET_BYTES,
  missingSheet,
  sheetTooBig,
  where,
  type Workbook,
} from './sheet-bounds';
import { entryText, officeKind, readZipDirectory, type ZipEntry } from './zip-directory';

export {
  cellText,
  MAX_CELL_CHARS,
  MAX_SHEET_COLUMNS,
  MAX_SHEET_ROWS,
  MAX_SPREADSHEET_BYTES,
  type Workbook,
} from './sheet-bounds';

export interface SpreadsheetOptions {
  /** The sheet to read, by name or number (1 is the first); the first by default. */
  readonly sheet?: string | number;
  /** The file's name, for messages. */
  readonly name?: string;
}

/** A cell as the library hands it over (its `Date` type is declared as the constructor). */
type CellValue = string | number | boolean | Date | null;

const ODS_TYPES = new Set([
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.spreadsheet-template',
]);

/** One value of a CSV record: quoted when it holds a separator, a quote or a line break. */
function csvValue(text: string): string {
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The error for a workbook of more than `MAX_SPREADSHEET_BYTES`. */
export function spreadsheetTooLarge(size: number, name?: string): ImportError {
  return new ImportError(
    'spreadsheet-too-big',
    `${where(name)} is ${Math.ceil(size / 1024 / 1024)} MB; spreadsheets up to ${MAX_SPREADSHEET_BYTES / 1024 / 1024} MB can be imported. Save the sheet as CSV, which has no such limit, and import that.`,
    name === undefined ? {} : { file: name },
  );
}

/** The zip's files, once the file is known to be a workbook of a kind this reads. */
function openWorkbook(
  bytes: Uint8Array,
  name: string | undefined,
): { kind: 'xlsx' | 'ods'; entries: ZipEntry[] } {
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
  const entries = readZipDirectory(bytes, name);
  const office = officeKind(entries);
  if (office === 'odf') {
    // A text document or a presentation has the same outline; its `mimetype` tells them apart.
    const mimetype = entries.find((entry) => entry.name === 'mimetype');
    const type = mimetype && mimetype.size < 200 ? entryText(bytes, mimetype, name).trim() : '';
    if (!ODS_TYPES.has(type)) throw notDataError('odf', name);
    return { kind: 'ods', entries };
  }
  if (office !== 'xlsx') throw notDataError(office, name);
  return { kind: 'xlsx', entries };
}

/** An XML file's elements named `tag` (with any namespace prefix), with their attributes. */
function elements(xml: string, tag: string): Record<string, string>[] {
  const found: Record<string, string>[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === tag || name.endsWith(`:${tag}`)) found.push(attributes);
      },
    },
    { xmlMode: true },
  );
  parser.end(xml);
  return found;
}

/** The sheets of an Excel workbook, in the order Excel shows them, from `xl/workbook.xml`. */
function xlsxSheetNames(bytes: Uint8Array, entries: readonly ZipEntry[], name?: string): string[] {
  const workbook = entries.find((entry) => entry.name === 'xl/workbook.xml');
  if (!workbook) return [];
  return elements(entryText(bytes, workbook, name), 'sheet').flatMap((sheet) =>
    sheet.name === undefined ? [] : [sheet.name],
  );
}

function failed(name: string | undefined, error: unknown): ImportError {
  return new ImportError(
    'bad-spreadsheet',
    `${where(name)} is a spreadsheet that cannot be read (${error instanceof Error ? error.message : String(error)}). Open it in your spreadsheet program and save it again, or save it as CSV.`,
    name === undefined ? {} : { file: name },
  );
}

/** An Excel sheet's rows as the library reads them, bounded by Excel's own limits. */
async function readXlsx(
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  options: SpreadsheetOptions,
): Promise<Workbook> {
  const { name } = options;
  const sheets = xlsxSheetNames(bytes, entries, name);
  const wanted = options.sheet ?? 1;
  const sheet = typeof wanted === 'number' ? sheets[wanted - 1] : wanted;
  if (sheet === undefined || !sheets.includes(sheet)) throw missingSheet(name, wanted);
  let data: readonly (readonly CellValue[])[];
  try {
    // A copy: the library wants an ArrayBuffer of exactly the file.
    const buffer = bytes.slice().buffer;
    // Numbers as written in the file: a 19-digit customer id must not become a rounded double.
    const read: SheetData<string> = await readSheet<string>(buffer, sheet, {
      parseNumber: (text: string) => text,
    });
    data = read as readonly (readonly CellValue[])[];
  } catch (error) {
    if ((error as { name?: string } | undefined)?.name === 'SheetNotFoundError') {
      throw missingSheet(name, wanted);
    }
    throw failed(name, error);
  }
  if (data.length > MAX_SHEET_ROWS) {
    throw sheetTooBig(
      name,
      `it has more than ${MAX_SHEET_ROWS.toLocaleString('en-US')} rows, which is as many as a sheet may have`,
    );
  }
  const rows: string[][] = [];
  for (const row of data) {
    if (row.length > MAX_SHEET_COLUMNS) {
      throw sheetTooBig(
        name,
        `it has a row of ${row.length.toLocaleString('en-US')} columns; a sheet may have ${MAX_SHEET_COLUMNS.toLocaleString('en-US')}`,
      );
    }
    rows.push(row.map((value) => cellText(value).slice(0, MAX_CELL_CHARS)));
  }
  return { rows, sheets };
}

/**
 * One sheet of a workbook — Excel (`.xlsx`) or OpenDocument (`.ods`, LibreOffice) — as rows, the
 * header first, each cell as text (`cellText`), with the names of all its sheets. The file is
 * checked before it is unpacked (`readZipDirectory`: too many files or too many unpacked bytes is
 * `spreadsheet-too-big`), and the sheet is bounded by Excel's own limits. An old `.xls` and any
 * other file are refused with what they are (`old-spreadsheet`, `not-data`); a sheet the workbook
 * does not have is `missing-sheet`; a damaged workbook is `bad-spreadsheet`.
 */
export async function readWorkbook(
  bytes: Uint8Array,
  options: SpreadsheetOptions = {},
): Promise<Workbook> {
  const { name } = options;
  const { kind, entries } = openWorkbook(bytes, name);
  let workbook: Workbook;
  if (kind === 'xlsx') workbook = await readXlsx(bytes, entries, options);
  else {
    const content = entries.find((entry) => entry.name === 'content.xml');
    if (!content) throw failed(name, new Error('content.xml is missing'));
    try {
      workbook = readOdsContent(bytes, content, options);
    } catch (error) {
      throw error instanceof ImportError ? error : failed(name, error);
    }
  }
  return { rows: evenRows(workbook.rows, name), sheets: workbook.sheets };
}

/** One sheet of a workbook as rows (`readWorkbook`). */
export async function readSpreadsheet(
  bytes: Uint8Array,
  options: SpreadsheetOptions = {},
): Promise<string[][]> {
  return (await readWorkbook(bytes, options)).rows;
}

/**
 * The names of a workbook's sheets, in order: for Excel from its list of sheets, for OpenDocument
 * from its tables (`table:name`), which takes reading the file through.
 */
export async function readSheetNames(bytes: Uint8Array, name?: string): Promise<string[]> {
  const { kind, entries } = openWorkbook(bytes, name);
  if (kind === 'xlsx') return xlsxSheetNames(bytes, entries, name);
  return (await readWorkbook(bytes, name === undefined ? {} : { name })).sheets;
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
