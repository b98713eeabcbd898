/**
 * Every view passes axe-core without a serious or critical violation: contrast, names, landmarks,
 * keyboard-reachable scroll regions. axe is evaluated in the page and run on the whole document
 * with each view open.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { seriousViolations, startStudio, type Studio } from './studio';

let studio: Studio;
let context: BrowserContext;
let page: Page;

const violations = () => seriousViolations(page);

beforeAll(async () => {
  studio = await startStudio();
  await studio.api('generateSampleData', {
    count: 60,
    days: 7,
    seed: 7,
    start: '2026-05-01T00:00:00.000Z',
  });
  ({ page, context } = await studio.open());
});

afterAll(async () => {
  await context?.close();
  await studio?.close();
});

/** Each view's violations, all reported at once: one view's failure does not hide another's. */
async function expectNone(view: string): Promise<void> {
  expect.soft(await violations(), view).toEqual([]);
}

describe('every view works with a screen reader and a keyboard', () => {
  it('the library', async () => {
    await expectNone('library');
  });

  it('the canvas and the inspector', async () => {
    await page.getByRole('button', { name: 'New journey' }).click();
    await page.getByRole('radio', { name: /Abandoned cart/ }).click();
    await page.getByRole('textbox', { name: 'Name' }).fill('Cart rescue');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByTestId('editor-bar').waitFor();
    await expectNone('canvas');
    await page.locator('.react-flow__node[data-id^="reminder"]').first().click();
    await page.getByTestId('node-inspector').waitFor();
    await expectNone('inspector');
    await page.getByTestId('open-designer').click();
    const designer = page.getByTestId('email-designer');
    await designer.waitFor();
    await designer.locator('[data-testid^="design-block-"][role="group"]').first().click();
    await expectNone('email designer');
    await designer.getByRole('button', { name: 'Done' }).click();
    await designer.waitFor({ state: 'detached' });
    // The journey's settings with the time-zone list open on what a search found.
    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
    await page.getByTestId('journey-settings').waitFor();
    await page.getByRole('combobox', { name: /^Time zone/ }).fill('sto');
    await page.getByRole('option', { name: /^Stockholm/ }).waitFor();
    await expectNone('time-zone picker');
    await page.keyboard.press('Escape');
  });

  it('the simulation and one shopper', async () => {
    await page.getByRole('button', { name: 'Simulate', exact: true }).click();
    const panel = page.getByTestId('simulation-panel');
    await panel.getByRole('button', { name: 'Simulate', exact: true }).click();
    await page.getByTestId('run-bar').waitFor();
    await expectNone('simulation');
    await panel.getByRole('tab', { name: 'One profile' }).click();
    await panel.getByTestId('trace-samples').getByRole('button').first().click();
    await expectNone('one shopper');
  });

  it('the run panel and the outbox', async () => {
    await page.getByTestId('run-open').click();
    await page.getByTestId('run-panel').waitFor();
    await expectNone('run panel');
    await page.getByTestId('run-open-outbox').click();
    await page.getByTestId('outbox-view').waitFor();
    await expectNone('outbox');
  });

  it('the sample data and the settings', async () => {
    await page.evaluate("window.location.hash = '#/data'; window.location.reload()");
    await page.getByTestId('data-view').waitFor();
    await expectNone('sample data');
    await page.getByRole('button', { name: 'Journeys' }).click();
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByRole('dialog').getByTestId('settings-form').waitFor();
    await expectNone('settings');
    await page.keyboard.press('Escape');
  });
});
