import type { LiveJourney, LiveJourneyControl } from '../../executor/ports';
import type { Journey } from '../../model/journey';
import { serializeJourney } from '../../model/journey-file';
import { compileJourney, type CompiledJourney } from '../../runtime/compiled-journey';
import type { Db } from './database';
import { JourneyRepository } from './journey-repository';

/**
 * The journeys the live engine runs: which version of each takes new entries (`journey_live`), and
 * every published version an enrollment may still be on. Versions are compiled once and kept.
 */
export class LiveJourneys implements LiveJourneyControl {
  private current: readonly CompiledJourney[] = [];
  private readonly compiled = new Map<string, CompiledJourney | null>();
  private readonly repository: JourneyRepository;

  constructor(private readonly db: Db) {
    this.repository = new JourneyRepository(db);
    this.refresh();
  }

  live(): readonly CompiledJourney[] {
    return this.current;
  }

  version(journeyId: string, version: number): CompiledJourney | undefined {
    const key = `${journeyId}@${version}`;
    let journey = this.compiled.get(key);
    if (journey === undefined) {
      const document = this.repository.version(journeyId, version);
      journey = document ? compileJourney(document, version) : null;
      this.compiled.set(key, journey);
    }
    return journey ?? undefined;
  }

  refresh(): void {
    const rows = this.db
      .prepare('SELECT journey_id, version FROM journey_live ORDER BY journey_id')
      .all() as { journey_id: string; version: number }[];
    const next = rows
      .map((r) => this.version(r.journey_id, r.version))
      .filter((j): j is CompiledJourney => j !== undefined);
    const same = next.length === this.current.length && next.every((j, i) => j === this.current[i]);
    // The interpreter re-indexes only when this array changes identity.
    if (!same) this.current = next;
  }

  /** The live versions, with names, for display. */
  list(): LiveJourney[] {
    const rows = this.db
      .prepare(
        `SELECT l.journey_id, l.version, l.since, j.name FROM journey_live l
         LEFT JOIN journeys j ON j.id = l.journey_id ORDER BY l.journey_id`,
      )
      .all() as { journey_id: string; version: number; since: number; name: string | null }[];
    return rows.map((r) => ({
      journeyId: r.journey_id,
      name: r.name ?? r.journey_id,
      version: r.version,
      since: r.since,
    }));
  }

  publish(journey: Journey, now: number): { version: number; created: boolean } {
    // Refuses a journey with errors before anything is written.
    compileJourney(journey);
    const document = serializeJourney(journey);
    return this.db.transaction(() => {
      const saved = this.repository.get(journey.id);
      if (!saved || serializeJourney(saved.journey) !== document)
        this.repository.save(journey, now);
      const { version, created } = this.repository.freezeIfChanged(journey.id, now);
      // A live version keeps its `since` when it is published again unchanged.
      if (this.liveVersion(journey.id) !== version) this.goLive(journey.id, version, now);
      return { version, created };
    })();
  }

  /** The version taking new entries, if the journey is live. */
  liveVersion(journeyId: string): number | undefined {
    const row = this.db
      .prepare('SELECT version FROM journey_live WHERE journey_id = ?')
      .get(journeyId) as { version: number } | undefined;
    return row?.version;
  }

  /** Makes a frozen version take new entries from `now` (call `refresh` after). */
  goLive(journeyId: string, version: number, now: number): void {
    this.db
      .prepare(
        `INSERT INTO journey_live (journey_id, version, since) VALUES (?, ?, ?)
         ON CONFLICT(journey_id) DO UPDATE SET version = excluded.version, since = excluded.since`,
      )
      .run(journeyId, version, now);
  }

  /** Stops new entries into a journey; its running enrollments finish on their version. */
  unpublish(journeyId: string): boolean {
    return (
      this.db.prepare('DELETE FROM journey_live WHERE journey_id = ?').run(journeyId).changes > 0
    );
  }
}
