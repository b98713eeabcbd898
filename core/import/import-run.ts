import { isRecord } from '../model/json-text';
import {
  parseColumnMapping,
  validateColumnMapping,
  type ColumnMapping,
  type ImportKind,
} from './column-mapping';
import { columnName, describeNeeded, readCsvHeader } from './csv-header';
import { CsvRecordReader } from './csv-records';
import {
  ImportError,
  listNames,
  PROBLEM_DETAIL_LIMIT,
  ProblemLog,
  type ImportProblem,
  type RowProblemValues,
} from './import-problems';
import {
  formatFromFileName,
  formatFromFirstCharacter,
  openSource,
  unreadable,
  utf8Length,
  type ImportFormat,
  type ImportSource,
} from './import-source';
import { binaryKind, binaryKindOfText, notDataError, SIGNATURE_BYTES } from './file-kind';
import { describeJsonValue } from './json-fields';
import { JsonElementReader, NdjsonReader, type JsonValueHandler } from './json-records';
import type { CsvRow, RowConverter, RowSink } from './row-sink';
import {
  MAX_SPREADSHEET_BYTES,
  readSpreadsheet,
  sheetToCsv,
  spreadsheetTooLarge,
} from './spreadsheet';
import { TextStreamDecoder, type TextEncoding } from './text-encoding';

export interface ImportOptions<T> {
  /** Overrides detection from the file extension and the first character. */
  format?: ImportFormat;
  /** `target=source` pairs (`profile_id=user_id,name=event_type`), or the same as an object. */
  mapping?: string | ColumnMapping;
  /** Called for each good row, in file order, with the line where it starts. */
  onRow(row: T, line: number): void;
  /** Called as the source is read: bytes read so far and, when known, its size in bytes. */
  onProgress?(read: number, total?: number): void;
  /** How many problems to keep in detail (all are counted). Default 1,000. */
  problemLimit?: number;
  /** In a workbook (`.xlsx`, `.ods`), the sheet to read, by name or number; the first by default. */
  sheet?: string | number;
}

export interface ImportSummary {
  readonly format: ImportFormat;
  /** Data rows (JSON values) read, good and bad; a CSV header is not a row. */
  readonly rows: number;
  readonly imported: number;
  readonly rejected: number;
  /**
   * Profile imports: rows whose id an earlier row already had. They are imported all the same
   * (the later row updates the profile); a count worth knowing, not a problem. 0 for events.
   */
  readonly duplicateIds: number;
  /**
   * The first problems, in file order; `problemsTruncated` says whether there were more. Each is a
   * rejected row, except in JSON a problem with the file's outline (a list never closed, text
   * after its end), which concerns no row.
   */
  readonly problems: readonly ImportProblem[];
  /** The figures of each problem, at the same index as `problems` (RowProblemValues). */
  readonly problemValues: readonly (RowProblemValues | undefined)[];
  readonly problemsTruncated: boolean;
  /** The CSV header's columns, or the top-level fields of the JSON objects in first-seen order. */
  readonly columns: readonly string[];
  /** The encoding the file was read in (text handed over as text counts as UTF-8). */
  readonly encoding: TextEncoding;
  /** What the user should check although every row was read: a guessed encoding, repeated ids. */
  readonly warnings: readonly ImportWarning[];
}

/** Something to check about an import that concerns no single row. */
export interface ImportWarning {
  readonly code: 'encoding-latin1' | 'undecodable-text' | 'duplicate-ids';
  /** What to check, in words a marketer understands. */
  readonly message: string;
  /**
   * The facts of the message, for words in another language: the byte where bad text starts
   * (`undecodable-text`); the repeating rows, an example id, its line and its first line
   * (`duplicate-ids`).
   */
  readonly values: Readonly<Record<string, string | number>>;
}

function resolveMapping(
  mapping: string | ColumnMapping | undefined,
  kind: ImportKind,
): ColumnMapping {
  if (mapping === undefined) return {};
  const result =
    typeof mapping === 'string'
      ? parseColumnMapping(mapping, kind)
      : validateColumnMapping(mapping, kind);
  if (result.ok) return result.mapping;
  throw new ImportError(
    'bad-mapping',
    `The column mapping cannot be used: ${result.problems.map((p) => p.message).join('; ')}.`,
  );
}

interface Parser {
  push(text: string): void;
  end(): void;
}

