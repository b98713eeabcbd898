import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { download, mod, node, startStudio, type Studio } from './studio';

let studio: Studio;
const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

beforeAll(async () => {
  studio = await startStudio();
});

afterAll(async () => {
  await studio?.close();
});

const list = () => studio.api<{ id: string; name: string }[]>('listJourneys', {});

/** Clicks Import… and picks the file in the browser's file chooser. */
async function importFile(page: Page, chosen: ReturnType<typeof file>) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Import…' }).click(),
  ]);
  await chooser.setFiles(chosen);
}

function file(folder: string, name: string) {
  return { name, mimeType: 'application/json', buffer: readFileSync(join(FIXTURES, folder, name)) };
}

describe('the journey library', () => {
  it('refuses a broken file with a clear reason and changes nothing', async () => {
    const { page, context } = await studio.open();
    const before = await list();
    await importFile(page, file('invalid', 'truncated.json'));
    const dialog = page.getByRole('dialog', { name: 'This file cannot be imported' });
    await dialog.waitFor();
    const text = await dialog.textContent();
    expect(text).toContain('truncated.json');
    expect(text).toMatch(/Line \d+/);
    expect(text).toMatch(/ends too early/);
    expect(text).toContain('Nothing was changed');
    await page.getByRole('button', { name: 'OK', exact: true }).click();

    await importFile(page, file('invalid', 'unknown-kind.json'));
    await expect
      .poll(() => page.getByTestId('import-problems').textContent())
      .toMatch(/unknown kind/);
    await page.keyboard.press('Escape');
    expect(await list()).toEqual(before);
    await context.close();
  });

  it('imports a journey file and exports exactly the same bytes', async () => {
    const { page, context } = await studio.open();
    const original = readFileSync(join(FIXTURES, 'journeys', 'forward-compatible.json'), 'utf8');
    await importFile(page, file('journeys', 'forward-compatible.json'));
    await page.getByTestId('journey-forward-compatible').waitFor();
    const exported = await download(page, () =>
      page.getByRole('button', { name: 'Export Keys from a newer version' }).click(),
    );
    expect(exported.name).toBe('forward-compatible.journey.json');
    expect(exported.text).toBe(original);

    // The same file again: replace it, or keep both.
    await importFile(page, file('journeys', 'forward-compatible.json'));
    await page.getByRole('dialog', { name: 'A journey with this id exists' }).waitFor();
    await page.getByRole('button', { name: 'Keep both' }).click();
    await page.getByTestId('journey-forward-compatible-2').waitFor();
    expect(await page.getByTestId('journey-forward-compatible-2').textContent()).toContain(
      '(copy)',
    );
    await context.close();
  });

  it('creates from a template, renames, duplicates and deletes', async () => {
    const { page, context } = await studio.open();
    await page.getByRole('button', { name: 'New journey' }).click();
    await page.getByRole('radio', { name: /Abandoned cart/ }).click();
    await page.getByRole('textbox', { name: 'Name' }).fill('Cart rescue');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByTestId('editor-bar').waitFor();
    await expect.poll(() => page.locator('.node-card').count()).toBeGreaterThan(3);
    expect(await page.getByTestId('issues-summary').textContent()).toBe('No problems');
    await page.getByRole('button', { name: 'Journeys' }).click();

    const row = page.getByTestId('journey-cart-rescue');
    await row.waitFor();
    await page.getByRole('button', { name: 'Rename Cart rescue' }).click();
    await page.getByRole('textbox', { name: 'Name' }).fill('Cart rescue (EU)');
    await page.getByRole('button', { name: 'Rename', exact: true }).click();
    await expect.poll(() => row.textContent()).toContain('Cart rescue (EU)');

    await page.getByRole('button', { name: 'Duplicate Cart rescue (EU)' }).click();
    await page.getByTestId('journey-cart-rescue-eu-copy').waitFor();

    await page.getByRole('button', { name: 'Delete Cart rescue (EU) (copy)' }).click();
    await page
      .getByRole('dialog', { name: 'Delete this journey?' })
      .getByRole('button', { name: 'Delete' })
      .click();
    await expect.poll(() => page.getByTestId('journey-cart-rescue-eu-copy').count()).toBe(0);
    expect((await list()).map((j) => j.id)).toContain('cart-rescue');
    await context.close();
  });

  it('refuses to save over a save from another window, and offers the choices', async () => {
    await studio.api('createJourney', { name: 'Shared' });
    const first = await studio.open();
    const second = await studio.open();
    for (const { page } of [first, second]) {
      await page.getByText('Shared', { exact: true }).click();
      await page.getByTestId('editor-bar').waitFor();
    }
    await first.page.locator('.react-flow__pane').click();
    await first.page.keyboard.press('1');
    await node(first.page, 'trigger').waitFor();
    await first.page.keyboard.press(`${mod}+s`);
    await expect.poll(() => first.page.getByTestId('save-state').textContent()).toBe('Saved');

    await second.page.locator('.react-flow__pane').click();
    await second.page.keyboard.press('7');
    await node(second.page, 'exit').waitFor();
    await second.page.keyboard.press(`${mod}+s`);
    const dialog = second.page.getByRole('dialog', { name: 'Saved elsewhere meanwhile' });
    await dialog.waitFor();
    expect(await second.page.getByTestId('conflict-message').textContent()).toMatch(
      /another window/,
    );
    expect(await second.page.getByTestId('save-state').textContent()).toBe('Unsaved changes');
    await second.page.getByRole('button', { name: 'Load their version' }).click();
    await node(second.page, 'trigger').waitFor();
    expect(await node(second.page, 'exit').count()).toBe(0);
    await first.context.close();
    await second.context.close();
  });

  it('asks before leaving with unsaved changes', async () => {
    await studio.api('createJourney', { name: 'Careful' });
    const { page, context } = await studio.open();
    await page.getByText('Careful', { exact: true }).click();
    await page.locator('.react-flow__pane').click();
    await page.keyboard.press('1');
    await page.getByRole('button', { name: 'Journeys' }).click();
    await page.getByRole('dialog', { name: 'Leave without saving?' }).waitFor();
    await page.getByRole('button', { name: 'Save and leave' }).click();
    await page.getByTestId('library').waitFor();
    // The list is read again once the library shows; on a busy machine that takes a moment.
    await expect.poll(() => page.getByTestId('journey-careful').textContent()).toContain('1 step');
    await context.close();
  });
});
