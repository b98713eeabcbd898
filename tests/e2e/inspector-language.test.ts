/**
 * The inspector in Swedish in Chromium: a step's form and the journey's settings.
 * `UPDATE_SCREENSHOTS=1 npx vitest run --project e2e tests/e2e/inspector-language.test.ts` also
 * writes docs/screenshots/inspector-sv.png and inspector-settings-sv.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { node, startStudio, type Studio } from './studio';

const ROOT = join(import.meta.dirname, '..', '..');
let studio: Studio;

beforeAll(async () => {
  studio = await startStudio();
});

afterAll(async () => {
  await studio?.close();
});

async function screenshot(page: Page, name: string): Promise<void> {
  if (!process.env.UPDATE_SCREENSHOTS) return;
  mkdirSync(join(ROOT, 'docs', 'screenshots'), { recursive: true });
  await page.screenshot({ path: join(ROOT, 'docs', 'screenshots', `${name}.png`) });
}

describe('the inspector in Swedish', () => {
  it('words a step’s form and the journey’s settings in Swedish', async () => {
    await studio.api('createJourney', { name: 'Varukorg', templateId: 'abandoned-cart' });
    const { page } = await studio.open({ locale: 'sv-SE' });
    await page
      .getByRole('button', { name: /^Varukorg/ })
      .first()
      .click();
    await page.getByTestId('editor-bar').waitFor();

    await node(page, 'returning').click();
    const inspector = page.getByRole('complementary', { name: 'Egenskaper' });
    await inspector.getByTestId('node-inspector').waitFor();
    expect(await inspector.getByText('Villkor · Förgreningar').count()).toBe(1);
    await inspector.getByText('Profiler går till ”ja” när').first().waitFor();
    expect(await inspector.getByRole('button', { name: 'Händelse' }).count()).toBe(1);
    await screenshot(page, 'inspector-sv');

    await node(page, 'reminder-1').click();
    expect(await inspector.getByRole('radiogroup', { name: 'Kanal' }).count()).toBe(1);
    expect(await inspector.getByRole('textbox', { name: 'Ämnesrad' }).count()).toBe(1);
    await inspector.getByRole('combobox', { name: 'Lägg till innehåll på ett språk' }).waitFor();
    await inspector.getByRole('region', { name: 'Förhandsvisning' }).scrollIntoViewIfNeeded();
    await inspector.getByText('Stockholm · handlar för första gången').waitFor();

    await node(page, 'wait-1d').click();
    const unit = inspector.getByRole('combobox', { name: 'Vänta i: enhet' });
    await expect.poll(() => unit.locator('option:checked').textContent()).toBe('dag');

    await page.keyboard.press('Escape');
    const settings = inspector.getByTestId('journey-settings');
    await settings.waitFor();
    expect(await settings.getByRole('heading', { name: 'Utskick' }).count()).toBe(1);
    expect(await settings.getByRole('radio', { name: 'Bara en gång' }).count()).toBe(1);
    await screenshot(page, 'inspector-settings-sv');
  });
});
