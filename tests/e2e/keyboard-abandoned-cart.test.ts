/**
 * The abandoned-cart journey built, connected, configured and simulated in Swedish with the
 * keyboard alone: no click, no programmatic focus. Focus moves by Tab, steps are added by their
 * number keys, Enter opens a step's form and Esc comes back to its card.
 * `UPDATE_SCREENSHOTS=1 npx vitest run --project e2e tests/e2e/keyboard-abandoned-cart.test.ts`
 * also writes docs/screenshots/outline-sv.png.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { Journey } from '../../core/model/journey';
import { canvasFigures } from './simulation-figures';
import {
  catalogue,
  mod,
  node,
  startStudio,
  startsWith,
  SYSTEM_LOCALE,
  type Studio,
} from './studio';

const ROOT = join(import.meta.dirname, '..', '..');
let studio: Studio;
const t = catalogue('sv');

beforeAll(async () => {
  studio = await startStudio();
  await studio.api('generateSampleData', {
    count: 200,
    days: 7,
    seed: 11,
    start: '2026-05-01T00:00:00.000Z',
  });
});

afterAll(async () => {
  await studio?.close();
});

/** Presses Tab until `target` has the focus; fails after `limit` presses. */
async function tabTo(page: Page, target: Locator, limit = 80): Promise<void> {
  const focused = target.and(page.locator(':focus'));
  for (let i = 0; i < limit; i += 1) {
    if ((await focused.count()) > 0) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab did not reach ${target.toString()} in ${limit} presses`);
}

/** The step's form, after Enter on its card: the focus is in it. */
async function edit(page: Page, id: string): Promise<Locator> {
  await page.keyboard.press('Enter');
  const form = page.locator(`[data-testid="node-inspector"][data-node-id="${id}"]`);
  await expect.poll(() => form.locator(':focus').count()).toBe(1);
  return form;
}

/** The focus is on the step's card: a step just added by key, or the one Esc came back to. */
async function onCard(page: Page, id: string): Promise<void> {
  await expect.poll(() => page.locator(`.react-flow__node[data-id="${id}"]:focus`).count()).toBe(1);
}

/** Esc from a step's form: the focus is back on its card. */
async function backToCard(page: Page, id: string): Promise<void> {
  await page.keyboard.press('Escape');
  await onCard(page, id);
}

describe('the abandoned-cart journey, in Swedish, by keyboard only', () => {
  it('is built, connected, configured and simulated without the mouse', async () => {
    const { page, context } = await studio.open({ locale: SYSTEM_LOCALE.sv });
    const said = () => page.getByTestId('canvas-announcement').textContent();

    // A new, empty journey from the library.
    await tabTo(page, page.getByRole('button', { name: t('library.new') }));
    await page.keyboard.press('Enter');
    const name = page.getByRole('textbox', { name: t('dialog.new.name') });
    await tabTo(page, name);
    await page.keyboard.type('Övergiven kundvagn');
    await tabTo(page, page.getByRole('button', { name: t('dialog.new.create') }));
    await page.keyboard.press('Enter');
    await page.getByText('Börja med en utlösare').waitFor();

    // The trigger: someone puts something in the cart.
    await tabTo(page, page.getByRole('region', { name: startsWith(t('canvas.label')) }));
    await page.keyboard.press('1');
    await onCard(page, 'trigger');
    let form = await edit(page, 'trigger');
    await tabTo(page, form.getByRole('combobox', { name: t('field.trigger.event.event.title') }));
    await page.keyboard.type('cart');
    await expect.poll(() => node(page, 'trigger').textContent()).toContain('cart');
    await backToCard(page, 'trigger');

    // Wait 30 minutes after it.
    await page.keyboard.press('2');
    await onCard(page, 'wait');
    form = await edit(page, 'wait');
    await tabTo(page, form.getByRole('spinbutton'));
    await page.keyboard.press('Control+a');
    await page.keyboard.type('30');
    await page.keyboard.press('Tab');
    await page.keyboard.type(t('policy.unit.minutes'));
    await expect.poll(() => node(page, 'wait').textContent()).toContain('30 minuter');
    await backToCard(page, 'wait');

    // Then: has the shopper bought since entering the journey?
    await page.keyboard.press('3');
    await onCard(page, 'condition');
    form = await edit(page, 'condition');
    const event = form.getByRole('combobox', { name: /regel 1: händelse$/ });
    await tabTo(page, event);
    await page.keyboard.press('Control+a');
    await page.keyboard.type('purchase');
    await page.keyboard.press('Tab');
    await tabTo(page, form.getByRole('combobox', { name: /regel 1: när$/ }));
    await page.keyboard.type('sedan');
    await expect.poll(() => node(page, 'condition').textContent()).toContain('sedan starten');
    await backToCard(page, 'condition');

    // No: a reminder by email, on the No exit chosen with E.
    await page.keyboard.press('e');
    await page.keyboard.press('e');
    await expect.poll(said).toContain('”Nej”');
    await page.keyboard.press('5');
    await onCard(page, 'message');
    await expect.poll(said).toContain('”Nej”');
    form = await edit(page, 'message');
    await tabTo(page, form.getByRole('textbox', { name: t('field.message.email.from.title') }));
    await page.keyboard.type('Nordic Shop <shop@example.com>');
    await tabTo(page, form.getByRole('textbox', { name: t('field.message.email.subject.title') }));
    await page.keyboard.type("{{ profile.first_name | default: 'Hej' }}, din kundvagn väntar");
    await tabTo(page, form.getByRole('textbox', { name: t('field.message.email.html.title') }));
    await page.keyboard.type(
      '<p>Du glömde {{ event.brand }} i kundvagnen.</p><p><a href="{{ unsubscribe_url }}">Avregistrera</a></p>',
    );
    await backToCard(page, 'message');

    // The journey's settings: count a purchase as the goal.
    await page.keyboard.press('Escape');
    const settings = page.getByTestId('journey-settings');
    await settings.waitFor();
    await tabTo(
      page,
      settings.getByRole('switch', { name: startsWith(t('field.settings.goal.title')) }),
    );
    await page.keyboard.press('Space');
    // No email at night, in Stockholm's time: the zone picked from what a search finds.
    await tabTo(
      page,
      settings.getByRole('switch', { name: startsWith(t('field.settings.quietHours.title')) }),
    );
    await page.keyboard.press('Space');
    await tabTo(
      page,
      settings.getByRole('combobox', { name: startsWith(t('field.settings.timezone.title')) }),
    );
    await page.keyboard.type('sto');
    await page.getByRole('option', { name: /^Stockholm/ }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');

    await expect.poll(() => page.getByTestId('issues-summary').textContent()).toBe('Inga problem');
    await page.keyboard.press(`${mod}+s`);
    await expect.poll(() => page.getByTestId('toast').textContent()).toBe('Sparat.');

    const { journey } = await studio.api<{ journey: Journey }>('getJourney', {
      id: 'overgiven-kundvagn',
    });
    expect(journey.nodes.map((n) => [n.id, n.config])).toEqual([
      ['trigger', { on: 'event', event: 'cart' }],
      ['wait', { mode: 'duration', duration: 'PT30M' }],
      ['condition', { event: 'purchase', op: 'performed', since: 'entry' }],
      [
        'message',
        expect.objectContaining({
          channel: 'email',
          from: 'Nordic Shop <shop@example.com>',
          subject: "{{ profile.first_name | default: 'Hej' }}, din kundvagn väntar",
        }),
      ],
    ]);
    expect(journey.edges).toEqual([
      { from: 'trigger', to: 'wait' },
      { from: 'wait', to: 'condition' },
      { from: 'condition', port: 'no', to: 'message' },
    ]);
    expect(journey.settings).toMatchObject({
      goal: { event: 'purchase' },
      quietHours: { start: '21:00', end: '08:00' },
      timezone: 'Europe/Stockholm',
    });

    // Simulated from the bar and the panel, by Tab and Enter.
    await tabTo(page, page.getByRole('button', { name: t('bar.simulate'), exact: true }));
    await page.keyboard.press('Enter');
    const panel = page.getByTestId('simulation-panel');
    await tabTo(page, panel.getByRole('button', { name: t('sim.panel.run'), exact: true }));
    await page.keyboard.press('Enter');
    await page.getByTestId('run-bar').waitFor();
    await page.keyboard.press('f'); // the whole journey in view, with its figures
    await page.getByTestId('entered-trigger').waitFor();
    const figures = await canvasFigures(page, journey);
    // Everyone who put something in the cart waited; those who had not bought by then got the
    // email.
    expect(figures.entered.trigger).toBeGreaterThan(0);
    expect(figures.entered.wait).toBe(figures.entered.trigger);
    expect(figures.entered.message).toBeGreaterThan(0);
    expect(figures.entered.message).toBeLessThanOrEqual(figures.entered.condition ?? 0);

    // The same journey as the outline reads it: an indented list, in Swedish.
    await page.keyboard.press('o');
    const outline = page.getByRole('region', { name: t('outline.title') });
    const rows = outline.getByRole('treeitem');
    await expect
      .poll(async () =>
        Promise.all((await rows.all()).map((row) => row.getAttribute('aria-label'))),
      )
      .toEqual([
        'Utlösare: När cart sker',
        'Vänta: Vänta 30 minuter',
        'Villkor: Om purchase har skett sedan starten',
        'Utgången ”Ja”: profilerna lämnar resan här',
        'Utgången ”Nej”',
        expect.stringMatching(/^Meddelande: E-post: \{first_name\}, din kundvagn väntar/),
      ]);
    // The canvas narrowed for the outline and kept its middle: every step is still in view.
    const canvas = await page.getByTestId('canvas').boundingBox();
    for (const id of ['trigger', 'wait', 'condition', 'message']) {
      const card = await node(page, id).boundingBox();
      expect(
        card && canvas && card.x >= canvas.x && card.x + card.width <= canvas.x + canvas.width,
      ).toBe(true);
    }
    if (process.env.UPDATE_SCREENSHOTS) {
      await page.screenshot({ path: join(ROOT, 'docs', 'screenshots', 'outline-sv.png') });
    }
    await context.close();
  });
});
