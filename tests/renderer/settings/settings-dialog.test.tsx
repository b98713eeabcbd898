import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../core/api/contract';
import type { Locale } from '../../../renderer/i18n/locales';
import { LibraryView } from '../../../renderer/library/LibraryView';
import { Dialogs } from '../../../renderer/panels/Dialogs';
import { renderApp } from '../render-app';
import { settingsApi } from './settings-fake';

const SECRET = 'imap-very-secret-77';

/** The library with its dialogs, as the app shows it, and the settings opened from it. */
async function openSettings(
  fake = settingsApi(),
  {
    locale = 'en',
    button = 'Settings',
    title = 'Library settings',
  }: { locale?: Locale; button?: string; title?: string } = {},
) {
  const user = userEvent.setup();
  renderApp(
    <>
      <LibraryView />
      <Dialogs />
    </>,
    { store: fake.store, locale },
  );
  await user.click(screen.getByRole('button', { name: button }));
  const dialog = await screen.findByRole('dialog', { name: title });
  await within(dialog).findByTestId('settings-form');
  return { ...fake, user, dialog };
}

const field = (label: string | RegExp) => screen.getByLabelText<HTMLInputElement>(label);

/** The texts a control is described by (its help and its problem), as a screen reader reads them. */
function description(control: HTMLElement): string {
  return (control.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

describe('library settings', () => {
  it('open from the library with the first field focused, and close on Escape', async () => {
    const { user } = await openSettings();
    await waitFor(() => expect(document.activeElement).toBe(field(/Public address/)));
    expect(screen.getByTestId('settings-links-note').textContent).toMatch(
      /lead to this computer, which recipients cannot reach/,
    );
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('save the public address: links lead there, and it is what the engine keeps', async () => {
    const { user, calls, dialog } = await openSettings();
    const save = within(dialog).getByRole<HTMLButtonElement>('button', { name: 'Save' });
    // Nothing to save yet: the button says so, and a click sends nothing.
    expect(save.getAttribute('aria-disabled')).toBe('true');
    await user.click(save);
    expect(calls.saveLibrarySettings).toHaveLength(0);
    await user.type(field(/Public address/), 'https://shop.example.com/journeys/');
    expect(screen.getByTestId('settings-links-note').textContent).toBe(
      'Unsubscribe links and hosted pages lead to https://shop.example.com/journeys/, and the images in emails are linked from there.',
    );
    await user.click(save);
    await within(dialog).findByText('Saved.');
    expect(calls.saveLibrarySettings).toHaveLength(1);
    expect(calls.saveLibrarySettings[0]).toMatchObject({
      publicUrl: 'https://shop.example.com/journeys/',
      mailbox: { host: '', port: 993 },
    });
    expect(calls.saveLibrarySettings[0]).not.toHaveProperty('password');
    // Saved: nothing left to save, and the focus is still on the button, inside the dialog.
    expect(save.getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(save);
  });

  it('refuse an address without https:// beside the field, and send nothing', async () => {
    const { user, calls } = await openSettings();
    const url = field(/Public address/);
    await user.type(url, 'shop.example.com{Enter}');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      'Write the address with https:// and a host, for example https://shop.example.com/journeys.',
    );
    expect(url.getAttribute('aria-invalid')).toBe('true');
    expect(description(url)).toContain(alert.textContent);
    expect(document.activeElement).toBe(url);
    expect(calls.saveLibrarySettings).toHaveLength(0);
    // Typing again takes the problem away.
    await user.type(url, 'x');
    expect(url.getAttribute('aria-invalid')).toBeNull();
  });

  it('check the mailbox field by field, focus the first problem, and keep the password out of the page', async () => {
    const { user, calls, dialog } = await openSettings();
    await user.type(field(/IMAP server/), 'imap.example.com/inbox');
    await user.clear(field('Port'));
    await user.type(field('Port'), '99x');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    const problems = screen.getAllByRole('alert').map((a) => a.textContent);
    expect(problems).toEqual([
      'Write the server’s name, for example imap.example.com, without spaces, slashes or https://.',
      'The port is a whole number from 1 to 65535, usually 993.',
      'The mailbox needs the user name it signs in with.',
      'Type the mailbox’s password: none is kept yet.',
    ]);
    expect(document.activeElement).toBe(field(/IMAP server/));
    expect(description(field('Password'))).toBe('Type the mailbox’s password: none is kept yet.');
    expect(calls.saveLibrarySettings).toHaveLength(0);

    await user.clear(field(/IMAP server/));
    await user.type(field(/IMAP server/), 'imap.example.com');
    await user.clear(field('Port'));
    // The usual port follows the security chosen.
    await user.selectOptions(field('Security'), 'starttls');
    expect(field('Port').value).toBe('143');
    await user.type(field('User name'), 'feedback@example.com');
    await user.type(field('Password'), SECRET);
    expect(screen.getByTestId('settings-password-state').textContent).toBe(
      'The password is kept when you save.',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await within(dialog).findByText('Saved.');
    expect(calls.saveLibrarySettings.at(-1)).toEqual({
      publicUrl: '',
      unsubscribeAddress: '',
      webhookHosts: [],
      mailbox: {
        host: 'imap.example.com',
        port: 143,
        security: 'starttls',
        username: 'feedback@example.com',
      },
      password: SECRET,
    });
    expect(field('Password').value).toBe('');
    expect(screen.getByTestId('settings-password-state').textContent).toBe('A password is kept.');
    expect(screen.getByTestId('settings-protection').textContent).toBe(
      'The password is kept in the system keychain, encrypted.',
    );
    expect(document.body.innerHTML).not.toContain(SECRET);
    // Without a public address, unsubscribes are emails the mailbox receives.
    expect(screen.getByTestId('settings-links-note').textContent).toBe(
      'No public address: unsubscribe links are emails to unsubscribe@ the sender’s domain, which Journey Studio reads from the mailbox below.',
    );
  });

  it('show what the engine refused beside the field it names', async () => {
    const fake = settingsApi({
      mailbox: { host: 'imap.example.com', username: 'fb', passwordSet: true },
    });
    fake.refuse.save = new ApiError(
      'invalid-request',
      'saveLibrarySettings: mailbox.host: Write a host name such as imap.example.com.',
      'mailbox.host',
    );
    const { user, dialog } = await openSettings(fake);
    await user.clear(field(/IMAP server/));
    await user.type(field(/IMAP server/), 'imap.example.net');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/Write a host name such as imap.example.com/);
    expect(description(field(/IMAP server/))).toBe(alert.textContent);
  });

  it('read the saved mailbox now and say what was added to the suppression list', async () => {
    const fake = settingsApi({
      mailbox: {
        host: 'imap.example.com',
        username: 'fb',
        passwordSet: true,
        protection: 'plain-text',
      },
    });
    const { user, calls, dialog } = await openSettings(fake);
    expect(screen.getByTestId('settings-protection').textContent).toMatch(
      /a file only your user can read/,
    );
    const read = within(dialog).getByRole<HTMLButtonElement>('button', {
      name: 'Read the mailbox now',
    });
    // Changed and unsaved: the mailbox is read with what is saved only.
    await user.type(field('User name'), '2');
    expect(read.getAttribute('aria-disabled')).toBe('true');
    await user.click(read);
    expect(calls.readMailbox).toBe(0);
    expect(screen.getByTestId('settings-mailbox-state').textContent).toBe(
      'Save first: the mailbox is read with saved settings.',
    );
    await user.type(field('User name'), '{Backspace}');
    await user.click(read);
    await waitFor(() =>
      expect(screen.getByTestId('settings-read-result').textContent).toBe(
        'Read. Added to the suppression list: 1 unsubscribe, 2 bounces, 0 complaints.',
      ),
    );
    expect(calls.readMailbox).toBe(1);

    fake.setReading({
      ok: false,
      detail: 'The mailbox fb@imap.example.com could not be read: Authentication failed.',
      unsubscribed: 0,
      bounced: 0,
      complained: 0,
    });
    await user.click(read);
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'Not read. The mailbox fb@imap.example.com could not be read: Authentication failed.',
      ),
    );
  });

  it('speak Swedish: labels, link note and problems', async () => {
    const { user, dialog } = await openSettings(settingsApi(), {
      locale: 'sv',
      button: 'Inställningar',
      title: 'Inställningar för biblioteket',
    });
    expect(screen.getByTestId('settings-links-note').textContent).toMatch(
      /^Avregistreringslänkar leder till den här datorn/,
    );
    await user.type(field(/Offentlig adress/), 'butik.example.se');
    await user.click(within(dialog).getByRole('button', { name: 'Spara' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Skriv adressen med https:// och ett värdnamn, till exempel https://butik.example.se/resor.',
    );
    expect(within(dialog).getByRole('heading', { name: 'Säkerhetskopior' })).toBeDefined();
  });
});
