import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connect,
  download,
  dropFromPalette,
  input,
  mod,
  node,
  startStudio,
  type Studio,
} from './studio';

let studio: Studio;

beforeAll(async () => {
  studio = await startStudio();
});

afterAll(async () => {
  await studio?.close();
});

const EXPECTED = join(import.meta.dirname, 'expected', 'abandoned-cart-drawn.journey.json');

describe('drawing a journey from an empty canvas', () => {
  it('builds, configures, validates, saves, reloads and exports an abandoned-cart journey', async () => {
    const { page, context } = await studio.open();

    await page.getByRole('button', { name: 'New journey' }).click();
    await page.getByRole('textbox', { name: 'Name' }).fill('Abandoned cart');
    await page.getByRole('button', { name: 'Create' }).click();
    await expect.poll(() => page.getByText('Start with a trigger').isVisible()).toBe(true);
    await expect.poll(() => page.getByTestId('issues-summary').textContent()).toBe('1 error');

    await dropFromPalette(page, 'trigger', 320, 90);
    await dropFromPalette(page, 'wait', 320, 250);
    await dropFromPalette(page, 'condition', 320, 410);
    await dropFromPalette(page, 'message', 480, 590);

    await connect(page, 'trigger', 'next', input(page, 'wait'));
    await connect(page, 'wait', 'next', input(page, 'condition'));
    await connect(page, 'condition', 'no', input(page, 'message'));
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(3);

    // The trigger: enter when someone adds to the cart.
    await node(page, 'trigger').click();
    await page.getByRole('combobox', { name: 'Event' }).fill('cart');
    await expect.poll(() => node(page, 'trigger').textContent()).toContain('When cart happens');

    // The wait: 30 minutes, in words.
    await node(page, 'wait').click();
    await page.getByRole('spinbutton', { name: 'Wait for: amount' }).fill('30');
    await page.getByRole('combobox', { name: 'Wait for: unit' }).selectOption('minutes');
    await expect.poll(() => node(page, 'wait').textContent()).toContain('Wait 30 minutes');

    // The condition: bought since entering the journey?
    await node(page, 'condition').click();
    const event = page.getByRole('combobox', { name: /rule 1: event$/ });
    await event.fill('');
    await event.fill('purchase');
    await page.getByRole('combobox', { name: /rule 1: when$/ }).selectOption('entry');
    await expect
      .poll(() => node(page, 'condition').textContent())
      .toContain('If purchase performed since entry');

    // The message, with a live preview for a sample profile.
    await node(page, 'message').click();
    await page.getByRole('textbox', { name: 'From' }).fill('Nordic Shop <shop@example.com>');
    await page
      .getByRole('textbox', { name: 'Subject' })
      .fill("{{ profile.first_name | default: 'Hi' }}, your cart is waiting");
    await page
      .getByRole('textbox', { name: 'Body (HTML)' })
      .fill(
        '<p>You left {{ event.brand }} in your cart.</p>\n<p><a href="{{ unsubscribe_url }}">Unsubscribe</a></p>',
      );
    await expect
      .poll(() => page.locator('.preview-subject').textContent())
      .toBe('Emma, your cart is waiting');
    const body = page.frameLocator('iframe[title="Email body preview"]').locator('body');
    await expect.poll(() => body.textContent()).toBe('You left samsung in your cart.\nUnsubscribe');

    // The journey's settings: a goal, and no email at night.
    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
    await page.getByTestId('journey-settings').waitFor();
    await page.getByRole('switch', { name: /Count a conversion/ }).check();
    await page.getByRole('switch', { name: /Quiet hours/ }).check();
    // The time zone by its city: typed, then picked from the list.
    await page.getByRole('combobox', { name: /^Time zone/ }).fill('sto');
    await page.getByRole('option', { name: /^Stockholm \(UTC\+[12]\)/ }).click();

    await expect.poll(() => page.getByTestId('issues-summary').textContent()).toBe('No problems');

    await page.getByRole('button', { name: 'Tidy up' }).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('Unsaved changes');
    await page.keyboard.press(`${mod}+s`);
    await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('Saved');
    const saved = await studio.api<{ journey: unknown; revision: number }>('getJourney', {
      id: 'abandoned-cart',
    });

    await page.reload();
    await node(page, 'message').waitFor();
    expect(await node(page, 'trigger').textContent()).toContain('When cart happens');
    expect(await node(page, 'wait').textContent()).toContain('Wait 30 minutes');
    expect(await node(page, 'message').textContent()).toContain('Email:');
    expect(await page.getByTestId('save-state').textContent()).toBe('Saved');
    expect(await page.getByTestId('issues-summary').textContent()).toBe('No problems');
    expect(await studio.api('getJourney', { id: 'abandoned-cart' })).toEqual(saved);

    const file = await download(page, () => page.getByRole('button', { name: 'Export' }).click());
    expect(file.name).toBe('abandoned-cart.journey.json');
    if (process.env.UPDATE_EXPECTED) writeFileSync(EXPECTED, file.text);
    expect(file.text).toBe(readFileSync(EXPECTED, 'utf8'));
    await context.close();
  });
});
