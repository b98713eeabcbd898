import { Parser } from 'htmlparser2';
import { ImportError } from './import-problems';
import {
  cellText,
  MAX_CELL_CHARS,
  MAX_SHEET_CELLS,
  MAX_SHEET_COLUMNS,
  MAX_SHEET_ROWS,
  missingSheet,
  sheetTooBig,
  where,
  type Workbook,
} from './sheet-bounds';
import { unpackEntry, type ZipEntry } from './zip-directory';

/** A cell's value by its `office:value-type`; string cells (and cells with none) use their text. */
const VALUE_ATTRIBUTE: Readonly<Record<string, string>> = {
  float: 'office:value',
  percentage: 'office:value',
  currency: 'office:value',
  date: 'office:date-value',
  time: 'office:time-value',
  boolean: 'office:boolean-value',
  string: 'office:string-value',
};

const CELLS = new Set(['table:table-cell', 'table:covered-table-cell']);

/** A repeat count as written, at least 1; past `limit` is as good as `limit`. */
function repeat(value: string | undefined, limit: number): number {
  const n = value === undefined ? 1 : Number.parseInt(value, 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, limit) : 1;
}

/**
 * A stored value as text: a date as ISO 8601 (a day alone when it has no time of day, as for an
 * Excel sheet), a time (`PT09H30M00S`) as `09:30:00`, anything else as written.
 */
function valueText(type: string, value: string): string {
  if (type === 'date') {
    const day = /^\d{4}-\d\d-\d\d$/.test(value);
    const at = new Date(day || /(Z|[+-]\d\d:\d\d)$/.test(value) ? value : `${value}Z`);
    return Number.isNaN(at.getTime()) ? value : cellText(at);
  }
  if (type === 'time') {
    const m = /^PT(\d+)H(\d+)M(\d+)(?:[.,]\d+)?S$/.exec(value);
    return m
      ? m
          .slice(1, 4)
          .map((part) => part.padStart(2, '0'))
          .join(':')
      : value;
  }
  return value;
}

/**
 * The rows of one sheet of an OpenDocument spreadsheet (`.ods`), read from its `content.xml` a
 * piece at a time: the header first, each cell as text. Numbers are `office:value` as written
 * (the value, not the text shown, which carries the sheet's number format: `1 234,50 kr`, `25%`),
 * so an id of 19 digits keeps them; dates become ISO 8601, yes/no `true`/`false`. Rows and cells
 * repeated empty (a sheet's tail: `number-rows-repeated="1048000"`) cost nothing; the names of
 * all sheets come back too.
 */
