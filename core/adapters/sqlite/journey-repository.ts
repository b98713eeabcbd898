import type { Journey } from '../../model/journey';
import { parseJourneyFile, serializeJourney } from '../../model/journey-file';
import { RevisionConflictError, type JourneyLibrary, type StoredJourney } from '../../app/ports';
import type { Db } from './database';

interface JourneyRow {
  id: string;
  document: string;
  revision: number;
  created_at: number;
  updated_at: number;
}

function decode(row: JourneyRow): StoredJourney {
  const parsed = parseJourneyFile(row.document, { stored: true });
  if (!parsed.ok) {
    throw new Error(
      `Stored journey "${row.id}" cannot be read: ${parsed.problems.map((p) => p.message).join(' ')}`,
    );
  }
  return {
    journey: parsed.journey,
    revision: row.revision,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Journeys being edited and their published versions, stored as journey files. */
export class JourneyRepository implements JourneyLibrary {
  /**
   * Journeys as last listed, by id: the library list is asked for often (every window, after
   * every save), and reading a big journey file takes a while, so only changed ones are read.
   */
  private readonly listed = new Map<string, StoredJourney>();

  constructor(private readonly db: Db) {}

  list(): StoredJourney[] {
    const heads = this.db
      .prepare('SELECT id, revision, updated_at FROM journeys ORDER BY updated_at DESC, id')
      .all() as Pick<JourneyRow, 'id' | 'revision' | 'updated_at'>[];
    const read = this.db.prepare('SELECT * FROM journeys WHERE id = ?');
    const out: StoredJourney[] = [];
    const seen = new Set<string>();
    for (const head of heads) {
      seen.add(head.id);
      let stored = this.listed.get(head.id);
      if (!stored || stored.revision !== head.revision || stored.updatedAt !== head.updated_at) {
        const row = read.get(head.id) as JourneyRow | undefined;
        if (!row) continue;
        stored = decode(row);
        this.listed.set(head.id, stored);
      }
      out.push(stored);
    }
    for (const id of this.listed.keys()) if (!seen.has(id)) this.listed.delete(id);
    return out;
  }

  get(id: string): StoredJourney | undefined {
    const row = this.db.prepare('SELECT * FROM journeys WHERE id = ?').get(id) as
      JourneyRow | undefined;
    return row && decode(row);
  }

  exists(id: string): boolean {
    return this.db.prepare('SELECT 1 FROM journeys WHERE id = ?').get(id) !== undefined;
  }

  /**
   * Saves a journey. With `expectedRevision`, refuses when another save came in between;
   * returns the new revision.
   */
  save(journey: Journey, now: number, expectedRevision?: number): StoredJourney {
    return this.db.transaction(() => {
      const current = this.db
        .prepare('SELECT revision, created_at FROM journeys WHERE id = ?')
        .get(journey.id) as { revision: number; created_at: number } | undefined;
      if (current && expectedRevision !== undefined && current.revision !== expectedRevision) {
        throw new RevisionConflictError(journey.id, current.revision);
      }
      const revision = (current?.revision ?? 0) + 1;
      this.db
        .prepare(
          `INSERT INTO journeys (id, name, document, revision, created_at, updated_at) VALUES (@id, @name, @document, @revision, @now, @now)
           ON CONFLICT(id) DO UPDATE SET name = @name, document = @document, revision = @revision, updated_at = @now`,
        )
        .run({
          id: journey.id,
          name: journey.name,
          document: serializeJourney(journey),
          revision,
          now,
        });
      return { journey, revision, createdAt: current?.created_at ?? now, updatedAt: now };
    })();
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM journeys WHERE id = ?').run(id).changes > 0;
  }

  /** Freezes the journey as saved now into a new version; returns its number. */
  publish(id: string, now: number): number {
    return this.db.transaction(() => {
      const row = this.db.prepare('SELECT document FROM journeys WHERE id = ?').get(id) as
        { document: string } | undefined;
      if (!row) throw new Error(`No journey "${id}"`);
      const last = this.db
        .prepare('SELECT MAX(version) AS v FROM journey_versions WHERE journey_id = ?')
        .get(id) as { v: number | null };
      const version = (last.v ?? 0) + 1;
      this.db
        .prepare(
          'INSERT INTO journey_versions (journey_id, version, document, published_at) VALUES (?, ?, ?, ?)',
        )
        .run(id, version, row.document, now);
      return version;
    })();
  }

  /**
   * Whether the journey as saved differs from its newest frozen version (true when none is
   * frozen yet). Both are stored as journey files, so the text says it exactly.
   */
  changedSincePublish(id: string): boolean {
    const row = this.db
      .prepare(
        `SELECT j.document AS saved,
                (SELECT v.document FROM journey_versions v WHERE v.journey_id = j.id
                 ORDER BY v.version DESC LIMIT 1) AS frozen
         FROM journeys j WHERE j.id = ?`,
      )
      .get(id) as { saved: string; frozen: string | null } | undefined;
    return !row || row.frozen !== row.saved;
  }

  /** Freezes the journey as saved unless its newest version is that already; returns the version. */
  freezeIfChanged(id: string, now: number): { version: number; created: boolean } {
    return this.db.transaction(() => {
      const created = this.changedSincePublish(id);
      const version = created ? this.publish(id, now) : (this.latestVersion(id) as number);
      return { version, created };
    })();
  }

  version(id: string, version: number): Journey | undefined {
    const row = this.db
      .prepare('SELECT document FROM journey_versions WHERE journey_id = ? AND version = ?')
      .get(id, version) as { document: string } | undefined;
    if (!row) return undefined;
    const parsed = parseJourneyFile(row.document, { stored: true });
    return parsed.ok ? parsed.journey : undefined;
  }

  latestVersion(id: string): number | undefined {
    const row = this.db
      .prepare('SELECT MAX(version) AS v FROM journey_versions WHERE journey_id = ?')
      .get(id) as { v: number | null };
    return row.v ?? undefined;
  }
}
