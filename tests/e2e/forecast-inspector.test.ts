/**
 * The forecast in the inspector as a marketer meets it, in Chromium: the win-back starter's A/B
 * split plans its test (people per variant, days to a result), the two offers get expected
 * responses typed in words, a forecast decides the automatic winner, and the split says which
 * variant won, when and how sure — on its card and in the inspector, in English and Swedish.
 *
 * `UPDATE_SCREENSHOTS=1 npx vitest run --project e2e tests/e2e/forecast-inspector.test.ts` also
 * writes the screenshots in docs/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimulationRun } from '../../core/api/simulation-contract';
import { planTest } from '../../core/forecast/planner';
import { node, startStudio, type Studio } from './studio';

const ROOT = join(import.meta.dirname, '..', '..');
const SAMPLES = join(ROOT, 'assets', 'samples', 'win-back');
const VARIANTS = [
  { key: 'A', weight: 45 },
  { key: 'B', weight: 45 },
  { key: 'control', weight: 10 },
];
/** The starter counts an order for 30 days after each assignment. */
const ATTRIBUTION_DAYS = 30;
/** The starter's journey, named after it. */
const JOURNEY = 'win-back-of-inactive-customers';

let studio: Studio;
let context: BrowserContext;
let page: Page;

async function screenshot(target: Page, name: string): Promise<void> {
  if (!process.env.UPDATE_SCREENSHOTS) return;
  await target.screenshot({ path: join(ROOT, 'docs', `${name}.png`) });
}

/** Scrolls an element of the page to the top of its scrolling panel. */
const toTop = (element: { scrollIntoView(options: { block: 'start' }): void }) =>
  element.scrollIntoView({ block: 'start' });

const days = (plan: ReturnType<typeof planTest>) => plan.days.toLocaleString('en');

beforeAll(async () => {
  studio = await startStudio();
  for (const kind of ['profiles', 'events'] as const) {
    await studio.api('importDataset', {
      kind,
      name: `Win-back ${kind}`,
      fileName: `${kind}.csv`,
      text: readFileSync(join(SAMPLES, `${kind}.csv`), 'utf8'),
    });
  }
  ({ context, page } = await studio.open());
  page.setDefaultTimeout(15_000);
});

afterAll(async () => {
  await context?.close();
  await studio?.close();
});