/** Counts and converts the rows of one import, whatever the format. */
class RowCounter<T> {
  readonly problems: ProblemLog;
  readonly converter: RowConverter;
  rows = 0;
  imported = 0;
  columns: string[] = [];

  constructor(makeConverter: (sink: RowSink<T>) => RowConverter, options: ImportOptions<T>) {
    const problems = new ProblemLog(options.problemLimit ?? PROBLEM_DETAIL_LIMIT);
    this.problems = problems;
    this.converter = makeConverter({
      accept: (row, line) => {
        this.imported++;
        options.onRow(row, line);
      },
      reject: (line, code, reason, column, values) =>
        problems.add(line, code, reason, column, values),
    });
  }

  parser(format: ImportFormat): Parser {
    return format === 'csv' ? this.csvParser() : this.jsonParser(format);
  }

  private csvParser(): Parser {
    let row: CsvRow | undefined;
    const reader = new CsvRecordReader({
      record: (cells, line, endLine) => {
        if (row) {
          this.rows++;
          row(cells, line, endLine);
          return;
        }
        const header = readCsvHeader(cells);
        this.columns = header.names.filter((name) => name !== '');
        row = this.converter.csv(header);
      },
      broken: (line, reason, code) => {
        if (!row) {
          throw new ImportError(
            'bad-header',
            `The header row (line ${line}) cannot be read: ${reason}`,
          );
        }
        this.rows++;
        this.problems.add(line, code, reason);
      },
    });
    return {
      push: (text) => reader.push(text),
      end: () => {
        reader.end();
        if (!row) {
          throw new ImportError(
            'empty-file',
            'The file is empty: a CSV file needs a header row naming its columns.',
          );
        }
      },
    };
  }

  private jsonParser(format: 'json' | 'ndjson'): Parser {
    const fields = new Set<string>();
    let objects = 0;
    const handler: JsonValueHandler = {
      value: (value, line) => {
        this.rows++;
        if (!isRecord(value)) {
          this.problems.add(
            line,
            'not-an-object',
            `Expected an object ({ … }) but found ${describeJsonValue(value)}.`,
          );
          return;
        }
        objects++;
        for (const key of Object.keys(value)) fields.add(key);
        this.converter.json(value, line);
      },
      broken: (line, reason, code = 'bad-json') => {
        this.rows++;
        this.problems.add(line, code, reason);
      },
      outline: (line, reason) => this.problems.add(line, 'bad-json', reason),
    };
    const reader = format === 'json' ? new JsonElementReader(handler) : new NdjsonReader(handler);
    return {
      push: (text) => reader.push(text),
      end: () => {
        reader.end();
        this.columns = [...fields];
        // Without a header, a field no object has shows only now; it is the same mistake as a
        // missing column, and one error says more than a problem on every row.
        const never = objects > 0 ? this.converter.fieldsNeverSeen() : [];
        if (never.length > 0) {
          throw new ImportError(
            'missing-column',
            `No object has ${never.map(describeNeeded).join(' nor ')}, so nothing could be imported. The fields are ${listNames(this.columns)}; a column mapping can name the right one.`,
            { column: columnName(never[0]), columns: this.columns },
          );
        }
      },
    };
  }
}

/** Prefixes a file-level error with the file it concerns. */
function inFile(error: unknown, name: string | undefined): unknown {
  if (!(error instanceof ImportError) || name === undefined || error.details.file !== undefined) {
    return error;
  }
  return new ImportError(error.code, `${name}: ${error.message}`, { ...error.details, file: name });
}

function isBlank(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 0xfeff;
}

/**
 * Picks the parser once the format is known: from the option, the file extension, or else the
 * first non-blank character, which may take more than one chunk to arrive.
 */
class FormatGate {
  format: ImportFormat | undefined;
  parser: Parser | undefined;
  private waiting = '';

  constructor(
    format: ImportFormat | undefined,
    private readonly open: (format: ImportFormat) => Parser,
  ) {
    this.format = format;
  }

  push(text: string): void {
    if (this.parser) {
      this.parser.push(text);
      return;
    }
    const waiting = this.waiting + text;
    let i = 0;
    while (i < waiting.length && isBlank(waiting.charCodeAt(i))) i++;
    if (i === waiting.length) {
      this.waiting = waiting;
      return;
    }
    this.waiting = '';
    this.start(formatFromFirstCharacter(waiting.charAt(i))).push(waiting);
  }

