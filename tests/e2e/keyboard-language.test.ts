/**
 * The editor in Swedish, edited by keyboard alone.
 * `UPDATE_SCREENSHOTS=1 npx vitest run --project e2e tests/e2e/keyboard-language.test.ts` also
 * writes docs/screenshots/editor-sv.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { node, startStudio, type Studio } from './studio';

const ROOT = join(import.meta.dirname, '..', '..');
let studio: Studio;

beforeAll(async () => {
  studio = await startStudio();
});

afterAll(async () => {
  await studio?.close();
});

describe('Swedish, by keyboard only', () => {
  it('switches the language, then builds a Yes/No branch, connects and moves steps with keys', async () => {
    await studio.api('createJourney', { name: 'Tangentbord' });
    const { page } = await studio.open({ locale: 'en-GB' });

    const picker = page.getByRole('combobox', { name: 'Language' });
    await picker.focus();
    await page.keyboard.press('ArrowDown'); // English → Svenska
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Resor');

    // Into the journey by Tab and Enter: the first journey's row follows the header's buttons.
    await page
      .getByRole('button', { name: /^Tangentbord/ })
      .first()
      .focus();
    await page.keyboard.press('Enter');
    await page.getByText('Börja med en utlösare').waitFor();
    await page.getByRole('region', { name: /Resans yta/ }).focus();

    const said = () => page.getByTestId('canvas-announcement').textContent();
    await page.keyboard.press('1'); // a trigger
    await node(page, 'trigger').waitFor();
    await page.keyboard.press('3'); // a condition after it
    await node(page, 'condition').waitFor();
    await page.keyboard.press('e');
    await page.keyboard.press('e');
    await expect.poll(said).toContain('via utgången ”Nej”');
    await page.keyboard.press('2'); // a wait on No
    await node(page, 'wait').waitFor();
    await expect.poll(said).toContain('via utgången ”Nej”');

    // Back to the condition, and Yes to the exit of the wait's branch, chosen from a list.
    await page.keyboard.press('7'); // an exit after the wait
    await node(page, 'exit').waitFor();
    await node(page, 'condition').click();
    await page.keyboard.press('c');
    const dialog = page.getByRole('dialog', { name: /^Koppla/ });
    await dialog.waitFor();
    // Steps are found by what their cards say, in Swedish.
    await page.keyboard.type('Lämna');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(said).toContain('Kopplade utgången ”Ja”');
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(4);

    const x = async () => (await node(page, 'condition').boundingBox())?.x ?? 0;
    const before = await x();
    await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(x).toBeGreaterThan(before + 40);
    await expect.poll(said).toContain('åt höger');

    await expect.poll(() => page.getByTestId('issues-summary').textContent()).toBe('Inga problem');
    expect(await page.getByRole('button', { name: 'Spara' }).isVisible()).toBe(true);

    if (process.env.UPDATE_SCREENSHOTS) {
      mkdirSync(join(ROOT, 'docs', 'screenshots'), { recursive: true });
      await page.getByRole('button', { name: 'Städa' }).click();
      await page.screenshot({ path: join(ROOT, 'docs', 'screenshots', 'editor-sv.png') });
    }

    // The app's own notices are in Swedish too.
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByTestId('toast').textContent()).toBe('Sparat.');
  });
});
