// One engine worker for claim-order-workers.test.ts: waits at the test's gate (a shared advisory
// lock the test holds exclusively), then claims inputs as the executor does until none are left,
// writing each job's place in its profile to `bench_writes` in the claiming transaction.
import { openPostgres } from '../../../../core/adapters/postgres/pg-database';
import { PgEngineStore } from '../../../../core/adapters/postgres/pg-engine-store';
import { engineWorker } from '../../../../bench/pg-claiming-claimers';

export const GATE = 4242;

const url = process.argv[2];
if (url) {
  const pg = openPostgres(url);
  pg.query('SELECT pg_advisory_lock_shared($1)', [GATE]);
  pg.query('SELECT pg_advisory_unlock_shared($1)', [GATE]);
  engineWorker(pg, new PgEngineStore(pg), () => {});
  pg.close();
}
