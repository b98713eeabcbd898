import type { ExecutionState, LiveCounts, OutboxMessageStatus } from '../../api/execution-contract';
import type { ExecutionRecord } from '../../app/ports';
import type { PeoplePlace } from '../../migration/publish-migration';
import type { Db } from './database';
import { FeedbackStore } from './feedback-store';
import { JourneyRepository } from './journey-repository';
import { noMessages } from './outbox-store';
import { SplitTests } from './split-tests';

type StoredState = Exclude<ExecutionState, 'unpublished'>;

/** The statements that read or write inside an enrollment's JSON, said SQLite's way. */
const ENROLLMENT_JSON = {
  /** Ends a journey's active enrollments (`exited`, at the one parameter before the journey). */
  endActive: `UPDATE enrollments
    SET status = 'exited',
        data = json_set(json_remove(data, '$.wait'), '$.status', 'exited', '$.endedAt', ?)
    WHERE journey_id = ? AND status = 'active'`,
  /** Who is where in a journey: by version, step and variants, with their wake-up times. */
  places: `SELECT version, node_id, data ->> '$.variants' AS variants, COUNT(*) AS n,
           MIN(data ->> '$.wait.until') AS first, MAX(data ->> '$.wait.until') AS last
    FROM enrollments INDEXED BY enrollments_active
    WHERE journey_id = ? AND status = 'active'
    GROUP BY version, node_id, variants ORDER BY version, node_id, variants`,
};

/**
 * A journey's execution as the app shows it: its state (derived from `journey_live`, which
 * says what runs, and `journey_execution`, which remembers pauses and stops), its versions and
 * its live counts.
 */
export class JourneyExecutions {
  private readonly journeys: JourneyRepository;
  private readonly splits: SplitTests;
  /** PostgreSQL keeps enrollments' JSON as text too, but reads into it otherwise. */
  protected readonly enrollmentJson: typeof ENROLLMENT_JSON = ENROLLMENT_JSON;

  constructor(private readonly db: Db) {
    this.journeys = new JourneyRepository(db);
    this.splits = new SplitTests(db);
  }

  record(journeyId: string): ExecutionRecord {
    const live = this.db
      .prepare('SELECT version, since FROM journey_live WHERE journey_id = ?')
      .get(journeyId) as { version: number; since: number } | undefined;
    const stored = this.db
      .prepare('SELECT state, changed_at FROM journey_execution WHERE journey_id = ?')
      .get(journeyId) as { state: StoredState; changed_at: number } | undefined;
    const latestVersion = this.journeys.latestVersion(journeyId);
    const changedSincePublish = this.journeys.changedSincePublish(journeyId);
    let state: ExecutionState;
    if (live) state = 'running';
    else if (stored && stored.state !== 'running') state = stored.state;
    else state = latestVersion === undefined ? 'unpublished' : 'ready';
    const since = live
      ? stored?.state === 'running'
        ? stored.changed_at
        : live.since
      : stored?.changed_at;
    return {
      state,
      ...(latestVersion !== undefined && { latestVersion }),
      ...(live && { liveVersion: live.version }),
      changedSincePublish,
      ...(since !== undefined && { since }),
    };
  }

  setState(journeyId: string, state: StoredState, now: number): void {
    this.db
      .prepare(
        `INSERT INTO journey_execution (journey_id, state, changed_at) VALUES (?, ?, ?)
         ON CONFLICT(journey_id) DO UPDATE SET state = excluded.state, changed_at = excluded.changed_at`,
      )
      .run(journeyId, state, now);
  }

  /** Journeys the app has published or run (any state but unpublished). */
  known(): string[] {
    const rows = this.db
      .prepare(
        `SELECT journey_id FROM journey_live UNION SELECT journey_id FROM journey_execution
         UNION SELECT DISTINCT journey_id FROM journey_versions`,
      )
      .all() as { journey_id: string }[];
    return rows.map((r) => r.journey_id);
  }

