import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PortfolioReport } from '../../../core/simulator/portfolio';
import { generateEvents, generateProfiles } from '../../../core/simulator/sample-data';
import { STARTERS } from '../../../core/templates/starters';
import { cli } from './cli';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const STARTER_FILES = STARTERS.map((s) => join(ROOT, s.file));
const dir = mkdtempSync(join(tmpdir(), 'js-portfolio-'));
const START = '2025-03-03T00:00:00Z';

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const POLICY = file('policy.json', '{ "email": { "max": 1, "per": "PT16H" } }');
let data: string[];
let plain: Awaited<ReturnType<typeof portfolio>>;
let underPolicy: Awaited<ReturnType<typeof portfolio>>;

beforeAll(async () => {
  // Generated personas over 30 days: the same people and behaviour every time (seeded).
  const profiles = generateProfiles({ count: 200, seed: 15, asOf: Date.parse(START) });
  const events = generateEvents(profiles, { seed: 15, start: Date.parse(START), days: 30 });
  const profilesFile = file(
    'profiles.ndjson',
    profiles.map((p) => JSON.stringify(p.attributes)).join('\n'),
  );
  const eventsFile = file(
    'events.ndjson',
    events
      .map((e) =>
        JSON.stringify({
          profile_id: e.profileId,
          name: e.name,
          time: new Date(e.time).toISOString(),
          properties: e.properties,
        }),
      )
      .join('\n'),
  );
  data = ['--profiles', profilesFile, '--events', eventsFile, '--start', START, '--days', '30'];
  // Seven journeys over a month of a cohort: run once, read by the tests below.
  plain = await portfolio();
  underPolicy = await portfolio('--policy', POLICY);
}, 120_000);

async function portfolio(...extra: string[]) {
  const out = join(dir, `report-${extra.join('-').replace(/[^\w-]/g, '')}.json`);
  const run = await cli('simulate', ...STARTER_FILES, ...data, ...extra, '--json', out);
  return { ...run, report: JSON.parse(readFileSync(out, 'utf8')) as PortfolioReport };
}

