import { ApiError, type ApiHandlers } from '../api/contract';
import type { Dataset, DatasetKind, ImportProblemView } from '../api/data-contract';
import type { JourneyEvent } from '../model/event';
import type { Profile } from '../model/profile';
import { generateEvents, generateProfiles } from '../simulator/sample-data';
import { ImportError, importFileValues } from '../import/import-problems';
import { importEvents, importProfiles, type ImportSummary } from '../import/importer';
import { formatFromFileName } from '../import/import-source';
import { datasetNotFound, importRefused } from './api-errors';
import type { EventHub } from './event-hub';
import type { DatasetStore } from './ports';

export type DataHandlers = Pick<
  ApiHandlers,
  | 'listDatasets'
  | 'previewDataset'
  | 'importDataset'
  | 'deleteDataset'
  | 'generateSampleData'
  | 'browseProfiles'
  | 'browseEvents'
>;

export interface DataContext {
  datasets: DatasetStore;
  events: EventHub;
  now: () => number;
  /** A new unique id (a UUID). */
  newId: () => string;
}

const PREVIEW_ROWS = 20;
const KEPT_PROBLEMS = 200;
const DAY = 86_400_000;

/** Column names that usually hold each event field, in exports from common tools. */
const EVENT_FIELD_GUESSES: Record<'profile_id' | 'name' | 'time', readonly string[]> = {
  profile_id: [
    'profile_id',
    'user_id',
    'userId',
    'customer_id',
    'contact_id',
    'person_id',
    'visitor_id',
    'distinct_id',
    'email',
  ],
  name: ['name', 'event', 'event_type', 'event_name', 'type', 'action'],
  time: ['time', 'timestamp', 'event_time', 'created_at', 'occurred_at', 'date', 'datetime'],
};

/** A mapping for event files whose columns are not called profile_id, name and time. */
export function suggestEventMapping(columns: readonly string[]): string | undefined {
  const lower = new Map(columns.map((c) => [c.toLowerCase(), c]));
  const pairs: string[] = [];
  for (const [target, guesses] of Object.entries(EVENT_FIELD_GUESSES)) {
    if (lower.has(target)) continue;
    const found = guesses.map((g) => lower.get(g.toLowerCase())).find((c) => c !== undefined);
    if (found) pairs.push(`${target}=${found}`);
  }
  return pairs.length ? pairs.join(',') : undefined;
}

function problemsOf(summary: ImportSummary): ImportProblemView[] {
  return summary.problems.slice(0, KEPT_PROBLEMS).map((p, i) => {
    const values = summary.problemValues[i];
    return {
      line: p.line,
      code: p.code,
      reason: p.reason,
      ...(p.column !== undefined && { column: p.column }),
      ...(values !== undefined && { values }),
    };
  });
}

/** The file's head, cut at its last complete line (the caller may have cut mid-row). */
function completeLines(text: string): string {
  const end = text.lastIndexOf('\n');
  return end === -1 || end === text.length - 1 ? text : text.slice(0, end + 1);
}

function refuseImport(error: unknown, file: string): never {
  if (error instanceof ImportError) {
    throw importRefused(error, file, error.code === 'bad-mapping' ? 'mapping' : 'text');
  }
  throw error;
}

async function readAll(
  kind: DatasetKind,
  source: { text: string; name: string },
  mapping: string | undefined,
  onProgress?: (read: number, total?: number) => void,
): Promise<{ summary: ImportSummary; profiles: Profile[]; events: JourneyEvent[] }> {
  const profiles = new Map<string, Profile>();
  const events: JourneyEvent[] = [];
  try {
    const summary =
      kind === 'profiles'
        ? await importProfiles(source, {
            mapping,
            onProgress,
            onRow: (profile) => {
              const earlier = profiles.get(profile.id);
              profiles.set(
                profile.id,
                earlier
                  ? { id: profile.id, attributes: { ...earlier.attributes, ...profile.attributes } }
                  : profile,
              );
            },
          })
        : await importEvents(source, { mapping, onProgress, onRow: (event) => events.push(event) });
    return { summary, profiles: [...profiles.values()], events };
  } catch (error) {
    return refuseImport(error, source.name);
  }
}