export function readOdsContent(
  bytes: Uint8Array,
  entry: ZipEntry,
  options: { readonly sheet?: string | number; readonly name?: string },
): Workbook {
  const { name } = options;
  const wanted = options.sheet ?? 1;
  const sheets: string[] = [];
  const rows: string[][] = [];
  let cellCount = 0;
  let tables = 0;
  let reading = false;
  let found = false;
  // Within the sheet being read:
  let row: string[] | undefined;
  let rowRepeat = 1;
  let emptyRows = 0;
  let emptyCells = 0;
  let cell: { type: string; value: string | undefined; repeat: number } | undefined;
  let text = '';
  let paragraphs = 0;
  let inParagraph = 0;
  let inNote = 0;

  const tooBig = (why: string): ImportError => sheetTooBig(name, why);
  const append = (more: string) => {
    if (text.length < MAX_CELL_CHARS) text += more.slice(0, MAX_CELL_CHARS - text.length);
  };

  const open = (tag: string, attributes: Record<string, string>) => {
    if (tag === 'table:table') {
      tables++;
      if (tables > 1) return;
      const sheet = attributes['table:name'] ?? `Sheet${sheets.length + 1}`;
      sheets.push(sheet);
      reading =
        !found && (typeof wanted === 'number' ? wanted === sheets.length : wanted === sheet);
      if (reading) found = true;
      return;
    }
    if (!reading || tables !== 1) return;
    if (tag === 'table:table-row') {
      row = [];
      emptyCells = 0;
      rowRepeat = repeat(attributes['table:number-rows-repeated'], MAX_SHEET_ROWS + 1);
    } else if (CELLS.has(tag) && row !== undefined) {
      const type = attributes['office:value-type'] ?? '';
      const attribute = VALUE_ATTRIBUTE[type];
      cell = {
        type,
        value: attribute === undefined ? undefined : attributes[attribute],
        repeat: repeat(attributes['table:number-columns-repeated'], MAX_SHEET_COLUMNS + 1),
      };
      text = '';
      paragraphs = 0;
    } else if (cell !== undefined) {
      if (tag === 'office:annotation') inNote++;
      if (inNote > 0) return;
      if (tag === 'text:p' || tag === 'text:h') {
        if (paragraphs++ > 0) append('\n');
        inParagraph++;
      } else if (inParagraph > 0 && tag === 'text:s') {
        append(' '.repeat(repeat(attributes['text:c'], MAX_CELL_CHARS)));
      } else if (inParagraph > 0 && tag === 'text:tab') append('\t');
      else if (inParagraph > 0 && tag === 'text:line-break') append('\n');
    }
  };

  const closeCell = () => {
    if (row === undefined || cell === undefined) return;
    const value = (cell.value === undefined ? text : valueText(cell.type, cell.value)).slice(
      0,
      MAX_CELL_CHARS,
    );
    if (value === '') emptyCells += cell.repeat;
    else {
      const width = row.length + emptyCells + cell.repeat;
      if (width > MAX_SHEET_COLUMNS) {
        throw tooBig(
          `it has a row of more than ${MAX_SHEET_COLUMNS.toLocaleString('en-US')} columns, which is as many as a sheet may have`,
        );
      }
      for (; emptyCells > 0; emptyCells--) row.push('');
      for (let i = 0; i < cell.repeat; i++) row.push(value);
    }
    cell = undefined;
  };

  const closeRow = () => {
    if (row === undefined) return;
    if (row.length === 0) emptyRows += rowRepeat;
    else {
      if (rows.length + emptyRows + rowRepeat > MAX_SHEET_ROWS) {
        throw tooBig(
          `it has more than ${MAX_SHEET_ROWS.toLocaleString('en-US')} rows, which is as many as a sheet may have`,
        );
      }
      cellCount += emptyRows + row.length * rowRepeat;
      if (cellCount > MAX_SHEET_CELLS) {
        throw tooBig(`it has more than ${MAX_SHEET_CELLS.toLocaleString('en-US')} cells`);
      }
      for (; emptyRows > 0; emptyRows--) rows.push([]);
      rows.push(row);
      for (let i = 1; i < rowRepeat; i++) rows.push(row.slice());
    }
    row = undefined;
  };

  const close = (tag: string) => {
    if (tag === 'table:table') {
      tables--;
      if (tables === 0) reading = false;
      return;
    }
    if (!reading || tables !== 1) return;
    if (tag === 'table:table-row') closeRow();
    else if (CELLS.has(tag)) closeCell();
    else if (cell !== undefined) {
      if (tag === 'office:annotation') inNote--;
      else if (inNote === 0 && (tag === 'text:p' || tag === 'text:h')) inParagraph--;
    }
  };

  const parser = new Parser(
    {
      onopentag: open,
      onclosetag: close,
      ontext(part) {
        if (cell !== undefined && inParagraph > 0 && inNote === 0) append(part);
      },
    },
    { xmlMode: true },
  );
  const decoder = new TextDecoder();
  unpackEntry(
    bytes,
    entry,
    (piece, last) => {
      parser.write(decoder.decode(piece, { stream: !last }));
      if (last) parser.end();
    },
    name,
  );
  if (sheets.length === 0) {
    throw new ImportError(
      'bad-spreadsheet',
      `${where(name)} is an OpenDocument spreadsheet with no sheet in it. Open it in your spreadsheet program and save it again, or save it as CSV.`,
      name === undefined ? {} : { file: name },
    );
  }
  if (!found) throw missingSheet(name, wanted);
  return { rows, sheets };
}
