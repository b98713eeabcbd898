/**
 * Editing a running starter and publishing it with people inside: the impact preview names the
 * group waiting on the changed step, the marketer moves them on, and the publish carries them
 * over. With `UPDATE_SCREENSHOTS=1` it writes docs/screenshots/publish-impact.png on the way.
 */
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExecutionInfo } from '../../core/api/execution-contract';
import { mod, node, startStudio, type Studio } from './studio';

const ROOT = join(import.meta.dirname, '..', '..');

let studio: Studio;
let context: BrowserContext;
let page: Page;
let journeyId: string;

const execution = () => studio.api<ExecutionInfo>('getExecution', { journeyId });

beforeAll(async () => {
  studio = await startStudio();
  ({
    journey: { id: journeyId },
  } = await studio.api<{ journey: { id: string } }>('createJourney', {
    name: 'Spring cart',
    templateId: 'abandoned-cart',
  }));
  await studio.api('publishJourney', { journeyId });
  await studio.api('setExecutionState', { journeyId, state: 'running' });
  for (const userId of ['ada', 'bo', 'cai'])
    await studio.api('sendTestEvent', {
      userId,
      event: 'cart',
      traits: { email: `${userId}@example.com` },
    });
  ({ page, context } = await studio.open());
});

afterAll(async () => {
  await context?.close();
  await studio?.close();
});

describe('publishing a running journey with people inside', () => {
  it('previews the impact, takes a choice for the people on the changed wait, and publishes', async () => {
    // All three wait an hour before the first reminder.
    await expect.poll(async () => (await execution()).counts.nodes['wait-1h']?.here).toBe(3);
    await page.getByTestId(`journey-${journeyId}`).click();
    await node(page, 'wait-1h').click();
    await page.getByRole('spinbutton', { name: 'Wait for: amount' }).fill('2');
    await expect.poll(() => node(page, 'wait-1h').textContent()).toContain('Wait 2 hours');
    await page.keyboard.press('Escape');
    await page.keyboard.press(`${mod}+s`);
    await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('Saved');

    await page.getByTestId('run-open').click();
    await page.getByTestId('run-panel').waitFor();
    await expect.poll(() => page.getByTestId('run-state').textContent()).toContain('Running v1');
    await page.getByTestId('run-publish').click();

    const dialog = page.getByRole('dialog', { name: 'Publish version 2?' });
    await dialog.getByTestId('publish-impact').waitFor();
    expect(await dialog.getByTestId('publish-total').textContent()).toMatch(
      /^3 people are inside the journey/,
    );
    const group = dialog.getByRole('group', {
      name: '3 people wait on “Wait 1 hour” (version 1), which you changed',
    });
    expect(await group.textContent()).toContain('1 hour');
    expect(await group.textContent()).toContain('2 hours');
    expect(await group.getByTestId('publish-choice-stay').isChecked()).toBe(true);

    // Move them on to the day's wait after the first reminder, by keyboard.
    await group.getByTestId('publish-move-target').focus();
    await group.getByTestId('publish-move-target').selectOption('wait-1d');
    expect(await group.getByTestId('publish-choice-move').isChecked()).toBe(true);
    if (process.env.UPDATE_SCREENSHOTS)
      await page.locator('.modal').screenshot({
        path: join(ROOT, 'docs', 'screenshots', 'publish-impact.png'),
      });
    await dialog.getByTestId('publish-confirm').click();

    await expect.poll(() => page.getByTestId('run-state').textContent()).toContain('Running v2');
    const after = await execution();
    expect(after.counts.nodes['wait-1d']?.here).toBe(3);
    expect(after.counts.nodes['wait-1h']?.here ?? 0).toBe(0);
    // Nobody got the first reminder: they were moved past it.
    const outbox = await studio.api<{ messages: unknown[] }>('listOutbox', { journeyId });
    expect(outbox.messages).toEqual([]);
  });
});