describe('the forecast on the win-back starter’s A/B split', () => {
  it('plans the test, takes expected responses in words, and shows the winner a forecast picked', async () => {
    await page.getByRole('button', { name: 'New journey' }).click();
    await page.getByRole('radio', { name: /Win-back/ }).click();
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByTestId('editor-bar').waitFor();

    // The planner, before any simulation: the figures a marketer starts from.
    await node(page, 'test').click();
    const planner = page.getByTestId('planner');
    const first = planTest({
      baselineRate: 0.05,
      minimumDetectableEffect: 0.2,
      entriesPerDay: 100,
      variants: VARIANTS,
      attributionDays: ATTRIBUTION_DAYS,
      horizonDays: 30,
    });
    expect(await planner.getByTestId('planner-days').textContent()).toBe(
      `With about 100 people a day reaching this split, the test needs ${first.perArm.toLocaleString('en')} per variant: about ${days(first)} days.`,
    );
    await planner.getByTestId('planner-warning').waitFor();

    // The winner picked automatically, once 50 people are in each offer.
    await page.getByRole('switch', { name: 'Pick the winner automatically' }).click();
    const min = page.getByRole('spinbutton', { name: /Profiles in each variant before deciding/ });
    await min.fill('50');

    // What each offer is expected to do, typed in words on its message.
    await node(page, 'discount').click();
    const caused = page.getByRole('textbox', { name: 'Caused an order' });
    await caused.fill('30');
    await expect
      .poll(() => page.getByTestId('cfg-discount-expect-summary').textContent())
      .toMatch(/^60% open assumed · 2\.6% click assumed · 30% order within 3 days/);
    await page.locator('.expect-editor').evaluate(toTop);
    await screenshot(page, 'expect-editor');
    await node(page, 'free-shipping').click();
    await page.getByRole('textbox', { name: 'Caused an order' }).fill('5');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('Saved');

    // A forecast of 20 runs, as the simulation panel's forecast mode asks for it.
    const datasets = await studio.api<{ id: string; kind: string }[]>('listDatasets', {});
    const run = await studio.api<SimulationRun>('simulate', {
      journeyId: JOURNEY,
      profilesDatasetId: datasets.find((d) => d.kind === 'profiles')?.id,
      eventsDatasetId: datasets.find((d) => d.kind === 'events')?.id,
      start: '2025-03-03T00:00:00Z',
      end: '2025-04-14T00:00:00Z',
      seed: 7,
      forecast: { runs: 20, defaults: false },
    });
    const winner = run.report.winners.test;
    expect(winner).toMatchObject({ variant: 'A' });

    // The split, opened again, reads the newest run: its winner and its traffic.
    await node(page, 'lapsed').click();
    await node(page, 'test').click();
    const at = new Date(winner?.at ?? '').toLocaleString('en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'Europe/Stockholm',
    });
    const p = winner?.probability ?? 0;
    // Near certainty keeps two decimals, and never reads as 100%.
    const probability =
      p >= 0.99
        ? `${Math.round(Math.min(p, 0.9999) * 10_000) / 100}%`
        : `${Math.round(p * 1000) / 10}%`;
    await expect
      .poll(() => page.getByTestId('winner-simulation').textContent())
      .toBe(
        `In the simulation, the rule picked 15% off on ${at}, ${probability} likely to convert best. From then on, everyone not drawn into the control went to it.`,
      );
    expect(await page.getByTestId('winner-badge-test').textContent()).toBe('Winner: 15% off');

    const forecast = run.report.forecast;
    const entered = forecast?.nodes.test?.entered.mean ?? 0;
    const perDay = Math.round((entered / 42) * 10) / 10;
    const control = forecast?.variants.test?.control;
    const baseline =
      Math.round(((control?.converted.mean ?? 0) / (control?.entered.mean ?? 1)) * 10_000) / 10_000;
    const planned = planTest({
      baselineRate: baseline,
      minimumDetectableEffect: 0.2,
      entriesPerDay: perDay,
      variants: VARIANTS,
      attributionDays: ATTRIBUTION_DAYS,
      horizonDays: 42,
    });
    await expect
      .poll(() => planner.getByTestId('planner-days').textContent())
      .toBe(
        `With about ${perDay.toLocaleString('en', { maximumFractionDigits: 1 })} people a day reaching this split, the test needs ${planned.perArm.toLocaleString('en')} per variant: about ${days(planned)} days.`,
      );
    expect(await planner.getByTestId('planner-source').textContent()).toMatch(
      /^From the forecast of /,
    );
    // The winner rule checked by simulation in the page, without freezing it.
    await planner.getByTestId('rule-alike').waitFor({ timeout: 60_000 });
    expect(await planner.getByTestId('rule-alike').textContent()).toMatch(
      /^If the variants convert alike, the rule still picks a winner in \d+% of tests/,
    );
    await page.getByTestId('winner-decisions').evaluate(toTop);
    await screenshot(page, 'ab-planner');
    await planner.getByTestId('planner-result').evaluate(toTop);
    await screenshot(page, 'ab-planner-rule');
  });

  it('says the same in Swedish', async () => {
    const swedish = await studio.open();
    await swedish.page.evaluate("localStorage.setItem('journey-studio.locale', 'sv')");
    await swedish.page.reload();
    await swedish.page.getByTestId('library').waitFor();
    await swedish.page
      .getByTestId(`journey-${JOURNEY}`)
      .getByRole('button', { name: /^Win-back of inactive customers/ })
      .click();
    await swedish.page.getByTestId('editor-bar').waitFor();
    await node(swedish.page, 'test').click();
    await expect
      .poll(() => swedish.page.getByTestId('winner-simulation').textContent())
      .toMatch(/^I simuleringen valde regeln 15% off /);
    expect(await swedish.page.getByTestId('winner-badge-test').textContent()).toBe(
      'Vinnare: 15% off',
    );
    await expect
      .poll(() => swedish.page.getByTestId('planner-days').textContent())
      .toMatch(/^Med omkring 7,9 personer om dagen till den här uppdelningen behöver testet/);
    await swedish.page.getByTestId('rule-alike').waitFor({ timeout: 60_000 });
    await swedish.page.getByTestId('winner-decisions').evaluate(toTop);
    await screenshot(swedish.page, 'ab-planner-sv');
    await node(swedish.page, 'discount').click();
    await expect
      .poll(() => swedish.page.getByTestId('cfg-discount-expect-summary').textContent())
      .toMatch(/^60\s%\söppnar antaget · 2,6\s%\sklickar antaget · 30\s%\sbeställer inom 3 dagar/);
    await swedish.page.locator('.expect-editor').evaluate(toTop);
    await screenshot(swedish.page, 'expect-editor-sv');
    await swedish.context.close();
  });
});
