/**
 * A journey's version history in the app: two published versions compared in words and side by
 * side, the newer approved, the journey edited so the approval goes stale, and the sign-off pack
 * opened, in print layout.
 *
 * `UPDATE_SCREENSHOTS=1 npx vitest run --project e2e tests/e2e/versions.test.ts` also writes the
 * pack's first two pages to docs/screenshots/.
 */
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStudio, type Studio } from './studio';
import { importWelcome, type welcomeJourney } from './welcome-journey';

const ROOT = join(import.meta.dirname, '..', '..');

let studio: Studio;
let context: BrowserContext;
let page: Page;

type JourneyDocument = Omit<ReturnType<typeof welcomeJourney>, 'nodes'> & {
  nodes: { id: string; config: object }[];
};

async function save(change: (journey: JourneyDocument) => JourneyDocument): Promise<void> {
  const record = await studio.api<{ journey: JourneyDocument; revision: number }>('getJourney', {
    id: 'welcome',
  });
  await studio.api('saveJourney', { journey: change(record.journey), revision: record.revision });
}

beforeAll(async () => {
  studio = await startStudio();
  await importWelcome(studio);
  await studio.api('publishJourney', { journeyId: 'welcome' });
  await save((j) => ({
    ...j,
    nodes: j.nodes.map((n) =>
      n.id === 'later' ? { ...n, config: { mode: 'duration', duration: 'P3D' } } : n,
    ),
  }));
  await studio.api('publishJourney', { journeyId: 'welcome' });
  ({ page, context } = await studio.open());
});

afterAll(async () => {
  await context?.close();
  await studio?.close();
});

describe('version history', () => {
  it('compares two versions, approves one, goes stale on edit, and opens the sign-off pack', async () => {
    await page.getByTestId('journey-welcome').click();
    await page.getByTestId('run-open').click();
    await page.getByRole('button', { name: 'Version history' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('history-version-2').waitFor();
    await dialog.getByTestId('history-version-1').waitFor();

    // v1 against v2: the wait changed, in words, and marked on both canvases.
    await dialog.getByLabel('To').selectOption('2');
    await expect
      .poll(async () => (await dialog.getByTestId('history-diff').textContent()) ?? '')
      .toContain('1 day → 3 days');
    await expect.poll(() => dialog.getByTestId('history-canvases').locator('img').count()).toBe(2);

    // Approve v2.
    const v2 = dialog.getByTestId('history-version-2');
    await v2.getByRole('button', { name: 'Approve…' }).click();
    await v2.getByLabel('Name').fill('Ada Lind');
    await v2.getByLabel('Role').fill('Brand manager');
    await v2.getByLabel('Comment').fill('Copy and timing checked');
    await v2.getByRole('button', { name: 'Record the approval' }).click();
    await expect
      .poll(async () => (await v2.getByTestId('approval').textContent()) ?? '')
      .toContain('Holds for the journey as saved');

    // Another window edits the journey: the approval no longer holds.
    await save((j) => ({ ...j, name: 'Welcome (spring)' }));
    await page.getByRole('button', { name: 'Close' }).last().click();
    await page.getByRole('button', { name: 'Version history' }).click();
    await expect
      .poll(
        async () =>
          (await page.getByTestId('history-version-2').getByTestId('approval').textContent()) ?? '',
      )
      .toContain('Stale');

    // The sign-off pack of v2: its hash, the approval (stale), every part.
    await page
      .getByTestId('history-version-2')
      .getByRole('button', { name: 'Sign-off pack' })
      .click();
    const frame = page.getByTestId('sign-off-pack');
    await frame.waitFor();
    const html = (await frame.getAttribute('srcdoc')) ?? '';
    const { versions } = await studio.api<{ versions: { version: number; sha256: string }[] }>(
      'listJourneyVersions',
      { journeyId: 'welcome' },
    );
    const sha = versions.find((v) => v.version === 2)?.sha256 ?? '';
    expect(sha).toMatch(/^[0-9a-f]{64}$/);
    expect(html).toContain(`data-sha256>${sha}<`);
    expect(html).toContain('Ada Lind');
    expect(html).toContain('Stale: the journey was edited after this approval');
    for (const part of [
      'approvals',
      'canvas',
      'steps',
      'checks',
      'proofs',
      'forecast',
      'policy',
      'tests',
    ])
      expect(html).toContain(`<section id="${part}"`);
    expect(html).toContain('Welcome, Emma!');

    // The pack as it prints: A4 at 96 dpi less its 16 mm margins; every part starts a page.
    const print = await context.newPage();
    await print.setViewportSize({ width: 674, height: 1002 });
    await print.emulateMedia({ media: 'print' });
    await print.setContent(html);
    const canvasTop = (await print.locator('#canvas').boundingBox())?.y ?? 0;
    const stepsTop = (await print.locator('#steps').boundingBox())?.y ?? 0;
    expect(canvasTop).toBeGreaterThan(200);
    if (process.env.UPDATE_SCREENSHOTS) {
      const shot = (name: string, y: number, height: number) =>
        print.screenshot({
          path: join(ROOT, 'docs', 'screenshots', `${name}.png`),
          clip: { x: 0, y, width: 674, height: Math.min(height, 1002) },
          fullPage: true,
        });
      await shot('sign-off-pack-page-1', 0, canvasTop);
      await shot('sign-off-pack-page-2', canvasTop, stepsTop - canvasTop);
    }
    await print.close();
  });
});
