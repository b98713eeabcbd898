/**
 * The abandoned-cart starter on the canvas in Norwegian Bokmål.
 * `UPDATE_SCREENSHOTS=1 npx vitest run --project e2e tests/e2e/canvas-norwegian.test.ts` also
 * writes docs/screenshots/editor-nb.png.
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

describe('the canvas in Norwegian', () => {
  it('says what every step does in Bokmål, from a Norwegian system', async () => {
    await studio.api('createJourney', { name: 'Forlatt handlekurv', templateId: 'abandoned-cart' });
    const { page } = await studio.open({ locale: 'nb-NO' });
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Reiser');
    await page
      .getByRole('button', { name: /^Forlatt handlekurv/ })
      .first()
      .click();
    await node(page, 'carted').waitFor();

    const summary = (id: string) => node(page, id).locator('.node-summary').textContent();
    expect(await summary('carted')).toBe('Når cart skjer');
    expect(await summary('wait-1h')).toBe('Vent 1 time');
    expect(await summary('wait-1d')).toBe('Vent 1 dag');
    expect(await summary('returning')).toBe('Hvis purchase har skjedd');
    expect(await summary('reminder-1')).toMatch(/^E-post: \{first_name\}/);
    expect(await node(page, 'returning').locator('.node-port-label').allTextContents()).toEqual([
      'Ja',
      'Nei',
    ]);
    expect(
      await node(page, 'wait-1h').locator('.node-kind, .node-title').first().textContent(),
    ).toBe('Vent');

    if (process.env.UPDATE_SCREENSHOTS) {
      mkdirSync(join(ROOT, 'docs', 'screenshots'), { recursive: true });
      await page.getByRole('button', { name: 'Rydd opp' }).click();
      // Tidying up fits the view in a 200 ms animation; the picture is of where it ends.
      await page.waitForTimeout(600);
      await page.screenshot({ path: join(ROOT, 'docs', 'screenshots', 'editor-nb.png') });
    }
  });
});
