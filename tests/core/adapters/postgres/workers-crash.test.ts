import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgCrashTest } from '../../../../scripts/pg-crash-harness';
import { postgresInstalled, startCluster, type PgCluster } from './pg-cluster';

let cluster: PgCluster;
beforeAll(async () => {
  if (postgresInstalled) cluster = await startCluster();
}, 60_000);
afterAll(() => cluster?.stop(), 60_000);

describe.skipIf(!postgresInstalled)('several workers on PostgreSQL survive SIGKILL', () => {
  // The short version of `npm run soak -- --postgres`: three `serve --worker` processes, one of
  // them killed at a seeded random moment every few hundred milliseconds and started again.
  it('loses no message and delivers none twice', async () => {
    const report = await pgCrashTest({
      url: cluster.migrated(),
      seed: 1818,
      workers: 3,
      killForMs: 3_000,
      profiles: 40,
      events: 200,
    });
    expect(report.kills).toBeGreaterThan(3);
    expect(report.messages).toBe(report.expectedMessages);
    expect(report.delivered).toBe(report.expectedMessages);
    expect(report.kept).toBe(report.expectedMessages);
    expect(report.deliveredTwice).toBe(0);
    expect(report.enrollments).toBe(200);
    expect(report.completed).toBe(200);
    expect(report.failures).toBe(0);
  }, 180_000);
});
