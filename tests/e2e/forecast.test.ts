/**
 * A forecast as a marketer makes one: the abandoned-cart starter on its own sample customers,
 * forecast from the simulation panel with the library's published rates. The canvas shows every
 * step's and connection's median with its range, exactly as `npm run cli -- simulate --runs 100
 * --assume defaults` reports them for the same journey file, data, window and seed; the results
 * and the per-day bands follow; the tornado says which rate matters most; and a rate set on a
 * message in the inspector changes the forecast.
 *
 * `UPDATE_SCREENSHOTS=1 npx vitest run --project e2e tests/e2e/forecast.test.ts` also writes the
 * screenshots in docs/ on the way.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Spread } from '../../core/forecast/statistics';
import type { Journey } from '../../core/model/journey';
import type { SimulationReport } from '../../core/simulator/report';
import { cliSimulate, edgeId } from './simulation-figures';
import { download, node, startStudio, type Studio } from './studio';

const ROOT = join(import.meta.dirname, '..', '..');
const SAMPLES = join(ROOT, 'assets', 'samples', 'abandoned-cart');
const WINDOW = { start: '2025-03-03T00:00', end: '2025-03-24T00:00' };
const SEED = 3;
const RUNS = 100;

let studio: Studio;
let context: BrowserContext;
let page: Page;
let work: string;

async function screenshot(name: string, on: Page = page): Promise<void> {
  if (!process.env.UPDATE_SCREENSHOTS) return;
  await on.screenshot({ path: join(ROOT, 'docs', `${name}.png`) });
}

/** "41 (30–53)" as the canvas prints a median and its range (the brackets are drawn by CSS). */
function shown(spread: Spread): string {
  const n = (v: number) => v.toLocaleString('en');
  return spread.p10 === spread.p90
    ? n(spread.p50)
    : `${n(spread.p50)}${n(spread.p10)}–${n(spread.p90)}`;
}

/** What the canvas should print for a forecast: every step's arrivals and every connection's flow. */
function expectedCanvas(report: SimulationReport, journey: Journey) {
  const forecast = report.forecast;
  if (!forecast) throw new Error('not a forecast');
  const entered: Record<string, string> = {};
  for (const n of journey.nodes) {
    const spread = forecast.nodes[n.id]?.entered;
    if (spread) entered[n.id] = shown(spread);
  }
  const flows: Record<string, string> = {};
  for (const e of journey.edges) {
    const spread = forecast.nodes[e.from]?.ports[e.port ?? 'next'];
    if (spread) flows[edgeId(e)] = shown(spread);
  }
  return { entered, flows };
}

/** "41 (30–53)" as the panel prints a median and its range. */
function inPanel(spread: Spread): string {
  const n = (v: number) => v.toLocaleString('en');
  return spread.p10 === spread.p90
    ? n(spread.p50)
    : `${n(spread.p50)} (${n(spread.p10)}–${n(spread.p90)})`;
}

async function canvasForecast(journey: Journey) {
  const entered: Record<string, string> = {};
  for (const n of journey.nodes) {
    const badge = page.getByTestId(`entered-${n.id}`);
    if ((await badge.count()) === 0) continue;
    const range = page.getByTestId(`entered-${n.id}-range`);
    entered[n.id] =
      `${await badge.textContent()}${(await range.count()) ? await range.textContent() : ''}`;
  }
  const flows: Record<string, string> = {};
  for (const e of journey.edges) {
    const label = page.getByTestId(`flow-${edgeId(e)}`);
    if ((await label.count()) > 0) flows[edgeId(e)] = (await label.textContent()) ?? '';
  }
  return { entered, flows };
}

async function importSample(kind: 'profiles' | 'events', name: string) {
  const fileName = `${kind}.csv`;
  await studio.api('importDataset', {
    kind,
    name,
    fileName,
    text: readFileSync(join(SAMPLES, fileName), 'utf8'),
  });
}

async function exportJourney(): Promise<{ file: string; journey: Journey }> {
  const exported = await download(page, () => page.getByRole('button', { name: 'Export' }).click());
  await page
    .getByRole('status')
    .filter({ hasText: 'Exported' })
    .getByRole('button', { name: 'Dismiss' })
    .click();
  const file = join(work, `${Date.now()}-${exported.name}`);
  writeFileSync(file, exported.text);
  return { file, journey: JSON.parse(exported.text) as Journey };
}

