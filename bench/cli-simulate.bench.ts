import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serializeJourney } from '../core/model/journey-file';
import { BENCH_DAYS, BENCH_JOURNEY, BENCH_START, benchCohort } from './bench-journey';

/**
 * The whole `simulate` command on generated files: process start, CSV parsing, simulation,
 * report. Target: 100,000 profiles in ≤ 1.5 s on a 2-core machine.
 */
const dir = mkdtempSync(join(tmpdir(), 'js-bench-cli-'));
const journeyFile = join(dir, 'journey.json');
writeFileSync(journeyFile, serializeJourney(BENCH_JOURNEY));
const cli = join(import.meta.dirname, 'cli.mjs');

function csvCell(value: unknown): string {
  const text =
    typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : '';
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

for (const n of [100_000, 1_000_000]) {
  const cohort = benchCohort(n);
  const columns = [
    'id',
    'email',
    'first_name',
    'country',
    'score',
    'tier',
    'signup_date',
    'unsubscribed',
  ];
  const profiles = [columns.join(',')];
  for (const p of cohort.profiles) {
    const a = p.attributes;
    profiles.push(
      [
        p.id,
        a.email,
        a.first_name,
        a.country,
        a.score,
        (a.score as number) > 70 ? 'gold' : 'silver',
        '2026-04-01',
        'false',
      ]
        .map(csvCell)
        .join(','),
    );
  }
  const events = ['profile_id,name,time,price'];
  for (const e of cohort.events)
    events.push(
      [e.profileId, e.name, new Date(e.time).toISOString(), csvCell(e.properties.price)].join(','),
    );
  const profileFile = join(dir, `profiles-${n}.csv`);
  const eventFile = join(dir, `events-${n}.csv`);
  writeFileSync(profileFile, `${profiles.join('\n')}\n`);
  writeFileSync(eventFile, `${events.join('\n')}\n`);
  const args = [
    'simulate',
    journeyFile,
    '--profiles',
    profileFile,
    '--events',
    eventFile,
    '--start',
    new Date(BENCH_START).toISOString(),
    '--days',
    String(BENCH_DAYS),
  ];
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let peakKb = 0;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    const run = spawnSync(
      '/usr/bin/time',
      [
        '-f',
        '%U %S %M',
        process.execPath,
        ...process.execArgv.filter((a) => !a.startsWith('--expose')),
        cli,
        ...args,
      ],
      { encoding: 'utf8' },
    );
    times.push(performance.now() - started);
    if (run.status !== 0) throw new Error(run.stderr);
    // User and system CPU seconds of the whole process (worker threads included), then peak RSS.
    const [user, system, kb] = (run.stderr.trim().split('\n').at(-1) ?? '').split(' ').map(Number);
    cpuTimes.push(((user ?? 0) + (system ?? 0)) * 1000);
    peakKb = Math.max(peakKb, kb ?? 0);
  }
  console.log(
    `simulate CLI, ${n.toLocaleString('en')} profiles (${(cohort.events.length / 1000).toFixed(0)}k events, CSV): ` +
      `best ${Math.min(...times).toFixed(0)} ms, median ${times.sort((a, b) => a - b)[1]?.toFixed(0)} ms, ` +
      `CPU best ${Math.min(...cpuTimes).toFixed(0)} ms, median ${cpuTimes.sort((a, b) => a - b)[1]?.toFixed(0)} ms, peak RSS ${(peakKb / 1024).toFixed(0)} MB`,
  );
}
