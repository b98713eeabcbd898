/**
 * The library's settings in Chromium: the public address saved for links, the feedback mailbox
 * set up and read for real over IMAP, a backup made and restored after a confirmation, and the
 * dialog in Swedish.
 *
 * `UPDATE_SCREENSHOTS=1 npx vitest run --project e2e tests/e2e/settings.test.ts` also writes
 * docs/settings.png and docs/settings-sv.png on the way.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImapTestServer } from '../core/adapters/email/imap-test-server';
import { startStudio, type Studio } from './studio';

const ROOT = join(import.meta.dirname, '..', '..');
const PASSWORD = 'imap-e2e-secret-31';

let studio: Studio;
const imap = new ImapTestServer('feedback@example.com', PASSWORD);

/** A hard bounce as a mail server reports it (RFC 3464). */
const BOUNCE = `From: MAILER-DAEMON@mx.example.com (Mail Delivery System)
Subject: Undelivered Mail Returned to Sender
To: unsubscribe@example.com
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="B1"

--B1
Content-Type: text/plain; charset=us-ascii

Your message could not be delivered.

--B1
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example.com

Final-Recipient: rfc822; gone@example.com
Action: failed
Status: 5.1.1
Diagnostic-Code: smtp; 550 5.1.1 <gone@example.com>: User unknown

--B1--
`;

async function screenshot(page: Page, name: string): Promise<void> {
  if (!process.env.UPDATE_SCREENSHOTS) return;
  await page.screenshot({ path: join(ROOT, 'docs', `${name}.png`) });
}

beforeAll(async () => {
  studio = await startStudio();
  await imap.start();
});

afterAll(async () => {
  await studio?.close();
  await imap.stop();
});

async function openSettings(page: Page, button = 'Settings', title = 'Library settings') {
  await page.getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: title });
  await dialog.getByTestId('settings-form').waitFor();
  return dialog;
}

describe('library settings in the browser', () => {
  it('save the public address, set up the mailbox and read a bounce from it over IMAP', async () => {
    const { page, context } = await studio.open();
    const dialog = await openSettings(page);
    const url = dialog.getByLabel('Public address');
    // The first field has the focus once the settings are read.
    await expect
      .poll(() => page.evaluate('document.activeElement && document.activeElement.id'))
      .toBe('settings-public-url');
    await url.fill('https://shop.example.com/journeys/');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('Saved.').waitFor();
    expect(await studio.api<{ publicUrl: string }>('getLibrarySettings', {})).toMatchObject({
      publicUrl: 'https://shop.example.com/journeys',
    });

    // A mailbox without a user name and a port that is no number: said beside each field.
    await dialog.getByLabel('IMAP server').fill('127.0.0.1');
    await dialog.getByLabel('Security').selectOption('none');
    await dialog.getByLabel('Port').fill('14x');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => dialog.getByRole('alert').allTextContents())
      .toEqual([
        'The port is a whole number from 1 to 65535, usually 993.',
        'The mailbox needs the user name it signs in with.',
        'Type the mailbox’s password: none is kept yet.',
      ]);
    await dialog.getByRole('alert').last().scrollIntoViewIfNeeded();
    await screenshot(page, 'settings');
    await dialog.getByLabel('Port').fill(String(imap.port));
    await dialog.getByLabel('User name').fill('feedback@example.com');
    await dialog.getByLabel('Password').fill(PASSWORD);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('Saved.').waitFor();
    expect(await dialog.getByLabel('Password').inputValue()).toBe('');
    expect(await page.content()).not.toContain(PASSWORD);

    imap.add(BOUNCE);
    await dialog.getByRole('button', { name: 'Read the mailbox now' }).click();
    await expect
      .poll(() => dialog.getByTestId('settings-read-result').textContent(), { timeout: 20_000 })
      .toBe('Read. Added to the suppression list: 0 unsubscribes, 1 bounce, 0 complaints.');
    expect(imap.mails[0]!.seen).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await context.close();
  });

  it('make a backup and restore it after a confirmation that says what is replaced', async () => {
    const { page, context } = await studio.open();
    const dialog = await openSettings(page);
    await dialog.getByRole('button', { name: 'Back up now' }).click();
    const list = dialog.getByRole('list', { name: 'Backups, newest first' });
    await list.getByText('Made by hand').waitFor();
    // Work done after the backup: a journey, and settings changed.
    await studio.api('createJourney', { name: 'Made after the backup' });
    await dialog.getByLabel('Public address').fill('https://later.example.com');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('Saved.').waitFor();

    await list
      .getByRole('button', { name: /^Restore the backup of / })
      .first()
      .click();
    const ask = list.getByRole('alertdialog');
    expect(await ask.textContent()).toContain(
      'Everything in the library goes back to how it was then: journeys, sample data, live runs and their messages, the suppression list and the settings',
    );
    await ask.scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-restore');
    await ask.getByRole('button', { name: 'Replace the library' }).click();
    await expect
      .poll(() => dialog.getByTestId('backup-done').textContent(), { timeout: 20_000 })
      .toMatch(/^The library is back as it was on /);
    await expect
      .poll(() => dialog.getByLabel('Public address').inputValue())
      .toBe('https://shop.example.com/journeys');
    await list.getByText('Before a restore').waitFor();
    await page.keyboard.press('Escape');
    const names = await studio.api<{ name: string }[]>('listJourneys', {});
    expect(names.map((j) => j.name)).not.toContain('Made after the backup');
    await expect.poll(() => page.getByText('Made after the backup').count()).toBe(0);
    await context.close();
  });

  it('speak Swedish to a Swedish system', async () => {
    const { page, context } = await studio.open({ locale: 'sv-SE' });
    const dialog = await openSettings(page, 'Inställningar', 'Inställningar för biblioteket');
    await dialog.getByLabel('Offentlig adress').waitFor();
    await dialog.getByRole('heading', { name: 'Säkerhetskopior' }).waitFor();
    await dialog.getByLabel('Port').fill('0');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await expect
      .poll(() => dialog.getByRole('alert').first().textContent())
      .toBe('Porten är ett heltal från 1 till 65535, oftast 993.');
    await dialog.getByRole('alert').last().scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-sv');
    await context.close();
  });
});
