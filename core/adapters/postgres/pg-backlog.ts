import type { BacklogCounts } from '../../executor/ports';
import { SqliteBacklog } from '../sqlite/engine-backlog';
import type { PgDatabase } from './pg-database';

/**
 * The engine's queues and totals on PostgreSQL. Numbers handed out by sequences may skip (a
 * transaction rolled back after taking one), so totals are counted rather than read off them.
 */
export class PgBacklog extends SqliteBacklog {
  constructor(private readonly pg: PgDatabase) {
    super(pg.asDb());
  }

  override counts(): BacklogCounts {
    const row = this.pg.query(
      `SELECT (SELECT COUNT(*) FROM inbox) AS inbox,
              (SELECT COUNT(*) FROM events) AS events,
              (SELECT COUNT(*) FROM wakes) AS wakes,
              (SELECT COUNT(*) FROM enrollments WHERE status = 'active') AS active,
              (SELECT COUNT(*) FROM enrollments) AS enrollments,
              (SELECT COUNT(*) FROM failures) AS failures`,
    ).rows[0] as Record<string, number>;
    return {
      inbox: row.inbox ?? 0,
      events: row.events ?? 0,
      wakes: row.wakes ?? 0,
      enrollments: { active: row.active ?? 0, ended: (row.enrollments ?? 0) - (row.active ?? 0) },
      failures: row.failures ?? 0,
    };
  }
}
