export type ImportKind = 'profiles' | 'events';

/** Target name → source column, e.g. `{ profile_id: 'user_id' }`. */
export type ColumnMapping = Readonly<Record<string, string>>;

/**
 * The targets an event mapping may set; every other event column is a property. `anonymous_id`
 * is optional: a row with only an anonymous id is the event of an anonymous profile, and a row
 * with both merges that profile into the known one (DESIGN §8).
 */
export const EVENT_TARGETS = ['profile_id', 'name', 'time', 'anonymous_id'] as const;

export type MappingProblemCode =
  'malformed-entry' | 'empty-target' | 'empty-source' | 'unknown-target' | 'duplicate-target';

export interface MappingProblem {
  readonly code: MappingProblemCode;
  /** The entry as written, e.g. `name=`. */
  readonly entry: string;
  readonly message: string;
}

export type MappingResult =
  | { readonly ok: true; readonly mapping: ColumnMapping }
  | { readonly ok: false; readonly problems: readonly MappingProblem[] };

function targetProblem(kind: ImportKind, target: string): string | undefined {
  if (kind === 'events') {
    if ((EVENT_TARGETS as readonly string[]).includes(target)) return undefined;
    return `"${target}" is not something an event mapping sets; use profile_id, name, time or anonymous_id (other columns become event properties under their own names)`;
  }
  // Any attribute may be renamed, but profile_id is the classic slip of reusing an event mapping.
  if (target === 'profile_id') {
    return '"profile_id" belongs to event mappings; a profile mapping names the id column with id=<column>';
  }
  return undefined;
}

/**
 * Reads a column mapping written as `target=source` pairs separated by commas, e.g.
 * `profile_id=user_id,name=event_type,time=event_time`. Spaces around names are ignored, as is a
 * trailing comma. A source may feed several targets (`id=email,email=email` keys profiles by
 * their address and keeps the address). Column names containing `,` or `=` cannot be written.
 *
 * @example parseColumnMapping('profile_id=user_id,name=event_type,time=event_time', 'events')
 */
export function parseColumnMapping(text: string, kind: ImportKind): MappingResult {
  const pairs: [string, string, string][] = [];
  const problems: MappingProblem[] = [];
  for (const raw of text.split(',')) {
    const entry = raw.trim();
    if (entry === '') continue;
    const eq = entry.indexOf('=');
    if (eq === -1) {
      problems.push({
        code: 'malformed-entry',
        entry,
        message: `"${entry}" is not target=source (for example name=event_type)`,
      });
      continue;
    }
    pairs.push([entry.slice(0, eq).trim(), entry.slice(eq + 1).trim(), entry]);
  }
  const checked = checkColumnMapping(pairs, kind);
  const all = [...problems, ...(checked.ok ? [] : checked.problems)];
  return all.length === 0 && checked.ok ? checked : { ok: false, problems: all };
}

/** Checks a mapping given as an object, with the same rules as the text form. */
export function validateColumnMapping(mapping: ColumnMapping, kind: ImportKind): MappingResult {
  return checkColumnMapping(
    Object.entries(mapping).map(([target, source]) => [target, source, `${target}=${source}`]),
    kind,
  );
}

function checkColumnMapping(
  pairs: readonly (readonly [string, string, string])[],
  kind: ImportKind,
): MappingResult {
  const mapping: Record<string, string> = {};
  const problems: MappingProblem[] = [];
  for (const [rawTarget, rawSource, entry] of pairs) {
    const target = rawTarget.trim();
    const source = rawSource.trim();
    if (target === '') {
      problems.push({ code: 'empty-target', entry, message: `"${entry}" names no target` });
      continue;
    }
    if (source === '') {
      problems.push({
        code: 'empty-source',
        entry,
        message: `"${entry}" names no source column for ${target}`,
      });
      continue;
    }
    const unknown = targetProblem(kind, target);
    if (unknown) {
      problems.push({ code: 'unknown-target', entry, message: unknown });
      continue;
    }
    if (Object.hasOwn(mapping, target)) {
      problems.push({
        code: 'duplicate-target',
        entry,
        message: `${target} is mapped twice ("${mapping[target]}" and "${source}")`,
      });
      continue;
    }
    mapping[target] = source;
  }
  return problems.length === 0 ? { ok: true, mapping } : { ok: false, problems };
}
