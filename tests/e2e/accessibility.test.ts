/**
 * Every view passes axe-core without a serious or critical violation, in English, Swedish and
 * Norwegian: contrast, names, landmarks, keyboard-reachable scroll regions. axe is evaluated in the
 * page and run on the whole document with each view open.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import {
  catalogue,
  seriousViolations,
  startStudio,
  startsWith,
  SYSTEM_LOCALE,
  type Language,
  type Studio,
} from './studio';

let studio: Studio;
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
});

afterAll(async () => {
  await studio?.close();
});

/** Each view's violations, all reported at once: one view's failure does not hide another's. */
async function expectNone(view: string): Promise<void> {
  expect.soft(await violations(), view).toEqual([]);
}

describe.each<Language>(['en', 'sv', 'nb'])(
  'every view works with a screen reader and a keyboard (%s)',
  (language) => {
    const t = catalogue(language);
    let context: BrowserContext;

    beforeAll(async () => {
      ({ page, context } = await studio.open({ locale: SYSTEM_LOCALE[language] }));
    });

    afterAll(async () => {
      await context?.close();
    });

    it('the library', async () => {
      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).textContent())
        .toBe(t('library.title'));
      await expectNone('library');
    });

    it('the canvas and the inspector', async () => {
      await page.getByRole('button', { name: t('library.new') }).click();
      await page
        .getByRole('radio', { name: startsWith(t('library.starter.abandonedCart.name')) })
        .click();
      await page.getByRole('textbox', { name: t('dialog.new.name') }).fill(`Cart ${language}`);
      await page.getByRole('button', { name: t('dialog.new.create') }).click();
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
      await designer.getByRole('button', { name: t('designer.done') }).click();
      await designer.waitFor({ state: 'detached' });
      // The journey's settings with the time-zone list open on what a search found.
      await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
      await page.getByTestId('journey-settings').waitFor();
      await page
        .getByRole('combobox', { name: startsWith(t('field.settings.timezone.title')) })
        .fill('sto');
      await page.getByRole('option', { name: /^Stockholm/ }).waitFor();
      await expectNone('time-zone picker');
      await page.keyboard.press('Escape');
    });

    it('the simulation and one shopper', async () => {
      await page.getByRole('button', { name: t('bar.simulate'), exact: true }).click();
      const panel = page.getByTestId('simulation-panel');
      await panel.getByRole('button', { name: t('sim.panel.run'), exact: true }).click();
      await page.getByTestId('run-bar').waitFor();
      await expectNone('simulation');
      await panel.getByRole('tab', { name: t('sim.tab.trace') }).click();
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
      await page.getByRole('button', { name: t('data.journeys') }).click();
      await page.getByRole('button', { name: t('library.settings'), exact: true }).click();
      await page.getByRole('dialog').getByTestId('settings-form').waitFor();
      await expectNone('settings');
      await page.keyboard.press('Escape');
    });
  },
);
