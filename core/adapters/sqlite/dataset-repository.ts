import type { Dataset, DatasetKind } from '../../api/data-contract';
import type { JourneyEvent } from '../../model/event';
import type { Profile } from '../../model/profile';
import type { DatasetStore, NewDataset } from '../../app/ports';
import { MAX_MERGED_IDS } from '../../runtime/profile-merge';
import type { Db } from './database';

interface DatasetRow {
  id: string;
  kind: DatasetKind;
  name: string;
  file_name: string | null;
  source: 'import' | 'generated';
  rows: number;
  rejected: number;
  columns: string;
  mapping: string | null;
  imported_at: number;
  profiles: number;
  first_event: number | null;
  last_event: number | null;
  event_names: string | null;
  problems: string;
  problems_truncated: number;
}

function toDataset(row: DatasetRow): Dataset {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    ...(row.file_name !== null && { fileName: row.file_name }),
    source: row.source,
    rows: row.rows,
    rejected: row.rejected,
    columns: JSON.parse(row.columns) as string[],
    ...(row.mapping !== null && { mapping: row.mapping }),
    importedAt: new Date(row.imported_at).toISOString(),
    profiles: row.profiles,
    ...(row.first_event !== null && { firstEvent: new Date(row.first_event).toISOString() }),
    ...(row.last_event !== null && { lastEvent: new Date(row.last_event).toISOString() }),
    ...(row.event_names !== null && {
      eventNames: JSON.parse(row.event_names) as Record<string, number>,
    }),
  };
}