  end(): ImportFormat {
    const parser = this.parser ?? this.start('csv');
    if (this.waiting !== '') parser.push(this.waiting);
    parser.end();
    return this.format ?? 'csv';
  }

  private start(sniffed: ImportFormat): Parser {
    this.format ??= sniffed;
    this.parser = this.open(this.format);
    return this.parser;
  }
}

/**
 * An Excel workbook as CSV text when the first chunk starts one (the rest of the file is read
 * here, up to `MAX_SPREADSHEET_BYTES`); undefined for text. Any other binary file (a picture, a
 * PDF) is refused with what it is.
 */
async function sheetFromStart(
  first: Uint8Array | string,
  chunks: AsyncIterator<Uint8Array | string>,
  name: string | undefined,
  sheet: string | number | undefined,
): Promise<{ text: string; bytes: number } | undefined> {
  const kind =
    typeof first === 'string'
      ? binaryKindOfText(first)
      : binaryKind(first.subarray(0, SIGNATURE_BYTES));
  if (kind === undefined) return undefined;
  if ((kind !== 'zip' && kind !== 'ole') || typeof first === 'string') {
    throw notDataError(kind, name);
  }
  const parts: Uint8Array[] = [first];
  let size = first.byteLength;
  for (;;) {
    let next: IteratorResult<Uint8Array | string>;
    try {
      next = await chunks.next();
    } catch (error) {
      throw unreadable(name, error);
    }
    if (next.done) break;
    const part = typeof next.value === 'string' ? new TextEncoder().encode(next.value) : next.value;
    size += part.byteLength;
    if (size > MAX_SPREADSHEET_BYTES) throw spreadsheetTooLarge(size, name);
    parts.push(part);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.byteLength;
  }
  const rows = await readSpreadsheet(bytes, {
    ...(name !== undefined && { name }),
    ...(sheet !== undefined && { sheet }),
  });
  return { text: sheetToCsv(rows), bytes: size };
}

/** Reads a source through to the end, sending each good row to `options.onRow`. */
export async function runImport<T>(
  kind: ImportKind,
  source: ImportSource,
  options: ImportOptions<T>,
  makeConverter: (mapping: ColumnMapping, sink: RowSink<T>) => RowConverter,
): Promise<ImportSummary> {
  const mapping = resolveMapping(options.mapping, kind);
  const opened = await openSource(source);
  const counter = new RowCounter<T>((sink) => makeConverter(mapping, sink), options);
  const gate = new FormatGate(
    options.format ?? (opened.name === undefined ? undefined : formatFromFileName(opened.name)),
    (format) => counter.parser(format),
  );
  // Finds the encoding from the file's start, decodes across chunk edges, drops a byte order mark.
  const decoder = new TextStreamDecoder();
  const chunks = opened.chunks[Symbol.asyncIterator]();
  let read = 0;
  let format: ImportFormat;
  try {
    for (;;) {
      let next: IteratorResult<Uint8Array | string>;
      try {
        next = await chunks.next();
      } catch (error) {
        throw unreadable(opened.name, error);
      }
      if (next.done) break;
      const chunk = next.value;
      if (read === 0) {
        const spreadsheet = await sheetFromStart(chunk, chunks, opened.name, options.sheet);
        if (spreadsheet !== undefined) {
          gate.format ??= 'csv';
          gate.push(spreadsheet.text);
          read = spreadsheet.bytes;
          options.onProgress?.(read, opened.total);
          break;
        }
      }
      if (typeof chunk === 'string') {
        gate.push(read === 0 && chunk.charCodeAt(0) === 0xfeff ? chunk.slice(1) : chunk);
        read += utf8Length(chunk);
      } else {
        gate.push(decoder.decode(chunk));
        read += chunk.byteLength;
      }
      options.onProgress?.(read, opened.total);
    }
    gate.push(decoder.end());
    format = gate.end();
  } catch (error) {
    throw inFile(error, opened.name);
  } finally {
    await chunks.return?.();
  }
  return {
    format,
    rows: counter.rows,
    imported: counter.imported,
    rejected: counter.rows - counter.imported,
    duplicateIds: 0,
    problems: counter.problems.details,
    problemValues: counter.problems.values,
    problemsTruncated: counter.problems.truncated,
    columns: counter.columns,
    encoding: decoder.encoding ?? 'utf-8',
    warnings: decoder.warnings,
  };
}
