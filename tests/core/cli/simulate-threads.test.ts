import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SimulationReport } from '../../../core/simulator/report';
import { cli } from './cli';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'js-threads-'));
const args = [
  'simulate',
  join(ROOT, 'assets', 'templates', 'win-back.json'),
  '--profiles',
  join(ROOT, 'assets', 'samples', 'win-back', 'profiles.csv'),
  '--events',
  join(ROOT, 'assets', 'samples', 'win-back', 'events.csv'),
  '--start',
  '2025-03-03T00:00:00Z',
  '--end',
  '2025-04-14T00:00:00Z',
];

function withoutSamples(report: SimulationReport): Omit<SimulationReport, 'samples'> {
  const { samples: _samples, ...rest } = report;
  return rest;
}

describe('simulate on several threads', () => {
  it('gives the report of one thread, and the same traces', async () => {
    const probe = join(dir, 'probe.json');
    expect((await cli(...args, '--json', probe)).code).toBe(0);
    const someone =
      (JSON.parse(readFileSync(probe, 'utf8')) as SimulationReport).samples.test?.[3] ?? '';
    expect(someone).not.toBe('');
    const single = join(dir, 'single.json');
    const inProcess = await cli(...args, '--json', single, '--trace', someone);
    expect(inProcess.code).toBe(0);
    const threaded = join(dir, 'threaded.json');
    // The real command line (bundled), which can start threads from its own file.
    const run = spawnSync(
      process.execPath,
      [
        join(ROOT, 'scripts', 'cli.mjs'),
        ...args,
        '--threads',
        '3',
        '--json',
        threaded,
        '--trace',
        someone,
      ],
      {
        encoding: 'utf8',
        cwd: ROOT,
      },
    );
    expect(run.status).toBe(0);
    const one = JSON.parse(readFileSync(single, 'utf8')) as SimulationReport;
    const three = JSON.parse(readFileSync(threaded, 'utf8')) as SimulationReport;
    expect(withoutSamples(three)).toEqual(withoutSamples(one));
    expect(one.conversions.total).toBeGreaterThan(0);
    const trace = (text: string) =>
      text.slice(text.indexOf(`Trace of ${someone}`), text.indexOf('Report written'));
    expect(run.stdout).toContain(`Trace of ${someone}`);
    expect(trace(run.stdout)).toContain('entered: matches the segment');
    expect(trace(run.stdout)).toBe(trace(`${inProcess.stdout.join('\n')}\n`));
  }, 60_000);

  it('says which file it cannot read', () => {
    const run = spawnSync(
      process.execPath,
      [
        join(ROOT, 'scripts', 'cli.mjs'),
        ...args.slice(0, 2),
        '--events',
        join(dir, 'missing.csv'),
        '--threads',
        '2',
      ],
      {
        encoding: 'utf8',
        cwd: ROOT,
      },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/missing\.csv/);
  }, 60_000);
});