async function forecastOnCli(file: string): Promise<SimulationReport> {
  const { report } = await cliSimulate({
    journey: file,
    profiles: join(SAMPLES, 'profiles.csv'),
    events: join(SAMPLES, 'events.csv'),
    start: `${WINDOW.start}:00Z`,
    end: `${WINDOW.end}:00Z`,
    seed: SEED,
    runs: RUNS,
    assume: 'defaults',
    json: join(work, `${Date.now()}.forecast.json`),
  });
  return report;
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'js-e2e-forecast-'));
  studio = await startStudio();
  await importSample('profiles', 'Cart customers');
  await importSample('events', 'Cart events');
  ({ context, page } = await studio.open());
  page.setDefaultTimeout(15_000);
});

afterAll(async () => {
  await context?.close();
  await studio?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('forecasting the abandoned-cart starter on its sample customers', () => {
  let journey: Journey;
  let journeyFile: string;
  let first: SimulationReport;

  it('forecasts from the panel, and draws every median and range the command line reports', async () => {
    await page.getByRole('button', { name: 'New journey' }).click();
    await page.getByRole('radio', { name: /Abandoned cart/ }).click();
    await page.getByRole('textbox', { name: 'Name' }).fill('Cart forecast');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByTestId('editor-bar').waitFor();

    await page.getByRole('button', { name: 'Simulate', exact: true }).click();
    const panel = page.getByTestId('simulation-panel');
    await panel.getByLabel('Events').selectOption({ label: 'Cart events (1,536)' });
    await panel.getByLabel('Profiles').selectOption({ label: 'Cart customers (300)' });
    await panel.getByLabel('Starts').fill(WINDOW.start);
    await panel.getByRole('radio', { name: 'Until' }).click();
    await panel.getByLabel('Ends (UTC)').fill(WINDOW.end);
    await panel.getByLabel('Same number, same result').fill(String(SEED));

    const forecastMode = panel.getByRole('radio', {
      name: 'Forecast what the journey will achieve',
    });
    await forecastMode.check();
    expect(await panel.getByRole('spinbutton', { name: 'Runs' }).inputValue()).toBe('100');
    expect(
      await panel
        .getByRole('switch', {
          name: 'Use the library’s published rates where the journey sets none',
        })
        .isChecked(),
    ).toBe(true);
    await panel.getByRole('button', { name: 'Forecast', exact: true }).click();
    await panel.getByTestId('forecast-headline').waitFor();

    ({ file: journeyFile, journey } = await exportJourney());
    first = await forecastOnCli(journeyFile);
    expect(first.forecast?.runs).toBe(RUNS);
    const expected = expectedCanvas(first, journey);
    // Shoppers spread over the runs: some steps' figures are ranges, not one number.
    expect(Object.values(expected.entered).some((t) => t.includes('–'))).toBe(true);
    expect(await canvasForecast(journey)).toEqual(expected);
    await screenshot('forecast');
    // A hundred runs in the app and on the command line: a minute or two on a busy machine.
  }, 180_000);

  it('says what the journey causes, per message and per day, with every assumption and its source', async () => {
    const panel = page.getByTestId('simulation-panel');
    const forecast = first.forecast;
    if (!forecast) throw new Error('not a forecast');
    const caused = forecast.conversions.caused;
    expect(await panel.getByTestId('forecast-caused').textContent()).toBe(
      `Conversions caused by the journey${caused.p50} (likely ${caused.p10}–${caused.p90})People who reach the goal because of a message, and would not have otherwise.`,
    );
    const sent = forecast.messages['reminder-1']?.sent;
    if (!sent) throw new Error('no reminder');
    expect(await panel.getByTestId('forecast-message-reminder-1-sent').textContent()).toBe(
      `Sent${inPanel(sent)}`,
    );
    // The per-day bands, and their table: every day of the forecast, median and range.
    await panel.getByTestId('band-chart-sent').locator('.recharts-area').waitFor();
    expect(await panel.getByTestId('band-chart-converted').locator('.recharts-line').count()).toBe(
      1,
    );
    await panel.getByText('Show the figures as a table').click();
    const rows = panel.getByTestId('per-day-table').locator('tbody tr');
    expect(await rows.count()).toBe(Object.keys(forecast.perDay).length);

    await panel.getByRole('tab', { name: 'Assumptions' }).click();
    const convert = panel.getByTestId('assumption-reminder-1-convert');
    expect(await convert.textContent()).toContain('Conversions caused 2.05% within 3 days');
    expect(await convert.textContent()).toContain(
      'The library’s published rate: Bluecore, 2018 Retail Email Benchmark Report (2018)',
    );
    expect(await convert.getByRole('link').getAttribute('href')).toMatch(/^https:\/\//);
    expect(await convert.textContent()).toContain('Assumed: a published attributed rate');
  });

  it('finds which rate moves conversions most, over 20 runs per variation', async () => {
    const panel = page.getByTestId('simulation-panel');
    const section = panel.getByTestId('sensitivity');
    expect(await section.textContent()).toContain('of 20 runs each');
    await section.getByRole('button', { name: 'Find out' }).click();
    const tornado = section.getByTestId('tornado');
    await tornado.waitFor({ timeout: 230_000 });
    // Orders the messages cause move conversions; opens and clicks lead nowhere in this journey.
    const rows = tornado.getByRole('listitem');
    expect(await rows.first().textContent()).toMatch(/^Reminder after 1 hour: Conversions caused/);
    expect(await section.getByTestId('tornado-still').locator('li').first().textContent()).toMatch(
      /^Reminder after 1 hour: Opens/,
    );
    await section.scrollIntoViewIfNeeded();
    await screenshot('forecast-tornado');
  }, 240_000);

  it('changes when a message’s expected order rate is changed in the inspector', async () => {
    const before = first.forecast?.messages['reminder-1']?.converted.p50 ?? 0;
    await page.getByRole('button', { name: 'Close the simulation' }).click();
    await node(page, 'reminder-1').click();
    // Typed as a percentage in the message's expected responses.
    await page.getByRole('textbox', { name: 'Caused an order' }).fill('30');
    await page.getByRole('button', { name: 'Simulate', exact: true }).click();
    const panel = page.getByTestId('simulation-panel');
    await panel.getByRole('button', { name: 'Forecast again' }).click();
    await panel.getByRole('tab', { name: 'Results' }).click();
    await expect
      .poll(() => panel.getByTestId('forecast-message-reminder-1-converted').textContent(), {
        timeout: 60_000,
      })
      .not.toMatch(new RegExp(`^Conversions caused${before}`));

    const changed = await exportJourney();
    const report = await forecastOnCli(changed.file);
    const caused = report.forecast?.messages['reminder-1']?.converted;
    if (!caused) throw new Error('no reminder');
    // A 30% order rate on ~190 reminders: far more than the 2.05% before.
    expect(caused.p50).toBeGreaterThan(before + 20);
    expect(await canvasForecast(changed.journey)).toEqual(expectedCanvas(report, changed.journey));
    expect(await page.getByTestId('caused-reminder-1').textContent()).toBe(String(caused.p50));
    // More orders caused, wider bands: the picture for the docs.
    await panel.getByTestId('band-chart-converted').scrollIntoViewIfNeeded();
    await screenshot('forecast-bands');
    await panel.getByRole('tab', { name: 'Assumptions' }).click();
    expect(await panel.getByTestId('assumption-reminder-1-convert').textContent()).toContain(
      'Conversions caused 30% within 3 daysSet on the message',
    );
  }, 180_000);

  it('speaks Swedish', async () => {
    const swedish = await studio.browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: 'sv-SE',
    });
    const sv = await swedish.newPage();
    await sv.goto(studio.server.url);
    await sv.getByTestId('library').waitFor();
    await sv.getByText('Cart forecast').click();
    await sv.getByTestId('editor-bar').waitFor();
    await sv.getByRole('button', { name: 'Simulera', exact: true }).click();
    const panel = sv.getByTestId('simulation-panel');
    await panel.getByTestId('forecast-headline').waitFor();
    expect(await panel.getByTestId('forecast-intro').textContent()).toMatch(
      /^Prognos över 100 körningar\./,
    );
    expect(await panel.getByRole('tab', { name: 'Antaganden' }).count()).toBe(1);
    await screenshot('forecast-sv', sv);
    await swedish.close();
  });
});
