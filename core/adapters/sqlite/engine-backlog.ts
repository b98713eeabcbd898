import type { Backlog, BacklogCounts } from '../../executor/ports';
import type { Db } from './database';

const DAY = 24 * 60 * 60 * 1000;

/** What the live engine has before it: live journeys and work waiting in its tables. */
export class SqliteBacklog implements Backlog {
  constructor(private readonly db: Db) {}

  counts(): BacklogCounts {
    const count = (sql: string) => (this.db.prepare(sql).get() as { n: number }).n;
    // Both without reading the table: `ord` numbers enrollments as they are made.
    const all = count('SELECT COALESCE(MAX(ord), 0) AS n FROM enrollments');
    const active = count(
      "SELECT COUNT(*) AS n FROM enrollments INDEXED BY enrollments_active WHERE status = 'active'",
    );
    return {
      inbox: count('SELECT COUNT(*) AS n FROM inbox'),
      // Events ever applied (seq is AUTOINCREMENT), without counting a large table.
      events: count(
        "SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'events'), 0) AS n",
      ),
      wakes: count('SELECT COUNT(*) AS n FROM wakes'),
      enrollments: { active, ended: all - active },
      failures: count('SELECT COUNT(*) AS n FROM failures'),
    };
  }

  /**
   * Forgets the message ids of requests received more than a week before `now`: retries of a
   * request come within minutes, so a week of them is plenty to recognise a repeat.
   */
  forgetOldMessageIds(now: number): void {
    this.db.prepare('DELETE FROM message_ids WHERE received_at < ?').run(now - 7 * DAY);
  }

  /** Whether a journey is live, an input waits to be applied or a message to be delivered. */
  hasWork(): boolean {
    const any = (sql: string) => this.db.prepare(sql).get() !== undefined;
    return (
      any('SELECT 1 FROM journey_live LIMIT 1') ||
      any('SELECT 1 FROM inbox LIMIT 1') ||
      any("SELECT 1 FROM outbox WHERE status = 'pending' LIMIT 1")
    );
  }
}
