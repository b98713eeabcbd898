/**
 * A customer list kept in a workbook of several sheets, imported in Norwegian: the sheet chosen
 * in the dialog, previewed with its Nordic letters, imported whole.
 * `UPDATE_SCREENSHOTS=1 npx vitest run --project e2e tests/e2e/import-workbook.test.ts` also
 * writes docs/screenshots/import-sheet-nb.png.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ods, row, table, xlsx } from '../core/import/workbooks';
import { catalogue, startStudio, SYSTEM_LOCALE, type Studio } from './studio';

const ROOT = join(import.meta.dirname, '..', '..');
let studio: Studio;
let work: string;
const t = catalogue('nb');

const NOTES = [
  ['Skrevet av', 'Dato'],
  ['Åse Ødegård', '2026-11-30'],
];
const CUSTOMERS = [
  ['id', 'email', 'first_name', 'city'],
  ['k1', 'åse@example.no', 'Åse', 'Tromsø'],
  ['k2', 'bjørn@example.no', 'Bjørn', 'Bodø'],
  ['k3', 'märta@example.se', 'Märta', 'Malmö'],
];

beforeAll(async () => {
  studio = await startStudio();
  work = mkdtempSync(join(tmpdir(), 'js-workbook-'));
  writeFileSync(
    join(work, 'kunder.xlsx'),
    await xlsx([
      { name: 'Notater', rows: NOTES },
      { name: 'Kunder', rows: CUSTOMERS },
    ]),
  );
  writeFileSync(
    join(work, 'kunder.ods'),
    ods([
      table(
        'Notater',
        NOTES.map((r) => row(r)),
      ),
      table(
        'Kunder',
        CUSTOMERS.map((r) => row(r)),
      ),
    ]),
  );
});

afterAll(async () => {
  await studio?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('a workbook of several sheets, in Norwegian', () => {
  it.each(['kunder.xlsx', 'kunder.ods'])('imports the sheet chosen from %s', async (file) => {
    const { page, context } = await studio.open({ locale: SYSTEM_LOCALE.nb });
    await page.evaluate("window.location.hash = '#/data'; window.location.reload()");
    await page.getByTestId('data-view').waitFor();
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: t('data.importProfiles') }).click(),
    ]);
    await chooser.setFiles(join(work, file));

    const dialog = page.getByRole('dialog');
    const sheet = dialog.getByRole('combobox', { name: t('data.import.sheet') });
    await sheet.waitFor();
    expect(await sheet.locator('option').allTextContents()).toEqual(['Notater', 'Kunder']);
    expect(await dialog.getByText('Arbeidsboken har 2 ark').isVisible()).toBe(true);
    await sheet.selectOption('Kunder');
    // The kind of workbook, without a size: the sheet arrives as text, not as the file's bytes.
    await expect
      .poll(() => dialog.locator('.import-file-meta').textContent())
      .toBe(file.endsWith('.ods') ? 'OpenDocument' : 'Excel');

    const preview = dialog.getByTestId('import-preview');
    await expect
      .poll(() => preview.locator('tbody tr').first().locator('td').allTextContents())
      .toEqual(expect.arrayContaining(['k1', 'åse@example.no', 'Åse', 'Tromsø']));
    if (process.env.UPDATE_SCREENSHOTS && file.endsWith('.ods')) {
      await page.screenshot({ path: join(ROOT, 'docs', 'screenshots', 'import-sheet-nb.png') });
    }
    await dialog.getByRole('button', { name: t('data.import.titleProfiles') }).click();
    await dialog.getByTestId('import-result').waitFor();
    expect(await dialog.getByTestId('import-kept').textContent()).toBe('3');
    expect(await dialog.getByTestId('import-rejected').textContent()).toBe('0');
    await context.close();
  });
});