describe('simulate with several journeys', () => {
  it('runs the seven starters together and reports each one and what they do together', () => {
    const { code, stdout, stderr, report } = plain;
    expect(stderr).toEqual([]);
    expect(code).toBe(0);
    expect(stdout.slice(0, 3)).toEqual([
      'Portfolio of 7 journeys',
      'Window 2025-03-03 00:00:00Z → 2025-04-02 00:00:00Z   seed 0   profiles 200',
      'Sending policy: none: journeys send as their own settings allow',
    ]);
    expect(Object.keys(report)).toEqual([
      'window',
      'profiles',
      'seed',
      'policy',
      'journeys',
      'portfolio',
    ]);
    expect(Object.keys(report.journeys).sort()).toEqual(STARTERS.map((s) => s.id).sort());
    for (const own of Object.values(report.journeys))
      expect(Object.keys(own).slice(0, 9)).toEqual([
        'journey',
        'window',
        'profiles',
        'enrollments',
        'nodes',
        'messages',
        'conversions',
        'active',
        'seed',
      ]);
    const days = report.portfolio.messagesPerProfilePerDay;
    // 200 people, each over the 31 local days the window touches (30 in a few zones ahead).
    expect(days['0'] + days['1'] + days['2+']).toBe(report.portfolio.profileDays);
    expect(days['2+']).toBeGreaterThan(0);
    expect(report.portfolio.collisions.length).toBeGreaterThan(0);
    expect(stdout).toContain('Collisions (the same person, the same local day)');
    // Each journey's own summary follows.
    for (const starter of STARTERS) expect(stdout).toContain(`${starter.name} (${starter.id})`);
  });

  it('under a policy, sends fewer messages a day, and says who lost to whom', () => {
    const before = plain.report;
    const { code, stdout, report } = underPolicy;
    expect(code).toBe(0);
    expect(stdout[2]).toBe(
      'Sending policy: at most 1 email per 16 hours per person, across all journeys',
    );
    expect(report.policy).toEqual({ email: { max: 1, per: 'PT16H' } });
    const { portfolio: after } = report;
    expect(after.mean).toBeLessThan(before.portfolio.mean);
    // Sixteen hours apart, at most two fit in one local day.
    expect(after.most).toBeLessThanOrEqual(2);
    expect(after.messagesPerProfilePerDay['2+']).toBeLessThan(
      before.portfolio.messagesPerProfilePerDay['2+'],
    );
    expect(after.policy.held).toBeGreaterThan(0);
    expect(after.policy.held).toBe(
      Object.values(report.journeys).reduce((sum, r) => sum + (r.skipped.policy ?? 0), 0),
    );
    expect(after.policy.lost.reduce((sum, l) => sum + l.messages, 0)).toBe(after.policy.held);
    expect(stdout).toContain(`Held back by the sending policy: ${after.policy.held} messages`);
  });

  it(
    'applies a policy to a single journey, with its report as always',
    { timeout: 60_000 },
    async () => {
      const out = join(dir, 'single.json');
      const { code } = await cli(
        'simulate',
        STARTER_FILES[0] as string,
        ...data,
        '--policy',
        POLICY,
        '--json',
        out,
      );
      expect(code).toBe(0);
      const report = JSON.parse(readFileSync(out, 'utf8')) as { journey: string; skipped: object };
      expect(report.journey).toBe(STARTERS[0]?.id);
      expect(report.skipped).toHaveProperty('policy');
    },
  );

  it('says what is wrong with a policy file, and where', async () => {
    const bad = file('bad-policy.json', '{ "email": { "max": 0, "per": "16h" }, "fax": {} }');
    const { code, stderr } = await cli('simulate', ...STARTER_FILES, ...data, '--policy', bad);
    expect(code).toBe(1);
    expect(stderr).toEqual([
      `${bad}  error  policy-max-invalid  [email.max]  The email limit's "max" is a whole number of messages from 1 to 100, not 0.`,
      `${bad}  error  policy-per-invalid  [email.per]  The email limit's "per" must be a positive duration such as PT16H (16 hours) or P7D (7 days), not "16h".`,
      `${bad}  error  policy-channel-unknown  [fax]  There is no channel "fax"; a sending policy limits email, sms, push.`,
    ]);
    const missing = await cli(
      'simulate',
      ...STARTER_FILES,
      ...data,
      '--policy',
      join(dir, 'none.json'),
    );
    expect(missing.code).toBe(1);
    expect(missing.stderr[0]).toMatch(/policy-invalid {2}Cannot read the file: no such file\./);
  });

  it(
    'forecasts journeys together: each journey’s forecast, and the portfolio’s ranges',
    { timeout: 120_000 },
    async () => {
      const three = STARTER_FILES.slice(0, 3);
      const out = join(dir, 'forecast.json');
      const { code, stdout, stderr } = await cli(
        'simulate',
        ...three,
        ...data,
        '--policy',
        POLICY,
        '--runs',
        '20',
        '--assume',
        'defaults',
        '--json',
        out,
      );
      expect(stderr).toEqual([]);
      expect(code).toBe(0);
      const report = JSON.parse(readFileSync(out, 'utf8')) as PortfolioReport;
      for (const own of Object.values(report.journeys)) {
        expect(own.forecast?.runs).toBe(20);
        expect(own.assumptions?.length).toBeGreaterThan(0);
      }
      const together = report.portfolio.forecast;
      expect(together?.runs).toBe(20);
      const days = together?.messagesPerProfilePerDay;
      // Every run counts the same person-days.
      expect((days?.['0'].mean ?? 0) + (days?.['1'].mean ?? 0) + (days?.['2+'].mean ?? 0)).toBe(
        report.portfolio.profileDays,
      );
      expect(together?.policy.held.p90).toBeGreaterThan(0);
      const heading = stdout.indexOf(
        'Forecast over 20 runs: the median, and in brackets the range 80% of runs fall in (P10–P90)',
      );
      expect(heading).toBeGreaterThan(0);
      expect(stdout[heading + 1]).toBe('Messages per person per day (person-days)');
      expect(stdout[heading + 2]).toMatch(/^ {2}0 +[\d,]+ \([\d,]+–[\d,]+\)$/);
      expect(stdout).toContainEqual(
        expect.stringMatching(
          /^Held back by the sending policy: [\d,]+ \([\d,]+–[\d,]+\) messages$/,
        ),
      );
      // Then each journey's own forecast and the assumptions it used.
      expect(
        stdout.filter((l) => l.startsWith('Conversions ') && l.includes('caused by messages')),
      ).toHaveLength(3);
      expect(stdout.filter((l) => l === 'Assumptions')).toHaveLength(3);
    },
  );

  it(
    'forecasts journeys together on two threads exactly as on one',
    { timeout: 180_000 },
    async () => {
      const args = [
        'simulate',
        ...STARTER_FILES.slice(0, 3),
        ...data,
        '--policy',
        POLICY,
        '--runs',
        '5',
        '--assume',
        'defaults',
      ];
      const one = join(dir, 'one-thread.json');
      expect((await cli(...args, '--json', one)).code).toBe(0);
      const two = join(dir, 'two-threads.json');
      // The real command line (bundled), which can start threads from its own file.
      const run = spawnSync(
        process.execPath,
        [join(ROOT, 'scripts', 'cli.mjs'), ...args, '--threads', '2', '--json', two],
        { encoding: 'utf8', cwd: ROOT },
      );
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      // The same figures; only which people a node names as samples depends on the threads.
      const read = (file: string) => {
        const report = JSON.parse(readFileSync(file, 'utf8')) as PortfolioReport;
        for (const own of Object.values(report.journeys)) own.samples = {};
        return report;
      };
      const single = read(one);
      expect(read(two)).toEqual(single);
      expect(single.portfolio.forecast?.runs).toBe(5);
    },
  );

  it('refuses a forecast with a wrong number of runs, in plain words', async () => {
    const { code, stderr } = await cli('simulate', ...STARTER_FILES, ...data, '--runs', 'many');
    expect(code).toBe(2);
    expect(stderr[0]).toMatch(/--runs must be a whole number from 1 to 10,000, not "many"/);
  });
});
