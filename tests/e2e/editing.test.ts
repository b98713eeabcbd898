import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, dropFromPalette, input, mod, node, startStudio, type Studio } from './studio';

let studio: Studio;

beforeAll(async () => {
  studio = await startStudio();
});

afterAll(async () => {
  await studio?.close();
});

async function openBlank(name: string) {
  await studio.api('createJourney', { name });
  const opened = await studio.open();
  await opened.page.getByText(name, { exact: true }).click();
  await opened.page.getByText('Start with a trigger').waitFor();
  return opened;
}

/** The kinds of the steps on the canvas, in document order. */
const ids = (page: Page) =>
  page
    .locator('.node-card')
    .evaluateAll((cards: { getAttribute(name: string): string | null }[]) =>
      cards.map((c) => c.getAttribute('data-kind')),
    );

describe('editing on the canvas', () => {
  it('undoes and redoes edits, from the keyboard and the toolbar', async () => {
    const { page, context } = await openBlank('Undo me');
    // Number keys add steps; with a step selected, the new one follows it, connected.
    await page.locator('.react-flow__pane').click();
    await page.keyboard.press('1');
    await node(page, 'trigger').waitFor();
    await page.keyboard.press('2');
    await node(page, 'wait').waitFor();
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(1);
    await expect.poll(() => page.getByTestId('issues-summary').textContent()).toBe('No problems');

    await page.getByRole('spinbutton', { name: 'Wait for: amount' }).fill('3');
    await expect.poll(() => node(page, 'wait').textContent()).toContain('Wait 3 days');

    await page.locator('.react-flow__pane').click({ position: { x: 40, y: 40 } });
    await page.keyboard.press(`${mod}+z`);
    await expect.poll(() => node(page, 'wait').textContent()).toContain('Wait 1 day');
    await page.keyboard.press(`${mod}+z`);
    await expect.poll(() => ids(page)).toEqual(['trigger']);
    await page.keyboard.press(`${mod}+Shift+z`);
    await expect.poll(() => ids(page)).toEqual(['trigger', 'wait']);
    await page.getByRole('button', { name: 'Redo' }).click();
    await expect.poll(() => node(page, 'wait').textContent()).toContain('Wait 3 days');
    expect(await page.getByRole('button', { name: 'Redo' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => ids(page)).toEqual([]);
    await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('Saved');
    await context.close();
  });

  it('refuses connections that validation would reject, and says why', async () => {
    const { page, context } = await openBlank('Refusals');
    await dropFromPalette(page, 'trigger', 300, 90);
    await dropFromPalette(page, 'message', 300, 260);
    await dropFromPalette(page, 'exit', 640, 260);
    await connect(page, 'trigger', 'next', input(page, 'message'));
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(1);

    // Into the trigger: dropped on its card (it has no input).
    await connect(page, 'message', 'next', node(page, 'trigger'));
    await expect
      .poll(() => page.getByTestId('toast').textContent())
      .toMatch(/Nothing can lead into the trigger/);

    // From an exit that already has a connection.
    await connect(page, 'trigger', 'next', input(page, 'exit'));
    await expect
      .poll(() => page.getByTestId('toast').textContent())
      .toMatch(/already leads to “Message”/);

    // A step to itself.
    await connect(page, 'message', 'next', input(page, 'message'));
    await expect
      .poll(() => page.getByTestId('toast').textContent())
      .toMatch(/cannot lead to itself/);
    expect(await page.locator('.react-flow__edge').count()).toBe(1);

    // A valid one still works, also when dropped on the card's body.
    await connect(page, 'message', 'next', node(page, 'exit'));
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(2);
    await context.close();
  });

  it('copies, pastes, deletes and moves steps', async () => {
    const { page, context } = await openBlank('Clipboard');
    await dropFromPalette(page, 'trigger', 300, 90);
    await dropFromPalette(page, 'wait', 300, 250);
    await connect(page, 'trigger', 'next', input(page, 'wait'));
    await node(page, 'wait').click();
    await page.keyboard.press(`${mod}+c`);
    await page.keyboard.press(`${mod}+v`);
    await node(page, 'wait-2').waitFor();
    // The copy is selected and in the inspector (named by its title, not its id): it is the
    // wait no path leads to.
    expect(await page.locator('.react-flow__node.selected[data-id="wait-2"]').count()).toBe(1);
    expect(await page.getByTestId('node-inspector').textContent()).toContain(
      'No path leads from the trigger',
    );
    // Delete asks first, naming the step; Enter on the dialog's button deletes it.
    await page.keyboard.press('Delete');
    const ask = page.getByRole('dialog', { name: 'Delete “Wait 1 day”?' });
    await ask.getByRole('button', { name: 'Delete step' }).click();
    await expect.poll(() => ids(page)).toEqual(['trigger', 'wait']);

    const before = await node(page, 'wait').boundingBox();
    await node(page, 'wait').hover();
    await page.mouse.down();
    await page.mouse.move(
      before!.x + before!.width / 2 + 200,
      before!.y + before!.height / 2 + 80,
      {
        steps: 8,
      },
    );
    await page.mouse.up();
    const after = await node(page, 'wait').boundingBox();
    expect(after!.x).toBeGreaterThan(before!.x + 150);
    await page.locator('.react-flow__pane').click({ position: { x: 40, y: 40 } });
    await page.keyboard.press(`${mod}+z`);
    await expect
      .poll(async () => (await node(page, 'wait').boundingBox())!.x)
      .toBeCloseTo(before!.x, 0);

    await page.keyboard.press(`${mod}+a`);
    await expect
      .poll(() => page.getByRole('heading', { name: '2 steps selected' }).count())
      .toBe(1);
    await page.keyboard.press('Backspace');
    await page
      .getByRole('dialog', { name: 'Delete 2 steps?' })
      .getByRole('button', { name: 'Delete 2 steps' })
      .click();
    await expect.poll(() => ids(page)).toEqual([]);
    await context.close();
  });

  it('lists problems and reveals the step a problem is about', async () => {
    const { page, context } = await openBlank('Problems');
    await dropFromPalette(page, 'trigger', 300, 90);
    await dropFromPalette(page, 'wait', 300, 300);
    await expect.poll(() => page.getByTestId('issues-summary').textContent()).toBe('1 error');
    await page.getByTestId('issues-toggle').click();
    await page.getByRole('button', { name: /No path leads from the trigger/ }).click();
    await expect.poll(() => node(page, 'wait').getAttribute('class')).toMatch(/is-selected/);
    expect(await page.getByTestId('node-inspector').textContent()).toContain('Wait');
    expect(await node(page, 'wait').textContent()).toContain('No path leads from the trigger');
    await context.close();
  });

  it('shows the keyboard shortcuts', async () => {
    const { page, context } = await openBlank('Shortcuts');
    await page.locator('.react-flow__pane').click();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Undo');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await context.close();
  });
});
