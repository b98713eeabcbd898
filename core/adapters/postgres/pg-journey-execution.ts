import { JourneyExecutions } from '../sqlite/journey-execution';

/**
 * Journeys' execution as the app shows it, on PostgreSQL: the SQLite repository with the two
 * statements that read into an enrollment's JSON (stopping a journey, and who is where before a
 * publish) said with jsonb, since SQLite's json_set and `->> '$.path'` have no counterpart there.
 */
export class PgJourneyExecutions extends JourneyExecutions {
  protected override readonly enrollmentJson = {
    endActive: `UPDATE enrollments
      SET status = 'exited',
          data = ((data::jsonb - 'wait')
                  || jsonb_build_object('status', 'exited', 'endedAt', ?::bigint))::text
      WHERE journey_id = ? AND status = 'active'`,
    places: `SELECT version, node_id, (data::jsonb ->> 'variants') COLLATE "C" AS variants,
             COUNT(*) AS n,
             MIN((data::jsonb #>> '{wait,until}')::double precision) AS first,
             MAX((data::jsonb #>> '{wait,until}')::double precision) AS last
      FROM enrollments
      WHERE journey_id = ? AND status = 'active'
      GROUP BY version, node_id, variants ORDER BY version, node_id, variants`,
  };
}
