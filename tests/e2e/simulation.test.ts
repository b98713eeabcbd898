/**
 * The simulation as a marketer meets it, checked against the command line: sample data imported
 * in the data view, a starter journey simulated from the panel, the counts on the canvas, one
 * shopper's path, the comparison after an edit, messages per day and an A/B test. Every figure
 * the app shows is compared with what `npm run cli -- simulate` reports for the same journey file
 * (exported from the app), data, window and seed.
 *
 * `UPDATE_SCREENSHOTS=1 npx vitest run --project e2e tests/e2e/simulation.test.ts` also writes
 * the screenshots in docs/ on the way.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Journey } from '../../core/model/journey';
import type { SimulationReport } from '../../core/simulator/report';
import {
  canvasFigures,
  cliSimulate,
  expectedComparison,
  expectedTrace,
  number,
  reportFigures,
  shownComparison,
  shownTrace,
  stepNames,
} from './simulation-figures';
import { download, node, startStudio, type Studio } from './studio';

const ROOT = join(import.meta.dirname, '..', '..');
const REES46 = join(ROOT, 'assets', 'samples', 'rees46-multicategory-2019-Oct-head.csv');
const MAP = 'profile_id=user_id,name=event_type,time=event_time';
/**
 * From midnight to the next night, in UTC: the export's three hours of events, then the day the
 * starter waits before its second reminder, which ends for some shoppers inside the window and
 * not for others.
 */
const START = '2019-10-01T00:00';
const END = '2019-10-02T03:40';
const SEED = 7;

let studio: Studio;
let context: BrowserContext;
let page: Page;
let work: string;
let eventsFile: string;
/** The journey as exported from the app before the edit, and the command line's report on it. */
let journeyFile: string;
let journey: Journey;
let firstReport: SimulationReport;

/** The command line on the same events, window and seed as the app. */
function simulateOnCli(journeyFile: string, trace: string[] = []) {
  return cliSimulate({
    journey: journeyFile,
    events: eventsFile,
    map: MAP,
    start: `${START}:00Z`,
    end: `${END}:00Z`,
    seed: SEED,
    trace,
    json: join(work, `${Date.now()}.report.json`),
  });
}

/** Exports the journey from the editor (saving it first) and keeps the file for the CLI. */
async function exportJourney(): Promise<{ file: string; journey: Journey }> {
  const exported = await download(page, () => page.getByRole('button', { name: 'Export' }).click());
  const notice = page.getByRole('status').filter({ hasText: 'Exported' });
  expect(await notice.textContent()).toBe(`Exported “${exported.name}”.`);
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  const file = join(work, `${Date.now()}-${exported.name}`);
  writeFileSync(file, exported.text);
  return { file, journey: JSON.parse(exported.text) as Journey };
}

/** Writes a screenshot for the docs when UPDATE_SCREENSHOTS is set; the normal run skips it. */
async function screenshot(name: string, on: Page = page): Promise<void> {
  if (!process.env.UPDATE_SCREENSHOTS) return;
  await on.screenshot({ path: join(ROOT, 'docs', `${name}.png`) });
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'js-e2e-sim-'));
  // The export as it is, with two damaged lines in it, as real exports have: the app and the
  // command line must both leave them out, say so, and keep the rest.
  const lines = readFileSync(REES46, 'utf8').split('\n');
  lines.splice(
    4,
    0,
    '2019-10-01 00:00:0x UTC,view,1004237,2053013555631882655,electronics.smartphone,apple,1181.98,518460101,9d1fe6c1-7011-4d33-9d8e-5d0e2a3e4b55',
    '2019-10-01 00:00:02 UTC,view,1004237,2053013555631882655,electronics.smartphone,apple,1181.98,,9d1fe6c1-7011-4d33-9d8e-5d0e2a3e4b55',
  );
  eventsFile = join(work, 'rees46-multicategory-2019-Oct-head.csv');
  writeFileSync(eventsFile, lines.join('\n'));
  studio = await startStudio();
  ({ context, page } = await studio.open());
  // A step that does not happen fails in seconds, not after the test's whole minute.
  page.setDefaultTimeout(10_000);
});

