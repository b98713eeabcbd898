import type { Backlog, EngineOutbox, LiveJourneyControl } from '../executor/ports';
import { PgBacklog } from './postgres/pg-backlog';
import { PgDatabase } from './postgres/pg-database';
import { PgEngineStore } from './postgres/pg-engine-store';
import { PgJourneyExecutions } from './postgres/pg-journey-execution';
import { PgOutbox } from './postgres/pg-outbox';
import type { Db } from './sqlite/database';
import { SqliteBacklog } from './sqlite/engine-backlog';
import { SqliteEngineStore } from './sqlite/engine-store';
import { JourneyExecutions } from './sqlite/journey-execution';
import { LiveJourneys } from './sqlite/live-journeys';
import { SqliteOutbox } from './sqlite/outbox-store';

/** The live engine's tables on one database: SQLite on this machine, or a PostgreSQL server. */
export interface EngineTables {
  store: SqliteEngineStore;
  journeys: LiveJourneyControl;
  outbox: SqliteOutbox & EngineOutbox;
  backlog: Backlog & { hasWork(): boolean };
  /** Whether other engines may work on the same database (PostgreSQL): they take turns per profile. */
  shared: boolean;
}

/** The database behind `db`, when it is PostgreSQL. */
export function postgresOf(db: Db): PgDatabase | undefined {
  return (db as unknown) instanceof PgDatabase ? (db as unknown as PgDatabase) : undefined;
}

/** The engine's store, outbox, journeys and backlog on `db`, whichever database it is. */
export function engineTables(
  db: Db,
  options: { now?: () => number; leaseMs?: number } = {},
): EngineTables {
  const pg = postgresOf(db);
  if (pg)
    return {
      store: new PgEngineStore(pg, { now: options.now }),
      journeys: new LiveJourneys(db),
      outbox: new PgOutbox(pg, options.leaseMs),
      backlog: new PgBacklog(pg),
      shared: true,
    };
  return {
    store: new SqliteEngineStore(db, { now: options.now }),
    journeys: new LiveJourneys(db),
    outbox: new SqliteOutbox(db),
    backlog: new SqliteBacklog(db),
    shared: false,
  };
}

/** Journeys' execution as the app shows it (state, counts, who is where) on `db`. */
export function journeyExecutions(db: Db): JourneyExecutions {
  return postgresOf(db) ? new PgJourneyExecutions(db) : new JourneyExecutions(db);
}
