import type { NeededColumn } from './csv-header';
import type { RowProblemCode, RowProblemValues } from './import-problems';

/** Where a row converter sends each row: a good one, or a reason to leave it out. */
export interface RowSink<T> {
  accept(row: T, line: number): void;
  reject(
    line: number,
    code: RowProblemCode,
    reason: string,
    column?: string,
    values?: RowProblemValues,
  ): void;
}

/** Converts one CSV record, already split into cells in header order. */
export type CsvRow = (cells: readonly string[], line: number, endLine: number) => void;

/** Converts rows of one kind, from CSV (after the header) or from JSON objects. */
export interface RowConverter {
  /** Plans the columns from the header; throws an ImportError when a needed column is missing. */
  csv(header: CsvHeader): CsvRow;
  json(object: Readonly<Record<string, unknown>>, line: number): void;
  /**
   * For JSON, where there is no header: the required fields no object had at all (each with
   * the names it may have). Empty when each was seen at least once.
   */
  fieldsNeverSeen(): NeededColumn[];
}

export interface CsvHeader {
  /** Column names as written, trimmed; an empty name marks a column that is ignored. */
  readonly names: readonly string[];
  has(name: string): boolean;
  indexOf(name: string): number;
}