/** `%` and `_` are wildcards in LIKE; a search for them must find them literally. */
function likePattern(query: string): string {
  return `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Lower case in SQL for letters beyond ASCII, which SQLite's own LIKE and lower() leave as they are. */
const FOLD_FUNCTION = 'journey_fold_case';

/**
 * A search of any of `columns` for `query`, case ignored. SQLite's LIKE ignores case for ASCII
 * letters only: "örebro" would not find "Örebro". There a query with other letters compares both
 * sides lower-cased by a function of ours; an ASCII one keeps SQLite's own, faster LIKE.
 * PostgreSQL's LIKE minds case, and its lower() folds letters beyond ASCII only in a database
 * and column with a UTF-8 locale (ours are "C"): there the capitals of Latin-1 (Å, Ä, Ö, Æ, Ø, É,
 * Ü, …) are turned to small letters by translate() before lower() folds A–Z, whatever the locale.
 */
const LATIN_CAPITALS = 'ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞ';
const POSTGRES_FOLD = (column: string) =>
  `lower(translate(${column}, '${LATIN_CAPITALS}', '${LATIN_CAPITALS.toLowerCase()}'))`;

function searchOf(
  columns: readonly string[],
  query: string,
  postgres: boolean,
): { sql: string; params: string[] } {
  // eslint-disable-next-line no-control-regex
  const ascii = /^[\x00-\x7f]*$/.test(query);
  const pattern = likePattern(ascii && !postgres ? query : query.toLowerCase());
  const side = (column: string) =>
    postgres ? POSTGRES_FOLD(column) : ascii ? column : `${FOLD_FUNCTION}(${column})`;
  return {
    sql: `(${columns.map((c) => `${side(c)} LIKE ? ESCAPE '\\'`).join(' OR ')})`,
    params: columns.map(() => pattern),
  };
}

/**
 * Sample data sets. A data set is written whole in one transaction and never changed after:
 * a half-imported file never shows up, and a simulation run can always be repeated.
 */
export class DatasetRepository implements DatasetStore {
  /** On PostgreSQL (core/adapters/postgres/pg-database.ts), which has no functions of ours. */
  private readonly postgres: boolean;

  constructor(private readonly db: Db) {
    this.postgres = (db as { dialect?: string }).dialect === 'postgres';
    if (!this.postgres)
      db.function(FOLD_FUNCTION, { deterministic: true }, (value: unknown) =>
        typeof value === 'string' ? value.toLowerCase() : value,
      );
  }

  list(): Dataset[] {
    const rows = this.db
      .prepare('SELECT * FROM datasets ORDER BY imported_at DESC, id')
      .all() as DatasetRow[];
    return rows.map(toDataset);
  }

  get(id: string): Dataset | undefined {
    const row = this.db.prepare('SELECT * FROM datasets WHERE id = ?').get(id) as
      DatasetRow | undefined;
    return row && toDataset(row);
  }

  exists(id: string): boolean {
    return this.db.prepare('SELECT 1 FROM datasets WHERE id = ?').get(id) !== undefined;
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM datasets WHERE id = ?').run(id).changes > 0;
  }

  private insertHeader(
    meta: NewDataset,
    counts: {
      rows: number;
      profiles: number;
      first?: number;
      last?: number;
      names?: Record<string, number>;
    },
  ): void {
    this.db
      .prepare(
        `INSERT INTO datasets (id, kind, name, file_name, source, rows, rejected, columns, mapping, imported_at, profiles,
           first_event, last_event, event_names, problems, problems_truncated)
         VALUES (@id, @kind, @name, @fileName, @source, @rows, @rejected, @columns, @mapping, @importedAt, @profiles,
           @first, @last, @names, @problems, @truncated)`,
      )
      .run({
        id: meta.id,
        kind: meta.kind,
        name: meta.name,
        fileName: meta.fileName ?? null,
        source: meta.source,
        rows: counts.rows,
        rejected: meta.rejected,
        columns: JSON.stringify(meta.columns),
        mapping: meta.mapping ?? null,
        importedAt: meta.importedAt,
        profiles: counts.profiles,
        first: counts.first ?? null,
        last: counts.last ?? null,
        names: counts.names ? JSON.stringify(counts.names) : null,
        problems: JSON.stringify(meta.problems),
        truncated: meta.problemsTruncated ? 1 : 0,
      });
  }

  /** Stores profiles (ids unique, in file order) as one data set. */
  addProfiles(meta: NewDataset, profiles: readonly Profile[]): Dataset {
    this.db.transaction(() => {
      this.insertHeader(meta, { rows: profiles.length, profiles: profiles.length });
      const insert = this.db.prepare(
        'INSERT INTO dataset_profiles (dataset_id, profile_id, position, attributes) VALUES (?, ?, ?, ?)',
      );
      profiles.forEach((p, i) => insert.run(meta.id, p.id, i, JSON.stringify(p.attributes)));
    })();
    return this.get(meta.id) as Dataset;
  }

  /** Stores events, in file order, as one data set. */
  addEvents(meta: NewDataset, events: readonly JourneyEvent[]): Dataset {
    const names: Record<string, number> = {};
    const profiles = new Set<string>();
    let first: number | undefined;
    let last: number | undefined;
    for (const e of events) {
      names[e.name] = (names[e.name] ?? 0) + 1;
      profiles.add(e.profileId);
      if (first === undefined || e.time < first) first = e.time;
      if (last === undefined || e.time > last) last = e.time;
    }
    this.db.transaction(() => {
      this.insertHeader(meta, { rows: events.length, profiles: profiles.size, first, last, names });
      const insert = this.db.prepare(
        `INSERT INTO dataset_events (dataset_id, seq, profile_id, name, time, properties, anonymous_id)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      );
      events.forEach((e, i) =>
        insert.run(
          meta.id,
          i,
          e.profileId,
          e.name,
          e.time,
          JSON.stringify(e.properties),
          e.anonymousId ?? null,
        ),
      );
    })();
    return this.get(meta.id) as Dataset;
  }

  profiles(datasetId: string): Profile[] {
    const rows = this.db
      .prepare(
        'SELECT profile_id, attributes FROM dataset_profiles WHERE dataset_id = ? ORDER BY position',
      )
      .all(datasetId) as { profile_id: string; attributes: string }[];
    return rows.map((r) => ({
      id: r.profile_id,
      attributes: JSON.parse(r.attributes) as Record<string, unknown>,
    }));
  }

  profile(datasetId: string, profileId: string): Profile | undefined {
    const row = this.db
      .prepare('SELECT attributes FROM dataset_profiles WHERE dataset_id = ? AND profile_id = ?')
      .get(datasetId, profileId) as { attributes: string } | undefined;
    return (
      row && { id: profileId, attributes: JSON.parse(row.attributes) as Record<string, unknown> }
    );
  }

  /** Events in file order; of one profile when `profileId` is given. */
  events(datasetId: string, profileId?: string): JourneyEvent[] {
    const rows = (
      profileId === undefined
        ? this.db
            .prepare(
              'SELECT profile_id, name, time, properties, anonymous_id FROM dataset_events WHERE dataset_id = ? ORDER BY seq',
            )
            .all(datasetId)
        : this.db
            .prepare(
              'SELECT profile_id, name, time, properties, anonymous_id FROM dataset_events WHERE dataset_id = ? AND profile_id = ? ORDER BY seq',
            )
            .all(datasetId, profileId)
    ) as {
      profile_id: string;
      name: string;
      time: number;
      properties: string;
      anonymous_id: string | null;
    }[];
    return rows.map((r) => ({
      profileId: r.profile_id,
      name: r.name,
      time: r.time,
      properties: JSON.parse(r.properties) as Record<string, unknown>,
      ...(r.anonymous_id !== null && { anonymousId: r.anonymous_id }),
    }));
  }

  browseProfiles(
    datasetId: string,
    query: string | undefined,
    offset: number,
    limit: number,
  ): { total: number; rows: Profile[] } {
    const search = query ? searchOf(['profile_id', 'attributes'], query, this.postgres) : undefined;
    const where = search ? `dataset_id = ? AND ${search.sql}` : 'dataset_id = ?';
    const params = [datasetId, ...(search?.params ?? [])];
    const total = (
      this.db
        .prepare(`SELECT COUNT(*) AS n FROM dataset_profiles WHERE ${where}`)
        .get(...params) as { n: number }
    ).n;
    const rows = this.db
      .prepare(
        `SELECT profile_id, attributes FROM dataset_profiles WHERE ${where} ORDER BY position LIMIT ? OFFSET ?`,
      )
      .all(...params, limit, offset) as { profile_id: string; attributes: string }[];
    return {
      total,
      rows: rows.map((r) => ({
        id: r.profile_id,
        attributes: JSON.parse(r.attributes) as Record<string, unknown>,
      })),
    };
  }

  browseEvents(
    datasetId: string,
    filter: { profileId?: string; query?: string },
    offset: number,
    limit: number,
  ): { total: number; rows: JourneyEvent[]; alsoKnownAs?: string[] } {
    const clauses = ['dataset_id = ?'];
    const params: unknown[] = [datasetId];
    let alsoKnownAs: string[] | undefined;
    if (filter.profileId !== undefined) {
      // The anonymous ids rows name beside this profile: their events are the person's too.
      alsoKnownAs = (
        this.db
          .prepare(
            `SELECT DISTINCT anonymous_id AS id FROM dataset_events
             WHERE dataset_id = ? AND profile_id = ? AND anonymous_id IS NOT NULL LIMIT ?`,
          )
          .all(datasetId, filter.profileId, MAX_MERGED_IDS) as { id: string }[]
      ).map((r) => r.id);
      clauses.push(`profile_id IN (${['?', ...alsoKnownAs.map(() => '?')].join(', ')})`);
      params.push(filter.profileId, ...alsoKnownAs);
    }
    if (filter.query) {
      const search = searchOf(['name', 'properties', 'profile_id'], filter.query, this.postgres);
      clauses.push(search.sql);
      params.push(...search.params);
    }
    const where = clauses.join(' AND ');
    const total = (
      this.db.prepare(`SELECT COUNT(*) AS n FROM dataset_events WHERE ${where}`).get(...params) as {
        n: number;
      }
    ).n;
    const rows = this.db
      .prepare(
        `SELECT profile_id, name, time, properties, anonymous_id FROM dataset_events WHERE ${where} ORDER BY time, seq LIMIT ? OFFSET ?`,
      )
      .all(...params, limit, offset) as {
      profile_id: string;
      name: string;
      time: number;
      properties: string;
      anonymous_id: string | null;
    }[];
    return {
      total,
      rows: rows.map((r) => ({
        profileId: r.profile_id,
        name: r.name,
        time: r.time,
        properties: JSON.parse(r.properties) as Record<string, unknown>,
        ...(r.anonymous_id !== null && { anonymousId: r.anonymous_id }),
      })),
      ...(alsoKnownAs !== undefined && alsoKnownAs.length > 0 && { alsoKnownAs }),
    };
  }
}
