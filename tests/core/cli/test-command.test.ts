import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultCasesFile } from '../../../core/cli/test.command';
import { STARTERS } from '../../../core/templates/starters';
import { cli } from './cli';

const folder = () => mkdtempSync(join(tmpdir(), 'journey-tests-'));
const CART = 'assets/templates/abandoned-cart.json';

describe('test command', () => {
  it.each(STARTERS.map((s) => [s.id, s.file]))(
    'passes every case the %s starter ships with',
    async (_id, file) => {
      const cases = JSON.parse(readFileSync(defaultCasesFile(file), 'utf8')) as {
        cases: unknown[];
      };
      expect(cases.cases.length).toBeGreaterThanOrEqual(3);
      const { code, stdout, stderr } = await cli('test', file);
      expect(stderr).toEqual([]);
      expect(stdout[0]).toBe(`Testing ${file} with ${defaultCasesFile(file)}`);
      expect(stdout.filter((line) => line.startsWith('FAIL'))).toEqual([]);
      expect(stdout.at(-1)).toBe(
        `${cases.cases.length} cases: ${cases.cases.length} passed, 0 failed`,
      );
      expect(code).toBe(0);
    },
  );

  it('passes the example of docs/journey-tests.md as written', async () => {
    const doc = readFileSync('docs/journey-tests.md', 'utf8');
    const example = /```json\n([\s\S]*?)\n```/.exec(doc)?.[1] ?? '';
    const file = join(folder(), 'example.cases.json');
    writeFileSync(file, example);
    const { code, stdout } = await cli('test', CART, file);
    expect(stdout.at(-1)).toBe('1 case: 1 passed, 0 failed');
    expect(code).toBe(0);
  });

  it('fails a broken case with a diff of what differs, and exits 1', async () => {
    const cases = JSON.parse(readFileSync(defaultCasesFile(CART), 'utf8')) as {
      cases: { expect: { path: string[]; messages: { node: string; subject: string }[] } }[];
    };
    const first = cases.cases[0];
    if (!first) throw new Error('the cart starter has no cases');
    // As if the shopper had bought before: the other second reminder.
    first.expect.path[5] = 'Second reminder: returning customers';
    first.expect.messages[1] = {
      node: 'reminder-returning',
      subject: 'Your cart is saved, but not for ever',
    };
    const file = join(folder(), 'broken.cases.json');
    writeFileSync(file, JSON.stringify(cases, null, 2));

    const { code, stdout } = await cli('test', CART, file);
    expect(code).toBe(1);
    expect(stdout.slice(1, 16)).toEqual([
      'FAIL  A first-time shopper gets the nudge, then free shipping a day later',
      '      path differs (- expected, + actual):',
      '          carted (Added to cart)',
      '          wait-1h (Wait 1 hour)',
      '          reminder-1 (Reminder after 1 hour)',
      '          wait-1d (Wait 1 day)',
      '          returning (Bought from us before?)',
      '        - reminder-returning (Second reminder: returning customers)',
      '        + reminder-free-shipping (Second reminder: free shipping for first-timers)',
      '      messages differ (- expected, + actual):',
      '          reminder-1 (Reminder after 1 hour)  “Anna, you left something in your cart”  at 2025-03-03T10:00:00Z',
      '        - reminder-returning (Second reminder: returning customers)  “Your cart is saved, but not for ever”',
      '        + reminder-free-shipping (Second reminder: free shipping for first-timers)  “Still thinking it over? Free shipping on your cart”  at 2025-03-04T10:00:00Z',
      'PASS  A returning customer gets the reminder for returning customers',
      'PASS  Buying after the first reminder ends the journey as a conversion',
    ]);
    expect(stdout.at(-1)).toBe('6 cases: 5 passed, 1 failed');
  });

  it('says a wrong outcome in words', async () => {
    const file = join(folder(), 'outcome.cases.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: 'journey-studio/cases',
        version: 1,
        cases: [
          {
            name: 'Buys at once',
            profile: { id: 'p', email: 'p@example.com' },
            start: '2025-03-03T00:00:00Z',
            events: [
              { name: 'cart', at: 'PT9H' },
              { name: 'purchase', at: 'PT9H30M' },
            ],
            expect: { outcome: 'completed', messages: [] },
          },
        ],
      }),
    );
    const { code, stdout } = await cli('test', CART, file);
    expect(code).toBe(1);
    expect(stdout.slice(1, 3)).toEqual([
      'FAIL  Buys at once',
      '      outcome differs: expected completed (went through to the end), got converted (reached the goal)',
    ]);
  });

  it('lists the problems of a cases file with their lines, and runs nothing', async () => {
    const file = join(folder(), 'bad.cases.json');
    writeFileSync(
      file,
      '{\n  "format": "journey-studio/cases",\n  "version": 1,\n  "cases": [\n    { "name": "x", "profile": { "id": "p" }, "start": "soon", "expect": { "path": ["nowhere"] } }\n  ]\n}\n',
    );
    const { code, stdout, stderr } = await cli('test', CART, file);
    expect(code).toBe(1);
    expect(stdout).toEqual([]);
    expect(stderr).toEqual([
      `${file}:5:46  error  case-time-invalid  case "x", start: "soon" is not a time; write it as 2025-03-03T00:00:00Z (with Z or an offset such as +01:00).`,
      `${file}:5:84  error  case-unknown-step  case "x", expect.path[0]: The journey has no step "nowhere"; name a step by its id (carted, wait-1h, reminder-1, wait-1d, returning, reminder-returning, reminder-free-shipping) or its title.`,
      `${file}: 2 problems; no case was run`,
    ]);
  });

  it('asks for a cases file when there is none beside the journey', async () => {
    const dir = folder();
    const journey = join(dir, 'cart.json');
    writeFileSync(journey, readFileSync(CART, 'utf8'));
    const { code, stderr } = await cli('test', journey);
    expect(code).toBe(2);
    expect(stderr[0]?.split('\n')[0]).toBe(
      `journey-studio: no cases file for ${journey}: looked for ${join(dir, 'cart.cases.json')} (no such file). Give the cases file after the journey.`,
    );
  });

  it('refuses to run cases on a journey with errors', async () => {
    const { code, stderr } = await cli('test', 'tests/fixtures/invalid/two-triggers.json', CART);
    expect(code).toBe(1);
    expect(stderr.at(-1)).toMatch(
      /two-triggers\.json: 1 error to fix before the journey can run its cases/,
    );
  });

  it('explains the cases format in its help', async () => {
    const { code, stdout } = await cli('test', '--help');
    expect(code).toBe(0);
    expect(stdout.join('\n')).toContain('"format": "journey-studio/cases"');
    expect(stdout.join('\n')).toContain('docs/journey-tests.md');
    expect((await cli('help')).stdout.join('\n')).toContain('test <journey.json> [cases.json]');
  });
});
