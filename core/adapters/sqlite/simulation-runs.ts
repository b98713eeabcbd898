import type { RunSummary, SimulationRun } from '../../api/simulation-contract';
import { parseJourneyFile, serializeJourney } from '../../model/journey-file';
import type { SimulationReport } from '../../simulator/report';
import type { SimulationRunStore } from '../../app/ports';
import type { Db } from './database';

/** Runs kept per journey; older ones are dropped as new ones come. */
export const RUNS_KEPT = 20;

interface RunRow {
  id: string;
  journey_id: string;
  created_at: number;
  summary: string;
  journey: string;
  report: string;
}

/** Simulation runs, kept so a run can be compared with the one before and traced later. */
export class SimulationRunRepository implements SimulationRunStore {
  constructor(private readonly db: Db) {}

  add(run: SimulationRun): void {
    const { journey, report, ...summary } = run;
    this.db.transaction(() => {
      this.db
        .prepare(
          'INSERT INTO simulation_runs (id, journey_id, created_at, summary, journey, report) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(
          run.id,
          run.journeyId,
          Date.parse(run.createdAt),
          JSON.stringify(summary),
          serializeJourney(journey),
          JSON.stringify(report),
        );
      this.db
        .prepare(
          `DELETE FROM simulation_runs WHERE journey_id = ? AND id NOT IN (
             SELECT id FROM simulation_runs WHERE journey_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?)`,
        )
        .run(run.journeyId, run.journeyId, RUNS_KEPT);
    })();
  }

  list(journeyId: string): RunSummary[] {
    const rows = this.db
      .prepare(
        'SELECT summary FROM simulation_runs WHERE journey_id = ? ORDER BY created_at DESC, rowid DESC',
      )
      .all(journeyId) as { summary: string }[];
    return rows.map((r) => JSON.parse(r.summary) as RunSummary);
  }

  get(id: string): SimulationRun | undefined {
    const row = this.db.prepare('SELECT * FROM simulation_runs WHERE id = ?').get(id) as
      RunRow | undefined;
    if (!row) return undefined;
    const parsed = parseJourneyFile(row.journey, { stored: true });
    if (!parsed.ok) return undefined;
    return {
      ...(JSON.parse(row.summary) as RunSummary),
      journey: parsed.journey,
      report: JSON.parse(row.report) as SimulationReport,
    };
  }

  deleteForJourney(journeyId: string): void {
    this.db.prepare('DELETE FROM simulation_runs WHERE journey_id = ?').run(journeyId);
  }
}
