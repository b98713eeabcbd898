import { spawn } from 'node:child_process';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outOfOrder } from '../../../../bench/claim-order';
import { enqueue, RESULT_TABLE, type Job } from '../../../../bench/pg-claiming-claimers';
import { bundleNode } from '../../../../scripts/node-bundle.mjs';
import { GATE } from './order-claimer';
import { postgresInstalled, startCluster, type PgCluster } from './pg-cluster';

const WORKERS = 4;
const PROFILES = 300;
const JOBS = 3_000;

let cluster: PgCluster;
beforeAll(async () => {
  if (postgresInstalled) cluster = await startCluster();
}, 60_000);
afterAll(() => cluster?.stop(), 60_000);

function exited(script: string, url: string): Promise<number | null> {
  const child = spawn(process.execPath, [script, url], { stdio: ['ignore', 'inherit', 'inherit'] });
  return new Promise((resolve) => child.once('exit', resolve));
}

describe.skipIf(!postgresInstalled)('several workers claiming one inbox on PostgreSQL', () => {
  // A profile's events must take effect in the order they arrived, whichever worker takes them:
  // four engine workers released at one moment race for 3,000 events over 300 profiles.
  it("apply every profile's events once and in the order they arrived", async () => {
    const url = cluster.migrated();
    const jobs: Job[] = Array.from({ length: JOBS }, (_, n) => ({
      n,
      profile: `p${n % PROFILES}`,
      seq: Math.floor(n / PROFILES),
    }));
    const admin = new pg.Client(url);
    await admin.connect();
    try {
      await admin.query(RESULT_TABLE);
      await enqueue('engine', url, jobs, false);
      await admin.query('SELECT pg_advisory_lock($1)', [GATE]);
      const script = await bundleNode(
        'tests/core/adapters/postgres/order-claimer.ts',
        'order-claimer',
      );
      const workers = Array.from({ length: WORKERS }, () => exited(script, url));
      for (let waited = 0; waited < 600; waited++) {
        const { rows } = await admin.query(
          'SELECT count(*)::int AS n FROM pg_locks WHERE locktype = $1 AND objid = $2 AND NOT granted',
          ['advisory', GATE],
        );
        if ((rows[0] as { n: number }).n === WORKERS) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await admin.query('SELECT pg_advisory_unlock($1)', [GATE]);
      expect(await Promise.all(workers)).toEqual(Array.from({ length: WORKERS }, () => 0));

      const { rows } = await admin.query('SELECT job, profile, seq FROM bench_writes ORDER BY n');
      const writes = rows as { job: number; profile: string; seq: number }[];
      expect(new Set(writes.map((w) => w.job)).size).toBe(JOBS);
      expect(writes).toHaveLength(JOBS);
      expect(outOfOrder(writes)).toBe(0);
    } finally {
      await admin.end();
    }
  }, 180_000);
});
