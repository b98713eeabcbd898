/**
 * The starters' emails in a real browser at a desktop mail program's width (600 px) and a
 * phone's (375 px): each fits the screen without sideways scrolling, and shows the reader's
 * name, a button and the footer with the unsubscribe link.
 *
 * `UPDATE_SCREENSHOTS=1 npx vitest run --project e2e tests/e2e/starter-emails.test.ts` writes
 * docs/emails/<starter>-600.png and -375.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderTemplate } from '../../core/runtime/templating';
import { STARTERS } from '../../core/templates/starters';
import { CHROMIUM } from './studio';

const DOCS = join(import.meta.dirname, '..', '..', 'docs', 'emails');

const PROFILE = {
  first_name: 'Emma',
  last_name: 'Lind',
  email: 'emma@example.com',
  loyalty_points: 42,
  vip: true,
};
const EVENT = {
  product_name: 'Gotland Wool Throw',
  brand: 'Gotlandsull',
  price: 1290,
  order_id: 'NS-5196',
};

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch(CHROMIUM);
  if (process.env.UPDATE_SCREENSHOTS) mkdirSync(DOCS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

describe.each(STARTERS.map((s) => [s.id, s] as const))(
  'the %s starter’s first email',
  (id, starter) => {
    const mail = starter.journey.nodes.find((n) => n.config.channel === 'email')!;
    const rendered = renderTemplate(String(mail.config.html), 'html', {
      profile: PROFILE,
      event: EVENT,
      journey: { id, name: starter.name },
      unsubscribe_url: 'https://shop.example.com/u/preview',
      now: new Date('2025-03-10T09:00:00Z'),
    });

    it.each([600, 375])('fits %i px without sideways scrolling', async (width) => {
      if (!rendered.ok) throw new Error(rendered.error);
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      try {
        await page.setContent(rendered.text);
        const overflow = Number(await page.evaluate('document.documentElement.scrollWidth'));
        expect(overflow).toBeLessThanOrEqual(width);
        const body = (await page.textContent('body')) ?? '';
        expect(body).toContain('Emma');
        expect(body).toContain('Sveavägen 12');
        expect(
          await page.locator('a[href="https://shop.example.com/u/preview"]').textContent(),
        ).toBe('Unsubscribe');
        if (process.env.UPDATE_SCREENSHOTS)
          await page.screenshot({ path: join(DOCS, `${id}-${width}.png`), fullPage: true });
      } finally {
        await page.close();
      }
    });
  },
);
