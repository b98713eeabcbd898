import { idTextProblem } from '../model/id-text';
import { ImportError, listNames } from './import-problems';
import type { CsvHeader, RowSink } from './row-sink';

/**
 * Reads the header record. Names are trimmed (spreadsheets often write `id, email`); columns
 * without a name are ignored; a name written twice is an error, since either column could be
 * the one meant.
 */
export function readCsvHeader(cells: readonly string[]): CsvHeader {
  const names = cells.map((cell) => cell.trim());
  const index = new Map<string, number>();
  names.forEach((name, i) => {
    if (name === '') return;
    const earlier = index.get(name);
    if (earlier !== undefined) {
      throw new ImportError(
        'duplicate-column',
        `The column "${name}" appears twice in the header (columns ${earlier + 1} and ${i + 1}). Rename one of them.`,
        { column: name, columns: names.filter((n) => n !== '') },
      );
    }
    index.set(name, i);
  });
  return {
    names,
    has: (name) => index.has(name),
    indexOf: (name) => index.get(name) ?? -1,
  };
}

export interface NeededColumn {
  /** What the column is for: `profile_id`, `id`, `email`… */
  readonly target: string;
  /** The column named by the mapping, if any. */
  readonly mapped?: string;
  /** Without a mapping, the names accepted in order (`profile_id`, then `userId`). */
  readonly candidates: readonly string[];
}

/** `"user_id" (mapped to profile_id)` or `"profile_id" (or "userId")`. */
export function describeNeeded(needed: NeededColumn): string {
  if (needed.mapped !== undefined) {
    return needed.mapped === needed.target
      ? `"${needed.mapped}"`
      : `"${needed.mapped}" (mapped to ${needed.target})`;
  }
  const [first, ...others] = needed.candidates;
  return others.length === 0
    ? `"${first}"`
    : `"${first}" (or ${others.map((o) => `"${o}"`).join(', ')})`;
}

/** The name a needed column goes by in an error: the mapped one, else its first candidate. */
export function columnName(needed: NeededColumn | undefined): string {
  return needed?.mapped ?? needed?.candidates[0] ?? '';
}

/**
 * Finds the column for each need, or throws one error naming every missing column and the
 * columns the file does have.
 */
export function resolveColumns(header: CsvHeader, needs: readonly NeededColumn[]): string[] {
  const found: string[] = [];
  const missing: NeededColumn[] = [];
  for (const need of needs) {
    const name = need.mapped ?? need.candidates.find((c) => header.has(c));
    if (name !== undefined && header.has(name)) found.push(name);
    else missing.push(need);
  }
  if (missing.length === 0) return found;
  const columns = header.names.filter((n) => n !== '');
  const what = missing.map(describeNeeded);
  const hints: string[] = [];
  for (const need of missing) {
    const wanted = need.mapped ?? need.candidates[0] ?? need.target;
    const near = columns.find((c) => c.toLowerCase() === wanted.toLowerCase());
    if (near !== undefined) hints.push(`Did you mean "${near}"?`);
    else if (need.mapped === undefined) {
      hints.push(`Map a column to it with ${need.target}=<column>.`);
    }
  }
  const plural = missing.length > 1;
  throw new ImportError(
    'missing-column',
    [
      `The ${plural ? 'columns' : 'column'} ${what.join(' and ')} ${plural ? 'are' : 'is'} not in the file.`,
      `Its columns are ${columns.length > 0 ? listNames(columns) : '(none)'}.`,
      ...hints,
    ].join(' '),
    { column: columnName(missing[0]), columns },
  );
}

function values(count: number): string {
  return count === 1 ? '1 value' : `${count} values`;
}

/**
 * Why a record does not fit the header, or undefined when it does. Extra cells that are all
 * empty are fine: spreadsheets pad rows with trailing commas.
 */
export function rowLengthProblem(
  cells: readonly string[],
  width: number,
  line: number,
  endLine: number,
): string | undefined {
  if (cells.length === width) return undefined;
  if (cells.length > width && cells.slice(width).every((cell) => cell === '')) return undefined;
  const span =
    endLine > line
      ? ` It runs from line ${line} to line ${endLine}: a quote may not be closed where it should be.`
      : '';
  return `This row has ${values(cells.length)} but the header has ${width} columns.${span}`;
}

/**
 * The profile id of a CSV record, or undefined once the record is rejected: a row of the wrong
 * length (`bad-row-length`), an empty id (`missing-id`, naming the column it comes from), or an
 * id with a hidden character (`bad-id`).
 */
export function recordProfileId(
  cells: readonly string[],
  width: number,
  idIndex: number,
  idSource: string,
  line: number,
  endLine: number,
  sink: Pick<RowSink<unknown>, 'reject'>,
): string | undefined {
  const wrongLength = rowLengthProblem(cells, width, line, endLine);
  if (wrongLength !== undefined) {
    sink.reject(line, 'bad-row-length', wrongLength, undefined, {
      cells: cells.length,
      columns: width,
      ...(endLine > line && { endLine }),
    });
    return undefined;
  }
  const id = (cells[idIndex] as string).trim();
  if (id === '') {
    sink.reject(line, 'missing-id', `No profile id: the "${idSource}" column is empty.`, idSource);
    return undefined;
  }
  return usableProfileId(id, idSource, line, sink);
}

/**
 * The id, or undefined once its row is rejected for a hidden character (`bad-id`): a control,
 * direction or zero-width character would make the profile look like another one.
 */
export function usableProfileId(
  id: string,
  idSource: string,
  line: number,
  sink: Pick<RowSink<unknown>, 'reject'>,
): string | undefined {
  const problem = idTextProblem(id, 'The profile id');
  if (problem === undefined) return id;
  sink.reject(line, 'bad-id', problem, idSource);
  return undefined;
}
