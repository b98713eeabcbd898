import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './cli';

const folder = () => mkdtempSync(join(tmpdir(), 'journey-report-'));
const CART = 'assets/templates/abandoned-cart.json';
const SAMPLES = 'assets/samples/abandoned-cart';

describe('report command', () => {
  it('writes the sign-off pack with the forecast, the starter’s test results and the hash', async () => {
    const dir = folder();
    const out = join(dir, 'pack.html');
    const policy = join(dir, 'policy.json');
    writeFileSync(policy, JSON.stringify({ email: { max: 1, per: 'PT16H' } }));
    const { code, stdout, stderr } = await cli(
      'report',
      CART,
      '--out',
      out,
      '--profiles',
      `${SAMPLES}/profiles.csv`,
      '--events',
      `${SAMPLES}/events.csv`,
      '--runs',
      '5',
      '--policy',
      policy,
    );
    expect(stderr).toEqual([]);
    expect(code).toBe(0);
    expect(stdout[0]).toBe(`Sign-off pack written to ${out}`);
    const hash = /SHA-256 of the journey: ([0-9a-f]{64})/.exec(stdout[1] ?? '')?.[1];
    expect(hash).toBeDefined();
    const html = readFileSync(out, 'utf8');
    expect(html).toContain(`data-sha256>${hash}<`);
    expect(html).toContain('Over 5 simulated runs');
    expect(html).toContain('<tr><td>Email</td><td>1 / 16 hours</td></tr>');
    // The starter's own cases, found beside the journey, all pass.
    expect(html).toMatch(/(\d+) of \1 cases passed/);
    // Proofs for the first three profiles of the data.
    expect(html.match(/Rendered for /g)?.length).toBeGreaterThanOrEqual(3);
  });

  it('refuses a cases file that does not exist, and a bad --runs', async () => {
    const missing = await cli(
      'report',
      CART,
      '--cases',
      join(folder(), 'nope.cases.json'),
      '--out',
      join(folder(), 'p.html'),
    );
    expect(missing.code).toBe(1);
    expect(missing.stderr.join('\n')).toContain('cases-unreadable');
    const runs = await cli('report', CART, '--runs', 'many');
    expect(runs.code).toBe(2);
    expect(runs.stderr.join('\n')).toContain('--runs must be a whole number');
  });
});

describe('diff command', () => {
  it('says what changed in words, and with data what changes for people', async () => {
    const journey = JSON.parse(readFileSync(CART, 'utf8')) as {
      nodes: { id: string; config: Record<string, unknown> }[];
    };
    const wait = journey.nodes.find((n) => n.config.duration === 'PT1H');
    if (wait) wait.config.duration = 'PT2H';
    const edited = join(folder(), 'edited.json');
    writeFileSync(edited, JSON.stringify(journey));
    const words = await cli('diff', CART, edited);
    expect(words.code).toBe(0);
    expect(words.stdout).toEqual([
      '1 change:',
      '  Step “Wait 2 hours”, Wait for: 1 hour → 2 hours',
    ]);
    const people = await cli(
      'diff',
      CART,
      edited,
      '--profiles',
      `${SAMPLES}/profiles.csv`,
      '--events',
      `${SAMPLES}/events.csv`,
    );
    expect(people.code).toBe(0);
    expect(people.stdout).toContain('On the same 300 people, seed and 1 run:');
    expect(people.stdout.join('\n')).toMatch(
      /Conversions: \d+ → \d+, change .* too few runs to tell/,
    );
  });
});