export function dataHandlers({ datasets, events, now, newId }: DataContext): DataHandlers {
  const known = (id: string): Dataset => {
    const dataset = datasets.get(id);
    if (!dataset) throw datasetNotFound(id, 'datasetId');
    return dataset;
  };
  return {
    listDatasets: () => Promise.resolve(datasets.list()),

    async previewDataset({ kind, fileName, text, mapping }) {
      const source = { text: completeLines(text), name: fileName };
      const rows: Record<string, unknown>[] = [];
      const keep = (row: Record<string, unknown>) => {
        if (rows.length < PREVIEW_ROWS) rows.push(row);
      };
      try {
        const summary =
          kind === 'profiles'
            ? await importProfiles(source, { mapping, onRow: (p) => keep(p.attributes) })
            : await importEvents(source, {
                mapping,
                onRow: (e) =>
                  keep({
                    profile_id: e.profileId,
                    name: e.name,
                    time: new Date(e.time).toISOString(),
                    ...e.properties,
                  }),
              });
        return {
          format: summary.format,
          columns: [...summary.columns],
          rows,
          problems: problemsOf(summary).slice(0, PREVIEW_ROWS),
          ...(kind === 'events' &&
            !mapping && { suggestedMapping: suggestEventMapping(summary.columns) }),
        };
      } catch (error) {
        if (!(error instanceof ImportError)) throw error;
        // The file cannot be read as it is; say why, and suggest a mapping where one would help.
        const columns = error.details.columns ?? [];
        const suggestedMapping = kind === 'events' ? suggestEventMapping(columns) : undefined;
        return {
          format: formatFromFileName(fileName) ?? 'csv',
          columns: [...columns],
          rows: [],
          problems: [
            {
              line: 1,
              code: error.code,
              reason: error.message,
              ...(error.details.column && { column: error.details.column }),
              // The facts of the file's problem, for the app to word it as the import's refusal.
              values: importFileValues(error, fileName),
            },
          ],
          ...(suggestedMapping && { suggestedMapping }),
        };
      }
    },

    async importDataset({ kind, name, fileName, text, mapping, importId }) {
      let lastShare = -1;
      const progress = importId
        ? (read: number, total?: number) => {
            const share = total ? Math.floor((read / total) * 20) : -1;
            if (share === lastShare) return;
            lastShare = share;
            events.emit('importProgress', { importId, read, total: total ?? read });
          }
        : undefined;
      const {
        summary,
        profiles,
        events: rows,
      } = await readAll(kind, { text, name: fileName }, mapping, progress);
      if (summary.imported === 0) {
        const first = summary.problems[0];
        throw new ApiError(
          'invalid-request',
          `No row of ${fileName} could be read${first ? ` (line ${first.line}: ${first.reason})` : ' (the file has no rows)'}; nothing was imported.`,
          'text',
          { reason: 'nothing-imported', values: { file: fileName, line: first?.line ?? 0 } },
        );
      }
      const meta = {
        id: `ds-${newId()}`,
        kind,
        name,
        fileName,
        source: 'import' as const,
        columns: [...summary.columns],
        ...(mapping && { mapping }),
        importedAt: now(),
        rejected: summary.rejected,
        problems: problemsOf(summary),
        problemsTruncated: summary.problemsTruncated || summary.problems.length > KEPT_PROBLEMS,
      };
      const dataset =
        kind === 'profiles' ? datasets.addProfiles(meta, profiles) : datasets.addEvents(meta, rows);
      return {
        dataset,
        problems: meta.problems,
        problemsTruncated: meta.problemsTruncated,
        warnings: [...summary.warnings],
      };
    },

    deleteDataset({ id }) {
      known(id);
      datasets.delete(id);
      return Promise.resolve({ deleted: true as const });
    },

    generateSampleData({ count, days, seed, start, name, names, datasetNames }) {
      const from = Date.parse(start);
      const profiles = generateProfiles({ count, seed, asOf: from, ...(names && { names }) });
      const behaviour = generateEvents(profiles, { seed, start: from, days });
      const label = name ?? `Sample customers (${count.toLocaleString('en')}, seed ${seed})`;
      const base = {
        source: 'generated' as const,
        importedAt: now(),
        rejected: 0,
        problems: [],
        problemsTruncated: false,
      };
      const columns = [...new Set(profiles.flatMap((p) => Object.keys(p.attributes)))];
      const profileSet = datasets.addProfiles(
        {
          ...base,
          id: `ds-${newId()}`,
          kind: 'profiles',
          name: datasetNames?.profiles ?? `${label} – profiles`,
          columns,
        },
        profiles,
      );
      const eventColumns = [
        'profile_id',
        'name',
        'time',
        ...new Set(behaviour.flatMap((e) => Object.keys(e.properties))),
      ];
      const eventSet = datasets.addEvents(
        {
          ...base,
          id: `ds-${newId()}`,
          kind: 'events',
          name: datasetNames?.events ?? `${label} – ${days} days of events`,
          columns: eventColumns,
        },
        behaviour.filter((e) => e.time < from + days * DAY),
      );
      return Promise.resolve({ profiles: profileSet, events: eventSet });
    },

    browseProfiles({ datasetId, query, offset, limit }) {
      known(datasetId);
      return Promise.resolve(datasets.browseProfiles(datasetId, query || undefined, offset, limit));
    },

    browseEvents({ datasetId, profileId, query, offset, limit }) {
      known(datasetId);
      const page = datasets.browseEvents(
        datasetId,
        { profileId, query: query || undefined },
        offset,
        limit,
      );
      return Promise.resolve({
        total: page.total,
        rows: page.rows.map((e) => ({
          profileId: e.profileId,
          name: e.name,
          time: new Date(e.time).toISOString(),
          properties: { ...e.properties },
          ...(e.anonymousId !== undefined && { anonymousId: e.anonymousId }),
        })),
        ...(page.alsoKnownAs && { alsoKnownAs: page.alsoKnownAs }),
      });
    },
  };
}