afterAll(async () => {
  await context?.close();
  await studio?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('simulating the abandoned-cart starter on a real REES46 export', () => {
  it('imports the events through the data view: columns matched, a preview, rows left out', async () => {
    await page.getByRole('button', { name: 'Sample data' }).click();
    await page.getByTestId('data-view').waitFor();
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Import events…' }).click(),
    ]);
    await chooser.setFiles(eventsFile);

    const dialog = page.getByRole('dialog');
    expect(await dialog.getByRole('heading').first().textContent()).toBe('Import events');
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    // REES46's columns are recognised and read as who, what and when.
    expect(await page.getByTestId('mapping-suggested').isVisible()).toBe(true);
    expect(await dialog.getByLabel(/customer id/).inputValue()).toBe('user_id');
    expect(await dialog.getByLabel(/what they did/).inputValue()).toBe('event_type');
    expect(await dialog.getByLabel(/says when/).inputValue()).toBe('event_time');
    const head = await preview.locator('thead th').allTextContents();
    expect(head.slice(0, 3)).toEqual([
      'profile_idfrom user_id · text',
      'namefrom event_type · text',
      'timefrom event_time · time',
    ]);
    const firstCells = preview.locator('tbody tr').first().locator('td');
    expect((await firstCells.allTextContents()).slice(0, 3)).toEqual([
      '541312140',
      'view',
      '2019-10-01 00:00:00 UTC',
    ]);

    // Another column for the event's name: the preview follows; then back.
    await dialog.getByLabel(/what they did/).selectOption('brand');
    await expect.poll(() => firstCells.nth(1).textContent()).toBe('shiseido');
    await dialog.getByLabel(/what they did/).selectOption('event_type');
    await expect.poll(() => firstCells.nth(1).textContent()).toBe('view');

    // The damaged lines are named, with their line and reason, before anything is imported.
    const problems = dialog.getByTestId('import-problems').locator('tbody tr');
    expect(await problems.allTextContents()).toEqual([
      expect.stringMatching(/^5bad-time/),
      expect.stringMatching(/^6missing-id/),
    ]);
    await screenshot('data-import');

    await dialog.getByRole('button', { name: 'Import events' }).click();
    await page.getByTestId('import-result').waitFor();
    expect(await dialog.getByRole('heading').first().textContent()).toBe('Imported events');
    expect(await page.getByTestId('import-kept').textContent()).toBe('17,434');
    expect(await page.getByTestId('import-rejected').textContent()).toBe('2');
    expect(await dialog.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    expect(await problems.count()).toBe(2);
    await dialog.getByRole('button', { name: 'Done' }).click();

    const dataset = page.getByRole('region', {
      name: 'rees46 multicategory 2019 Oct head',
      exact: true,
    });
    expect(await dataset.getByRole('list', { name: 'Events in this data set' }).textContent()).toBe(
      'view17,055purchase214cart165',
    );
    expect(await dataset.textContent()).toContain('Left out2 rows');
  });

  it('simulates from the panel and draws on the canvas the counts the command line reports', async () => {
    await page.getByRole('button', { name: 'Journeys' }).click();
    await page.getByRole('button', { name: 'New journey' }).click();
    await page.getByRole('radio', { name: /Abandoned cart/ }).click();
    await page.getByRole('textbox', { name: 'Name' }).fill('Cart rescue');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByTestId('editor-bar').waitFor();

    await page.getByRole('button', { name: 'Simulate', exact: true }).click();
    const panel = page.getByTestId('simulation-panel');
    await panel
      .getByLabel('Events')
      .selectOption({ label: 'rees46 multicategory 2019 Oct head (17,434)' });
    // No profile file: the profiles are the shoppers in the events, as on the command line.
    expect(await panel.getByLabel('Profiles').locator('option:checked').textContent()).toBe(
      'Those in the events',
    );
    await panel.getByLabel('Starts').fill(START);
    await panel.getByRole('radio', { name: 'Until' }).click();
    await panel.getByLabel('Ends (UTC)').fill(END);
    await panel.getByLabel('Same number, same result').fill(String(SEED));
    await panel.getByRole('button', { name: 'Simulate', exact: true }).click();
    await page.getByTestId('run-bar').waitFor();
    await screenshot('simulation');

    const exported = await exportJourney();
    ({ file: journeyFile, journey } = exported);
    const { report } = await simulateOnCli(exported.file);
    firstReport = report;
    // The command line read the same rows: all the events, none before the window.
    expect(report.events).toEqual({ replayed: 17_434, history: 0 });

    const shown = await canvasFigures(page, journey);
    expect(shown).toEqual(reportFigures(report, journey));
    // Not two empty pages agreeing: the window leaves shoppers waiting, and both branches taken.
    expect(shown.waiting['wait-1d']).toBeGreaterThan(0);
    expect(shown.flows['returning:yes->reminder-returning']).toBeGreaterThan(0);
    expect(shown.flows['returning:no->reminder-free-shipping']).toBeGreaterThan(0);

    expect(number(await page.getByTestId('stat-entered').textContent())).toBe(report.enrollments);
    expect(number(await page.getByTestId('stat-converted').textContent())).toBe(
      report.conversions.total,
    );
    expect(number(await page.getByTestId('stat-active').textContent())).toBe(report.active);
    expect(await page.getByTestId('run-bar').textContent()).toContain(
      `Simulated: ${report.enrollments} entered · ${report.conversions.total} converted`,
    );
    // Which conversions those are: nobody had an address, so all came before any message.
    expect(report.conversions.breakdown.afterMessage).toBe(0);
    expect(await page.getByTestId('stat-converted-breakdown').textContent()).toBe(
      'all before any message was sent',
    );
    // The window chosen is shorter than the starter's longest path (two days), and it says so.
    expect(report.warnings.map((w) => w.code)).toEqual(['window-shorter-than-journey']);
    expect(await page.getByTestId('sim-warning').textContent()).toBe(report.warnings[0]?.message);

    // On each message step itself: reached · sent · not sent, with the reason, not in a tooltip.
    for (const [id, counts] of Object.entries(report.messages)) {
      expect(await page.getByTestId(`sent-${id}`).textContent()).toBe(`${counts.sent} sent`);
      const notSent = counts.skipped.no_address ?? 0;
      if (notSent)
        expect(await page.getByTestId(`not-sent-${id}`).textContent()).toBe(
          `${notSent} not sent (no address)`,
        );
    }

    // The messages, step by step: REES46 shoppers have no email address, and the app says so.
    await panel.getByRole('tab', { name: 'Messages' }).click();
    for (const [id, counts] of Object.entries(report.messages)) {
      const step = panel.getByTestId(`message-${id}`);
      expect(await step.locator('.message-figures').textContent()).toBe(
        `${counts.sent} sentof ${report.nodes[id]?.entered ?? 0} who reached it`,
      );
      const skipped = counts.skipped.no_address ?? 0;
      expect(await step.getByTestId(`skip-${id}-no_address`).count()).toBe(skipped ? 1 : 0);
      if (skipped)
        expect(number(await step.getByTestId(`skip-${id}-no_address`).textContent())).toBe(skipped);
    }
  });

  it('follows one shopper step by step, with the times and reasons the engine traced', async () => {
    const panel = page.getByTestId('simulation-panel');
    await panel.getByRole('tab', { name: 'One profile' }).click();
    // Someone who bought before, left the cart again, and got both reminders (both skipped).
    const reached = firstReport.nodes['reminder-returning']?.entered ?? 0;
    await panel
      .getByLabel('Or follow someone who reached')
      .selectOption({ label: `Second reminder: returning customers (${reached})` });
    const shopper = firstReport.samples['reminder-returning']?.[0] ?? '';
    await panel.getByTestId('trace-samples').getByRole('button', { name: shopper }).click();
    await panel.getByTestId('trace-steps').waitFor();

    const { traces } = await simulateOnCli(journeyFile, [shopper]);
    const cliSteps = traces.get(shopper) ?? [];
    // Arriving at a step is said by the line that leads there, so the list has no line for it.
    const listed = cliSteps.filter((s) => !s.text.startsWith('at '));
    const names = await stepNames(page, journey);
    const expected = expectedTrace(cliSteps, names, journey.settings.timezone ?? 'UTC');
    expect(expected.length).toBeGreaterThan(10);
    expect(await shownTrace(page)).toEqual(expected);

    // The engine's own trace of the run, through the API, says the same as the command line.
    const [latest] = await studio.api<{ id: string }[]>('listSimulationRuns', {
      journeyId: journey.id,
    });
    const traced = await studio.api<{ steps: { at: string; text: string }[] }>('traceProfile', {
      runId: latest?.id,
      profileId: shopper,
    });
    expect(
      traced.steps.map((s) => ({ at: s.at.replace('T', ' ').replace('.000Z', 'Z'), text: s.text })),
    ).toEqual(cliSteps);

    // Stepping through: the list, the position, and the canvas follow the shopper.
    const position = panel.getByTestId('trace-position');
    const current = panel.locator('.trace-step[aria-selected="true"] .trace-title');
    expect(await position.textContent()).toBe(`Step 1 of ${expected.length}`);
    expect(await node(page, 'carted').getAttribute('class')).toContain('trace-current');
    for (let i = 1; i < expected.length; i++) {
      if (i % 2) await panel.getByRole('button', { name: 'Next step' }).click();
      else await panel.getByTestId('trace-steps').press('ArrowDown');
      expect(await position.textContent()).toBe(`Step ${i + 1} of ${expected.length}`);
      expect(await current.textContent()).toBe(expected[i]?.title);
      const onTo = /^\S+ → \S+ → (\S+)$/.exec(listed[i]?.text ?? '');
      if (onTo?.[1])
        expect(await node(page, onTo[1]).getAttribute('class')).toContain('trace-current');
      if (expected[i]?.title.endsWith('through “Yes”')) await screenshot('trace');
    }
    expect(await page.getByTestId('run-bar').textContent()).toContain(`Following ${shopper}`);
    await panel.getByRole('button', { name: 'Previous step' }).click();
    expect(await position.textContent()).toBe(`Step ${expected.length - 1} of ${expected.length}`);
    await page.getByRole('button', { name: 'Stop following' }).click();
  });

  it('after an edit, compares the new run with the one before, step by step', async () => {
    // Shorten the first wait from an hour to half an hour, and simulate again.
    await page.getByRole('button', { name: 'Close the simulation' }).click();
    await node(page, 'wait-1h').click();
    await page.getByRole('spinbutton', { name: 'Wait for: amount' }).fill('30');
    await page.getByRole('combobox', { name: 'Wait for: unit' }).selectOption('minutes');
    const runBar = page.getByTestId('run-bar');
    await expect.poll(() => runBar.textContent()).toContain('Edited since');
    await runBar.getByRole('button', { name: 'Simulate again' }).click();
    await expect.poll(() => runBar.textContent()).not.toContain('Edited since');

    const edited = await exportJourney();
    expect(edited.journey.nodes.find((n) => n.id === 'wait-1h')?.config.duration).toBe('PT30M');
    const { report } = await simulateOnCli(edited.file);
    expect(await canvasFigures(page, edited.journey)).toEqual(
      reportFigures(report, edited.journey),
    );

    await page.getByRole('button', { name: 'Simulate', exact: true }).click();
    const panel = page.getByTestId('simulation-panel');
    await panel.getByRole('tab', { name: 'Compare' }).click();
    expect(await panel.getByText('The journey was edited between the runs.').count()).toBe(1);

    const headline: string[][] = [];
    for (const row of await panel.getByTestId('compare-headline').locator('tbody tr').all())
      headline.push(await row.locator('th, td').allTextContents());
    const sent = (r: SimulationReport) => Object.values(r.sent).reduce((a, b) => a + (b ?? 0), 0);
    const change = (label: string, a: number, b: number) => [
      label,
      String(a),
      String(b),
      b === a ? '±0' : `${b > a ? '+' : '−'}${Math.abs(b - a)}`,
    ];
    expect(headline).toEqual([
      change('Entered', firstReport.enrollments, report.enrollments),
      change('Converted', firstReport.conversions.total, report.conversions.total),
      change('Messages sent', sent(firstReport), sent(report)),
      change('Still in the journey', firstReport.active, report.active),
    ]);

    const names = await stepNames(page, edited.journey);
    const expected = expectedComparison(firstReport, report, edited.journey, names);
    expect(expected.length).toBeGreaterThan(0);
    expect(await shownComparison(page)).toEqual(expected);
    await screenshot('compare');
  });
});

describe('an A/B test: the win-back starter on its own sample customers', () => {
  const samples = join(ROOT, 'assets', 'samples', 'win-back');
  const window = { start: '2025-03-03T00:00', end: '2025-04-14T00:00' };

  beforeAll(async () => {
    // A window of its own, on the library, whatever the tests before left open.
    await context.close();
    ({ context, page } = await studio.open());
    page.setDefaultTimeout(10_000);
  });

  /** Imports a file from the data view under a name of its own, as it is. */
  async function importData(kind: 'profiles' | 'events', file: string, name: string) {
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: `Import ${kind}…` }).click(),
    ]);
    await chooser.setFiles(file);
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('import-preview').waitFor();
    await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
    await dialog.getByRole('button', { name: `Import ${kind}` }).click();
    await dialog.getByTestId('import-result').waitFor();
    expect(await dialog.getByTestId('import-rejected').textContent()).toBe('0');
    await dialog.getByRole('button', { name: 'Done' }).click();
  }

  it('shows messages per day and conversions per variant as the command line reports', async () => {
    await page.getByRole('button', { name: 'Sample data' }).click();
    await importData('profiles', join(samples, 'profiles.csv'), 'Win-back customers');
    await importData('events', join(samples, 'events.csv'), 'Win-back orders');
    await page.getByRole('button', { name: 'Journeys' }).click();
    await page.getByRole('button', { name: 'New journey' }).click();
    await page.getByRole('radio', { name: /Win-back/ }).click();
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByTestId('editor-bar').waitFor();

    await page.getByRole('button', { name: 'Simulate', exact: true }).click();
    const panel = page.getByTestId('simulation-panel');
    await panel.getByLabel('Events').selectOption({ label: 'Win-back orders (1,416)' });
    await panel.getByLabel('Profiles').selectOption({ label: 'Win-back customers (600)' });
    await panel.getByLabel('Starts').fill(window.start);
    await panel.getByRole('radio', { name: 'Until' }).click();
    await panel.getByLabel('Ends (UTC)').fill(window.end);
    await panel.getByLabel('Same number, same result').fill(String(SEED));
    await panel.getByRole('button', { name: 'Simulate', exact: true }).click();
    await page.getByTestId('run-bar').waitFor();

    const exported = await exportJourney();
    const { report } = await cliSimulate({
      journey: exported.file,
      profiles: join(samples, 'profiles.csv'),
      events: join(samples, 'events.csv'),
      start: `${window.start}:00Z`,
      end: `${window.end}:00Z`,
      seed: SEED,
      json: join(work, 'win-back.report.json'),
    });
    expect(await canvasFigures(page, exported.journey)).toEqual(
      reportFigures(report, exported.journey),
    );

    // Each variant of the split: how many were drawn into it, and how many of them converted.
    const variants = report.conversions.byVariant.test ?? {};
    expect(Object.keys(variants)).toEqual(['A', 'B', 'control']);
    for (const [key, v] of Object.entries(variants)) {
      expect(
        await panel.getByTestId(`variant-${key}`).locator('.variant-meta').textContent(),
      ).toMatch(new RegExp(`^${v.converted} of ${v.entered} converted`));
    }
    await panel.getByTestId('split-test').scrollIntoViewIfNeeded();
    await screenshot('variants');

    await panel.getByRole('tab', { name: 'Messages' }).click();
    const sent = Object.values(report.sent).reduce((a, b) => a + (b ?? 0), 0);
    expect(await panel.getByTestId('messages-summary').textContent()).toBe(
      `${sent.toLocaleString('en')} messages sent.`,
    );
    // Every bar of the chart, as its tooltip reads it: the command line's emails per local day.
    const days = Object.entries(report.messagesPerDay)
      .filter(([, c]) => (c.email ?? 0) > 0)
      .sort(([a], [b]) => a.localeCompare(b));
    expect(days.length).toBeGreaterThan(5);
    const chart = panel.getByTestId('messages-chart');
    // Where the bars are, before hovering one redraws it.
    const paths = await chart.locator('path.recharts-rectangle').all();
    const bars = await Promise.all(paths.map((bar) => bar.boundingBox()));
    expect(bars.length).toBe(days.length);
    const plot = await chart.locator('.recharts-cartesian-grid').boundingBox();
    const tooltip = chart.locator('.recharts-tooltip-wrapper');
    for (const [i, [day, channels]] of days.entries()) {
      const box = bars[i];
      if (!box || !plot) throw new Error('the chart is not drawn');
      await page.mouse.move(box.x + box.width / 2, plot.y + plot.height / 2);
      const label = new Date(`${day}T12:00:00Z`).toLocaleDateString('en-GB', {
        day: 'numeric',
        month: 'short',
        timeZone: 'UTC',
      });
      await expect.poll(() => tooltip.textContent()).toBe(`${label}Email : ${channels.email}`);
    }
    await page.mouse.move(0, 0);
    await screenshot('messages');
  });

  it('shows the run in Swedish: the setup, the counts marked simulated, numbers the Swedish way', async () => {
    const swedish = await studio.open();
    try {
      const sv = swedish.page;
      sv.setDefaultTimeout(10_000);
      await sv.evaluate("localStorage.setItem('journey-studio.locale', 'sv')");
      await sv.reload();
      await sv.getByTestId('library').waitFor();
      await sv
        .getByRole('button', { name: /^Win-back/ })
        .first()
        .click();
      await sv.getByTestId('editor-bar').waitFor();
      await sv.getByRole('button', { name: 'Simulera', exact: true }).click();
      const panel = sv.getByTestId('simulation-panel');
      await sv.getByTestId('run-bar').waitFor();
      expect(await sv.getByTestId('run-bar').textContent()).toMatch(/^Simulerat: \d+ gick in/);
      // With results, the setup folds to one line; it is named in Swedish all the same.
      expect(await panel.getByRole('region', { name: 'Simuleringens inställningar' }).count()).toBe(
        1,
      );
      await screenshot('screenshots/simulation-sv', sv);
    } finally {
      await swedish.context.close();
    }
  });

  it('shows the results in Norwegian: figures, A/B verdicts and ranges, 24-hour times', async () => {
    const norwegian = await studio.open();
    try {
      const nb = norwegian.page;
      nb.setDefaultTimeout(10_000);
      await nb.evaluate("localStorage.setItem('journey-studio.locale', 'nb')");
      await nb.reload();
      await nb.getByTestId('library').waitFor();
      await nb
        .getByRole('button', { name: /^Win-back/ })
        .first()
        .click();
      await nb.getByTestId('editor-bar').waitFor();
      await nb.getByRole('button', { name: 'Simuler', exact: true }).click();
      const panel = nb.getByTestId('simulation-panel');
      await nb.getByTestId('run-bar').waitFor();
      await panel.getByRole('tab', { name: 'Resultater' }).click();
      const headline = panel.getByTestId('headline');
      expect(await headline.getByText('Gikk inn').count()).toBe(1);
      // The window in 24-hour time, never AM/PM.
      expect(await panel.locator('.sim-window').textContent()).toMatch(
        /\d\d:\d\d – .*\d\d:\d\d .* · [\d\u00a0]+ profiler$/,
      );
      expect(await panel.locator('.sim-window').textContent()).not.toMatch(/AM|PM/);
      const split = panel.getByRole('region', { name: 'A/B-tester' });
      expect(await split.locator('.variant-meta').first().textContent()).toMatch(
        /^[\d\u00a0]+ av [\d\u00a0]+ konverterte · trolig [\d,]+\u00a0%–[\d,]+\u00a0%$/,
      );
      expect(await split.locator('.variant-verdict').first().textContent()).toMatch(
        /prosentpoeng|De andre sammenlignes|Ingen ble trukket/,
      );
      await panel.getByRole('tab', { name: 'Meldinger' }).click();
      expect(await panel.getByTestId('messages-summary').textContent()).toMatch(
        /^[\d\u00a0]+ meldinger sendt/,
      );
      await panel.getByRole('tab', { name: 'Resultater' }).click();
      await screenshot('screenshots/simulation-nb', nb);
    } finally {
      await norwegian.context.close();
    }
  });
});
