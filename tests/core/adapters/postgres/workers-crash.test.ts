import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crashTest } from '../../../../scripts/crash-harness';
import { expectSafeCrashRun } from '../../cli/crash-expectations';
import { postgresInstalled, startCluster, type PgCluster } from './pg-cluster';

let cluster: PgCluster;
beforeAll(async () => {
  if (postgresInstalled) cluster = await startCluster();
}, 60_000);
afterAll(() => cluster?.stop(), 60_000);

describe.skipIf(!postgresInstalled)('several workers on PostgreSQL survive SIGKILL', () => {
  // The short version of `npm run soak -- --postgres`: the engine with the event API and two
  // `serve --worker` processes beside it, one of the three killed at a seeded random moment
  // every few hundred milliseconds and started again, with a backlog of 400 calls to work
  // through and more streaming in; the same harness and checks as on SQLite
  // (tests/core/cli/crash.test.ts).
  it('loses no acknowledged event, repeats no step, delivers no message twice', async () => {
    const report = await crashTest({
      store: { kind: 'postgres', url: cluster.migrated() },
      workers: 2,
      backlog: 400,
      seed: 1818,
      kills: 6,
      dir: mkdtempSync(join(tmpdir(), 'js-pg-crash-')),
      maxLifeMs: 700,
    });
    expectSafeCrashRun(report, 'PostgreSQL');
    expect(report.messages).toBeGreaterThan(0);
    expect(report.notDelivered).toBe(0);
  }, 180_000);
});
