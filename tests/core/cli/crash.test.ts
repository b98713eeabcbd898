import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crashTest } from '../../../scripts/crash-harness';
import { expectSafeCrashRun } from './crash-expectations';

describe('run survives SIGKILL', () => {
  // The short version of `npm run soak`: a few kills at seeded moments while events stream in
  // and wake-ups fire; every third process sends email over SMTP.
  it('loses no acknowledged event, repeats no step, keeps no message twice', async () => {
    const report = await crashTest({
      seed: 4242,
      kills: 6,
      dir: mkdtempSync(join(tmpdir(), 'js-crash-')),
      maxLifeMs: 700,
      smtpEvery: 3,
    });
    expectSafeCrashRun(report, 'SQLite');
    expect(report.integrity).toBe('ok');
  }, 180_000);
});