  /**
   * Ends every enrollment still inside the journey (`exited` at `now`) and cancels its messages
   * not yet sent. Their wake-ups stay scheduled and are ignored when they come due, as for any
   * enrollment that has ended. Returns how many enrollments and messages it ended.
   */
  endAll(journeyId: string, now: number): { enrollments: number; messages: number } {
    const enrollments = this.db.prepare(this.enrollmentJson.endActive).run(now, journeyId).changes;
    const pending = this.db
      .prepare(
        "SELECT id, attempts FROM outbox WHERE journey_id = ? AND status = 'pending' ORDER BY id",
      )
      .all(journeyId) as { id: number; attempts: number }[];
    const log = this.db.prepare(
      `INSERT INTO delivery_log (outbox_id, attempt, at, outcome, detail)
       VALUES (?, ?, ?, 'cancelled', 'the journey was stopped')`,
    );
    const cancel = this.db.prepare(
      `UPDATE outbox SET status = 'cancelled', finished_at = ?, last_error = 'the journey was stopped'
       WHERE id = ? AND status = 'pending'`,
    );
    for (const message of pending) {
      cancel.run(now, message.id);
      log.run(message.id, message.attempts, now);
    }
    return { enrollments, messages: pending.length };
  }

  places(journeyId: string): PeoplePlace[] {
    const rows = this.db.prepare(this.enrollmentJson.places).all(journeyId) as {
      version: number;
      node_id: string;
      variants: string | null;
      n: number;
      first: number | null;
      last: number | null;
    }[];
    return rows.map((r) => ({
      version: r.version,
      nodeId: r.node_id,
      ...(r.variants !== null && { variants: JSON.parse(r.variants) as Record<string, string> }),
      count: r.n,
      ...(r.first !== null && r.last !== null && { until: { first: r.first, last: r.last } }),
    }));
  }

  counts(journeyId: string): LiveCounts {
    const byStatus = this.db
      .prepare('SELECT status, COUNT(*) AS n FROM enrollments WHERE journey_id = ? GROUP BY status')
      .all(journeyId) as { status: string; n: number }[];
    const status = (name: string) => byStatus.find((r) => r.status === name)?.n ?? 0;
    const nodes: LiveCounts['nodes'] = {};
    const here = this.db
      .prepare(
        `SELECT node_id, COUNT(*) AS n FROM enrollments INDEXED BY enrollments_active
         WHERE journey_id = ? AND status = 'active' GROUP BY node_id`,
      )
      .all(journeyId) as { node_id: string; n: number }[];
    for (const r of here) nodes[r.node_id] = { here: r.n };
    const messages = noMessages();
    const sent = this.db
      .prepare(
        `SELECT node_id, status, COUNT(*) AS n FROM outbox INDEXED BY outbox_by_journey
         WHERE journey_id = ? GROUP BY node_id, status`,
      )
      .all(journeyId) as { node_id: string; status: OutboxMessageStatus; n: number }[];
    for (const r of sent) {
      const node = (nodes[r.node_id] ??= { here: 0 });
      const counts = (node.messages ??= noMessages());
      counts[r.status] += r.n;
      messages[r.status] += r.n;
    }
    const variants = this.splits.figures(journeyId);
    const winners = Object.entries(this.splits.winners(journeyId)).map(
      ([id, w]) => [id, { ...w, at: new Date(w.at).toISOString() }] as const,
    );
    return {
      journeyId,
      entered: byStatus.reduce((sum, r) => sum + r.n, 0),
      active: status('active'),
      completed: status('completed'),
      converted: status('converted'),
      exited: status('exited'),
      nodes,
      messages,
      ...(Object.keys(variants).length > 0 && { variants }),
      ...(winners.length > 0 && { winners: Object.fromEntries(winners) }),
      feedback: new FeedbackStore(this.db).countsOf(journeyId),
    };
  }
}
