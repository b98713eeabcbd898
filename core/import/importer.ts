import type { JourneyEvent } from '../model/event';
import type { Profile } from '../model/profile';
import { EventRows } from './event-rows';
import type { ImportSource } from './import-source';
import { runImport, type ImportOptions, type ImportSummary } from './import-run';
import { ProfileRows } from './profile-rows';

// The types in this module's signatures, so one import serves a caller.
export type { ImportFormat, ImportSource } from './import-source';
export type { ImportOptions, ImportSummary } from './import-run';

/**
 * Imports profiles from CSV, JSON or NDJSON, sending each good row to `onRow` as it is read, so
 * a file of any size passes through. `id` is required (else Segment's `userId`, or the column
 * the mapping names); every column is an attribute. Bad rows are counted and described in the
 * summary, never fatal; a problem with the file as a whole (unreadable, a missing column, a bad
 * mapping) rejects with an `ImportError`. A row whose id an earlier row had updates that
 * profile: merge its attributes over the earlier ones (as `loadProfiles` does).
 *
 * @example
 * const summary = await importProfiles(fileSource('profiles.csv'), {
 *   onRow: (profile) => store.put(profile),
 * });
 */
export async function importProfiles(
  source: ImportSource,
  options: ImportOptions<Profile>,
): Promise<ImportSummary> {
  // The line each id was first seen on; the first repeat is named in the warning.
  const firstLines = new Map<string, number>();
  let duplicateIds = 0;
  let example: { id: string; line: number; first: number } | undefined;
  const summary = await runImport<Profile>(
    'profiles',
    source,
    {
      ...options,
      onRow(profile, line) {
        const first = firstLines.get(profile.id);
        if (first === undefined) firstLines.set(profile.id, line);
        else {
          duplicateIds++;
          example ??= { id: profile.id, line, first };
        }
        options.onRow(profile, line);
      },
    },
    (mapping, sink) => new ProfileRows(mapping, sink),
  );
  const warnings = example
    ? [
        ...summary.warnings,
        {
          code: 'duplicate-ids' as const,
          message: `${plural(duplicateIds, 'row repeats', 'rows repeat')} a profile id an earlier row has (first: ${JSON.stringify(example.id)} on line ${example.line}, first on line ${example.first}). Each later row updated that profile.`,
          values: {
            rows: duplicateIds,
            id: example.id,
            line: example.line,
            firstLine: example.first,
          },
        },
      ]
    : summary.warnings;
  return { ...summary, duplicateIds, warnings };
}

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/**
 * Imports events from CSV, JSON or NDJSON, sending each good row to `onRow` as it is read. Each
 * event needs a profile id, a name and a time (ISO 8601, `YYYY-MM-DD HH:MM:SS UTC` or epoch
 * milliseconds); every other column is a property. Without a mapping, Segment's `userId`,
 * `event`, `timestamp` and `properties` are understood.
 *
 * @example
 * await importEvents(fileSource('rees46.csv'), {
 *   mapping: 'profile_id=user_id,name=event_type,time=event_time',
 *   onRow: (event) => simulator.add(event),
 * });
 */
export function importEvents(
  source: ImportSource,
  options: ImportOptions<JourneyEvent>,
): Promise<ImportSummary> {
  return runImport('events', source, options, (mapping, sink) => new EventRows(mapping, sink));
}

export type LoadOptions = Omit<ImportOptions<unknown>, 'onRow'>;

/**
 * Reads all profiles into memory, for small files and tests. Rows sharing an id are merged, later
 * attributes over earlier ones, in the order the ids first appear.
 */
export async function loadProfiles(
  source: ImportSource,
  options: LoadOptions = {},
): Promise<{ profiles: Profile[]; summary: ImportSummary }> {
  const byId = new Map<string, Profile>();
  const summary = await importProfiles(source, {
    ...options,
    onRow: (profile) => {
      const earlier = byId.get(profile.id);
      byId.set(
        profile.id,
        earlier
          ? { id: profile.id, attributes: { ...earlier.attributes, ...profile.attributes } }
          : profile,
      );
    },
  });
  return { profiles: [...byId.values()], summary };
}

/** Reads all events into memory, in file order, for small files and tests. */
export async function loadEvents(
  source: ImportSource,
  options: LoadOptions = {},
): Promise<{ events: JourneyEvent[]; summary: ImportSummary }> {
  const events: JourneyEvent[] = [];
  const summary = await importEvents(source, {
    ...options,
    onRow: (event) => events.push(event),
  });
  return { events, summary };
}
