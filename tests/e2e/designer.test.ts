/**
 * A marketer writes an email without code: opens the designer from the message node, builds the
 * email from blocks with the mouse, adds a first-name chip with a fallback, previews it for two
 * profiles and at phone width, and sends a test to a local SMTP server. The message that arrives
 * has the blocks, the unsubscribe link, the List-Unsubscribe headers and a plain-text part.
 *
 * `UPDATE_SCREENSHOTS=1 npx vitest run --project e2e tests/e2e/designer.test.ts` also writes
 * docs/designer.png on the way.
 */
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SmtpSink } from '../core/adapters/email/smtp-sink';
import { node, startStudio, type Studio } from './studio';

const ROOT = join(import.meta.dirname, '..', '..');

const NEWSLETTER = {
  format: 'journey-studio/journey',
  version: 1,
  id: 'newsletter',
  name: 'Spring newsletter',
  settings: { reentry: 'never', timezone: 'Europe/Stockholm' },
  nodes: [
    {
      id: 'joined',
      kind: 'trigger',
      position: { x: 0, y: 0 },
      config: { on: 'event', event: 'signup' },
    },
    {
      id: 'mail',
      kind: 'message',
      label: 'Spring email',
      position: { x: 0, y: 160 },
      config: {
        channel: 'email',
        from: 'Nordic Shop <hello@example.com>',
        subject: 'Spring at Nordic Shop',
        html: '<p>Hello</p><p><a href="{{ unsubscribe_url }}">Unsubscribe</a></p>',
      },
    },
  ],
  edges: [{ from: 'joined', to: 'mail' }],
};

const KIT = {
  name: 'Nordic Shop',
  colours: {
    background: '#f4f1ec',
    surface: '#ffffff',
    text: '#1f2933',
    muted: '#5f6b7a',
    accent: '#1f4e5f',
    buttonText: '#ffffff',
  },
  font: 'sans',
  address: 'Nordic Shop AB · Sveavägen 12, 111 57 Stockholm, Sweden',
  footerNote: 'You get this email because you joined Nordic Shop.',
  unsubscribeLabel: 'Unsubscribe',
};

let studio: Studio;
let context: BrowserContext;
let page: Page;
const smtp = new SmtpSink();

const preview = () => page.frameLocator('[data-testid="designer-preview-frame"]').locator('body');

beforeAll(async () => {
  studio = await startStudio();
  await smtp.start();
  await studio.api('importJourney', {
    fileName: 'newsletter.json',
    text: JSON.stringify(NEWSLETTER),
  });
  await studio.api('saveBrandSettings', { kit: KIT });
  await studio.api('saveSmtpSettings', {
    host: '127.0.0.1',
    port: smtp.port,
    security: 'none',
    username: '',
    from: 'studio@example.com',
  });
  ({ page, context } = await studio.open());
});

afterAll(async () => {
  await context?.close();
  await studio?.close();
  await smtp.stop();
});

describe('writing an email without code', () => {
  it('builds an email from blocks, personalises it, previews it for two profiles and sends a test', async () => {
    await page.getByTestId('journey-newsletter').click();
    await node(page, 'mail').click();
    await page.getByTestId('open-designer').click();
    const designer = page.getByTestId('email-designer');
    await designer.waitFor();
    // A new design starts from the brand kit: a heading, a paragraph, a button and the footer.
    await expect
      .poll(() => designer.getByTestId('design-block-footer').textContent())
      .toContain('Sveavägen 12');

    // Blocks from the palette, dragged into place with the mouse.
    await page.getByTestId('designer-add-divider').dragTo(page.getByTestId('design-drop-2'));
    await page.getByTestId('designer-add-columns').dragTo(page.getByTestId('design-drop-3'));
    await page.getByTestId('designer-add-social').click();
    await expect
      .poll(() => page.locator('[data-testid^="design-block-"][role="group"]').count())
      .toBe(7);
    expect(await page.getByTestId('design-block-divider').count()).toBe(1);

    // The heading gets a first-name chip with a fallback.
    await page.getByTestId('design-block-heading').click();
    await page.getByTestId('designer-heading-text').fill('Spring is here, ');
    await page.getByTestId('designer-personalise').click();
    await page.getByTestId('designer-chip-attribute').selectOption('first_name');
    await page.getByTestId('designer-chip-fallback').fill('friend');
    await page.getByTestId('designer-chip-insert').click();
    await expect
      .poll(() => page.getByTestId('designer-heading-text').inputValue())
      .toBe('Spring is here, {{ profile.first_name | default: "friend" }}');
    expect(await page.getByTestId('design-block-heading').locator('.chip').textContent()).toBe(
      'First name',
    );

    // Preview for two profiles, then at phone width.
    await page.getByTestId('designer-tab-preview').click();
    await page.getByTestId('designer-persona').selectOption('emma');
    await expect
      .poll(() => preview().textContent(), { timeout: 15_000 })
      .toContain('Spring is here, Emma');
    await page.getByTestId('designer-persona').selectOption('anonymous');
    await expect.poll(() => preview().textContent()).toContain('Spring is here, friend');
    await page.getByTestId('designer-width-mobile').click();
    expect((await page.getByTestId('designer-preview-frame').boundingBox())?.width).toBe(375);
    await page.getByTestId('designer-width-desktop').click();
    await page.getByTestId('designer-persona').selectOption('liam');
    if (process.env.UPDATE_SCREENSHOTS) {
      await page.getByTestId('design-block-heading').click();
      await page.getByTestId('designer-tab-preview').click();
      await expect.poll(() => preview().textContent()).toContain('Liam');
      await page.screenshot({ path: join(ROOT, 'docs', 'designer.png') });
    }

    // A test to the local SMTP server, as Liam would get it.
    await page.getByTestId('designer-tab-send').click();
    await page.getByTestId('designer-test-to').fill('marketer@example.com');
    await page.getByTestId('designer-test-send').click();
    await expect
      .poll(() => page.getByTestId('designer-test-outcome').textContent())
      .toMatch(/SMTP server/);
    await expect.poll(() => smtp.received.length, { timeout: 20_000 }).toBe(1);
    const mail = smtp.received[0]!;
    expect(mail.to).toEqual(['marketer@example.com']);
    const raw = mail.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    expect(raw).toMatch(/List-Unsubscribe:\s+<http:\/\/127\.0\.0\.1:\d+\/u\/[^>]+>/);
    expect(raw).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(raw).toMatch(/Content-Type: multipart\/alternative/);
    expect(raw).toMatch(/Content-Type: text\/plain[\s\S]*Spring is here, Liam/);
    expect(raw).toMatch(/Content-Type: text\/html[\s\S]*Spring is here, Liam/);
    expect(raw).toContain('Sveav'); // the footer's postal address
    expect(raw).toMatch(/<a href="http:\/\/127\.0\.0\.1:\d+\/u\/[^"]+"[^>]*>Unsubscribe<\/a>/);
    expect(raw).toContain('border-top:solid 1px'); // the divider block
    expect(raw).toContain('instagram.com'); // the social links block

    // Done: the journey holds the design and the HTML and text made from it, and saves them.
    await page.getByTestId('designer-done').click();
    await page.keyboard.press('Control+s');
    await expect
      .poll(async () => {
        const record = await studio.api<{ journey: typeof NEWSLETTER }>('getJourney', {
          id: 'newsletter',
        });
        return record.journey.nodes[1]?.config as Record<string, unknown>;
      })
      .toMatchObject({
        design: { version: 1 },
        html: expect.stringContaining('Spring is here') as unknown,
        text: expect.stringContaining('Spring is here') as unknown,
      });
  });
});
