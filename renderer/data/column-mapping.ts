import type { DatasetKind } from '../../core/api/data-contract';

/** A field the importer needs, and what a marketer calls it. */
export interface MappedField {
  target: string;
  label: string;
  help: string;
  /** Column names read for it when nothing is mapped, as the importer does. */
  defaults: readonly string[];
}

export const MAPPED_FIELDS: Record<DatasetKind, readonly MappedField[]> = {
  events: [
    {
      target: 'profile_id',
      label: 'Profile id',
      help: 'Who performed the event',
      defaults: ['profile_id', 'userId'],
    },
    { target: 'name', label: 'Event name', help: 'What they did', defaults: ['name', 'event'] },
    { target: 'time', label: 'Time', help: 'When they did it', defaults: ['time', 'timestamp'] },
  ],
  profiles: [
    { target: 'id', label: 'Profile id', help: 'One per customer', defaults: ['id', 'userId'] },
  ],
};

/** Target → chosen column; `''` leaves the field to the importer's defaults. */
export type MappingChoice = Record<string, string>;

/** Reads `profile_id=user_id,name=event_type` into target → column. */
export function parseMapping(text: string | undefined): MappingChoice {
  const choice: MappingChoice = {};
  for (const entry of (text ?? '').split(',')) {
    const eq = entry.indexOf('=');
    if (eq <= 0) continue;
    const target = entry.slice(0, eq).trim();
    const source = entry.slice(eq + 1).trim();
    if (target && source) choice[target] = source;
  }
  return choice;
}

/**
 * The mapping text the importer reads, or undefined when no field needs one. A field mapped to a
 * column of its own name is left out: that is what the importer reads anyway.
 */
export function mappingText(kind: DatasetKind, choice: MappingChoice): string | undefined {
  const pairs = MAPPED_FIELDS[kind]
    .map((f) => [f.target, choice[f.target] ?? ''] as const)
    .filter(([target, column]) => column !== '' && column !== target)
    .map(([target, column]) => `${target}=${column}`);
  return pairs.length ? pairs.join(',') : undefined;
}

/**
 * The mapping a preview starts from: the suggestion for exports like REES46, else each field's
 * column by its usual name, else nothing chosen.
 */
export function initialMapping(
  kind: DatasetKind,
  columns: readonly string[],
  suggested: string | undefined,
): MappingChoice {
  const fromSuggestion = parseMapping(suggested);
  const choice: MappingChoice = {};
  for (const field of MAPPED_FIELDS[kind]) {
    const suggestion = fromSuggestion[field.target];
    choice[field.target] =
      suggestion !== undefined && columns.includes(suggestion)
        ? suggestion
        : (field.defaults.find((name) => columns.includes(name)) ?? '');
  }
  return choice;
}

/** Fields with no column chosen and none of the usual names in the file. */
export function unmappedFields(
  kind: DatasetKind,
  columns: readonly string[],
  choice: MappingChoice,
): MappedField[] {
  return MAPPED_FIELDS[kind].filter(
    (f) => !choice[f.target] && !f.defaults.some((name) => columns.includes(name)),
  );
}

/** A data set's name from its file: `rees46-october.csv` → `rees46 october`. */
export function nameFromFile(fileName: string): string {
  const base = fileName
    .replace(/\.(csv|json|ndjson|jsonl)$/i, '')
    .replace(/[-_]+/g, ' ')
    .trim();
  return base || fileName;
}

export type ColumnType = 'number' | 'text' | 'yes/no' | 'time' | 'mixed' | 'empty';

/** A column of the preview table: the field read, the file's column it came from, its type. */
export interface PreviewColumn {
  key: string;
  /** The file's column, when the field was mapped from one of another name. */
  from?: string;
  /** How the importer typed the column's values in these rows. */
  type: ColumnType;
}

function columnType(
  kind: DatasetKind,
  key: string,
  rows: readonly Record<string, unknown>[],
): ColumnType {
  if (kind === 'events' && key === 'time') return 'time';
  const types = new Set<ColumnType>();
  for (const row of rows) {
    const value = row[key];
    if (value === undefined || value === null || value === '') continue;
    types.add(
      typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'yes/no' : 'text',
    );
  }
  if (types.size === 0) return 'empty';
  return types.size === 1 ? ([...types][0] ?? 'text') : 'mixed';
}

/**
 * The columns of the typed preview: the fields the importer reads first (as mapped), then every
 * other column in the order the rows give them.
 */
export function previewColumns(
  kind: DatasetKind,
  rows: readonly Record<string, unknown>[],
  choice: MappingChoice,
): PreviewColumn[] {
  const fields = MAPPED_FIELDS[kind].map((f) => f.target);
  const keys = new Set<string>(fields.filter((f) => rows.some((r) => f in r)));
  for (const row of rows) for (const key of Object.keys(row)) keys.add(key);
  return [...keys].map((key) => {
    const from = choice[key];
    const type = columnType(kind, key, rows);
    return from && from !== key ? { key, from, type } : { key, type };
  });
}

/** A typed cell as the tables print it; times read as the importer understood them. */
export function cellText(
  value: unknown,
  type?: ColumnType,
): { text: string; kind: 'text' | 'number' | 'boolean' | 'empty' } {
  if (value === undefined || value === null || value === '') return { text: '—', kind: 'empty' };
  if (type === 'time' && typeof value === 'string' && /^\d{4}-\d\d-\d\dT/.test(value))
    return { text: `${value.slice(0, 10)} ${value.slice(11, 19)} UTC`, kind: 'text' };
  if (typeof value === 'number') return { text: String(value), kind: 'number' };
  if (typeof value === 'boolean') return { text: String(value), kind: 'boolean' };
  if (typeof value === 'string') return { text: value, kind: 'text' };
  return { text: JSON.stringify(value), kind: 'text' };
}
