/**
 * The outline beside the canvas, used by keyboard alone: a journey built from it, step by step,
 * lands on the canvas with its connections; with the outline open the editor passes axe.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations, startStudio, type Studio } from './studio';

let studio: Studio;

beforeAll(async () => {
  studio = await startStudio();
});

afterAll(async () => {
  await studio?.close();
});

/**
 * From a row of the outline (or its empty state's button): Tab to the first action, "Add a
 * step…", then in the dialog the kind (`down` presses of ArrowDown from the first), and, when the
 * dialog asks, the exit as it comes preset; then Add.
 */
async function addStep(page: Page, down: number, fromRow = true): Promise<void> {
  if (fromRow) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await page.keyboard.press('Tab'); // the dialog's close button
  await page.keyboard.press('Tab'); // the kind of step
  for (let i = 0; i < down; i++) await page.keyboard.press('ArrowDown');
  if ((await dialog.getByRole('combobox').count()) > 1) await page.keyboard.press('Tab');
  await page.keyboard.press('Tab'); // Cancel
  await page.keyboard.press('Tab'); // Add
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'detached' });
}

describe('the outline, by keyboard only', () => {
  it('opens with O, builds trigger → wait → condition with a message on No, and passes axe', async () => {
    await studio.api('createJourney', { name: 'Outlined' });
    const { page } = await studio.open();
    await page
      .getByRole('button', { name: /^Outlined/ })
      .first()
      .focus();
    await page.keyboard.press('Enter');
    await page.getByText('Start with a trigger').waitFor();

    await page.keyboard.press('o');
    const outline = page.getByRole('region', { name: 'Outline' });
    await outline.waitFor();
    expect(await page.getByTestId('outline-toggle').getAttribute('aria-pressed')).toBe('true');
    const focused = () => page.evaluate<string>("document.activeElement?.textContent ?? ''");
    await expect.poll(focused).toBe('Add a step…');

    await addStep(page, 0, false); // a trigger, on its own
    const focusedRow = () =>
      page.evaluate<string>("document.activeElement?.getAttribute('aria-label') ?? ''");
    await expect.poll(focusedRow).toMatch(/^Trigger: /);
    await addStep(page, 0); // a wait after it
    await expect.poll(focusedRow).toMatch(/^Wait: /);
    await addStep(page, 1); // a condition after the wait
    await expect.poll(focusedRow).toMatch(/^Condition: /);

    // Down to the condition's No exit, and a message there.
    await page.keyboard.press('ArrowDown');
    await expect.poll(focusedRow).toBe('“Yes” exit: profiles end the journey here');
    await page.keyboard.press('ArrowDown');
    await expect.poll(focusedRow).toBe('“No” exit: profiles end the journey here');
    await addStep(page, 3);
    await expect.poll(focusedRow).toMatch(/^Message: /);
    await expect
      .poll(() => page.getByTestId('outline-announcement').textContent())
      .toMatch(/^Added a message after “.+”, on its “No” exit\.$/);

    // The canvas has the four steps and the three connections, the last one from No (all in
    // view: F, the canvas's own key, works from the outline too).
    await page.keyboard.press('f');
    for (const kind of ['trigger', 'wait', 'condition', 'message']) {
      await expect.poll(() => page.locator(`[data-kind="${kind}"]`).count()).toBe(1);
    }
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(3);
    await expect
      .poll(() => page.locator('.react-flow__edge[aria-label*="through “No”"]').count())
      .toBe(1);
    const treeRows = outline.getByRole('treeitem');
    expect(await treeRows.count()).toBe(6);
    // Selected in the outline, selected on the canvas.
    expect(await page.locator('.node-card.is-selected[data-kind="message"]').count()).toBe(1);

    expect(await seriousViolations(page)).toEqual([]);
  });
});
