/**
 * Several journeys together under the library's sending policy, from the app: two starters run
 * live, a third is simulated "with the other live journeys" on generated customers, and the
 * portfolio section shows, for each journey, what it sent and what the policy held back, and how
 * many messages a person got a day — the same figures `npm run cli -- simulate a.json b.json
 * c.json --policy p.json` reports for the same files, window and seed.
 *
 * `UPDATE_SCREENSHOTS=1 npx vitest run --project e2e tests/e2e/portfolio.test.ts` also writes
 * docs/portfolio.png on the way.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortfolioReport } from '../../core/simulator/portfolio';
import { generateEvents, generateProfiles } from '../../core/simulator/sample-data';
import { number } from './simulation-figures';
import { startStudio, type Studio } from './studio';

const ROOT = join(import.meta.dirname, '..', '..');
const run = promisify(execFile);

const START = '2026-03-02T00:00';
const END = '2026-04-01T00:00';
const SEED = 4;
const PEOPLE = 400;
const POLICY = { email: { max: 1, per: 'PT16H' } };
/** Simulated in the app; the other two run live. */
const SIMULATED = 'abandoned-cart';
const LIVE = ['browse-abandonment', 'welcome-nurture'];

let studio: Studio;
let context: BrowserContext;
let page: Page;
let work: string;
const files = { profiles: '', events: '', policy: '' };

const starterFile = (id: string) => join(ROOT, 'assets', 'templates', `${id}.json`);

/** Generated customers and their behaviour, as the files a marketer would import. */
function writeCustomers(): { profiles: string; events: string } {
  const start = Date.parse(`${START}:00Z`);
  const profiles = generateProfiles({ count: PEOPLE, seed: SEED, asOf: start });
  const events = generateEvents(profiles, { seed: SEED, start, days: 30 });
  const profileText = profiles.map((p) => JSON.stringify({ id: p.id, ...p.attributes })).join('\n');
  const eventText = events
    .map((e) =>
      JSON.stringify({
        profile_id: e.profileId,
        name: e.name,
        time: new Date(e.time).toISOString(),
        ...e.properties,
      }),
    )
    .join('\n');
  return { profiles: `${profileText}\n`, events: `${eventText}\n` };
}

async function screenshot(name: string): Promise<void> {
  if (!process.env.UPDATE_SCREENSHOTS) return;
  await page.screenshot({ path: join(ROOT, 'docs', `${name}.png`) });
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'js-e2e-portfolio-'));
  const customers = writeCustomers();
  files.profiles = join(work, 'customers.ndjson');
  files.events = join(work, 'behaviour.ndjson');
  files.policy = join(work, 'policy.json');
  writeFileSync(files.profiles, customers.profiles);
  writeFileSync(files.events, customers.events);
  writeFileSync(files.policy, JSON.stringify(POLICY));

  studio = await startStudio();
  for (const id of [SIMULATED, ...LIVE])
    await studio.api('importJourney', {
      fileName: `${id}.json`,
      text: readFileSync(starterFile(id), 'utf8'),
    });
  for (const id of LIVE) {
    await studio.api('publishJourney', { journeyId: id });
    await studio.api('setExecutionState', { journeyId: id, state: 'running' });
  }
  await studio.api('saveSendingPolicy', { policy: POLICY });
  for (const kind of ['profiles', 'events'] as const)
    await studio.api('importDataset', {
      kind,
      name: kind === 'profiles' ? 'Customers' : 'Behaviour',
      fileName: kind === 'profiles' ? 'customers.ndjson' : 'behaviour.ndjson',
      text: customers[kind],
    });
  ({ context, page } = await studio.open());
  page.setDefaultTimeout(60_000);
});

afterAll(async () => {
  await context?.close();
  await studio?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** The command line on the same journeys, files, window, seed and policy. */
async function cliPortfolio(): Promise<PortfolioReport> {
  const json = join(work, 'portfolio.json');
  await run(
    process.execPath,
    [
      join(ROOT, 'scripts', 'cli.mjs'),
      'simulate',
      ...[SIMULATED, ...LIVE].map(starterFile),
      '--profiles',
      files.profiles,
      '--events',
      files.events,
      '--start',
      `${START}:00Z`,
      '--end',
      `${END}:00Z`,
      '--seed',
      String(SEED),
      '--policy',
      files.policy,
      '--json',
      json,
    ],
    { cwd: ROOT },
  );
  return JSON.parse(readFileSync(json, 'utf8')) as PortfolioReport;
}

describe('simulating a journey with the other live journeys', () => {
  it('shows what each journey sent and lost to the policy, as the command line reports it', async () => {
    await page.getByTestId(`journey-${SIMULATED}`).click();
    await page.getByTestId('editor-bar').waitFor();
    await page.getByRole('button', { name: 'Simulate', exact: true }).click();
    const panel = page.getByTestId('simulation-panel');
    for (const [field, name] of [
      ['Events', 'Behaviour'],
      ['Profiles', 'Customers'],
    ] as const) {
      const select = panel.getByLabel(field);
      const label = await select.locator('option', { hasText: name }).textContent();
      await select.selectOption({ label: label ?? name });
    }
    await panel.getByLabel('Starts').fill(START);
    await panel.getByRole('radio', { name: 'Until' }).click();
    await panel.getByLabel('Ends (UTC)').fill(END);
    await panel.getByLabel('Same number, same result').fill(String(SEED));
    await panel.getByRole('checkbox', { name: 'Simulate with the other live journeys' }).check();
    await panel.getByRole('button', { name: 'Simulate', exact: true }).click();

    const section = panel.getByRole('region', { name: 'With the other live journeys' });
    await section.waitFor();
    const cli = await cliPortfolio();
    const expected = cli.portfolio;

    // Each journey: what it sent, and what the policy held back.
    const rows = section.getByRole('table', { name: 'The journeys simulated together' });
    const shown = new Map<string, { sent: number; held: number }>();
    for (const row of await rows.locator('tbody tr').all()) {
      const cells = await row.locator('th, td').allTextContents();
      shown.set(cells[0] ?? '', { sent: number(cells[2] ?? ''), held: number(cells[3] ?? '') });
    }
    expect(shown.size).toBe(3);
    let held = 0;
    for (const id of [SIMULATED, ...LIVE]) {
      const { name } = JSON.parse(readFileSync(starterFile(id), 'utf8')) as { name: string };
      const own = cli.journeys[id]!;
      const figures = {
        sent: Object.values(own.sent).reduce((sum, n) => sum + (n ?? 0), 0),
        held: own.skipped.policy ?? 0,
      };
      const label = [...shown.keys()].find((shownName) => shownName.startsWith(name));
      expect(label, name).toBeDefined();
      expect(shown.get(label!), name).toEqual(figures);
      held += figures.held;
    }
    // The policy held something back: the journeys compete for the same people.
    expect(held).toBeGreaterThan(0);
    expect(expected.policy.held).toBe(held);

    // Messages per person per day, bucket by bucket.
    for (const bucket of ['0', '1', '2+'] as const) {
      const row = section.getByTestId(`portfolio-day-${bucket}`);
      const cells = await row.locator('td').allTextContents();
      expect(cells.map(number)).toContain(expected.messagesPerProfilePerDay[bucket]);
    }
    await section.evaluate((element: { scrollIntoView(options: object): void }) =>
      element.scrollIntoView({ block: 'start' }),
    );
    // Reaching the bottom of the panel scrolls the panel, never the app under it.
    expect(
      await page.evaluate('document.scrollingElement.scrollHeight <= window.innerHeight'),
    ).toBe(true);
    await screenshot('portfolio');
  }, 240_000);
});
