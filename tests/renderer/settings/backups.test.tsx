import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../core/api/contract';
import { Dialogs } from '../../../renderer/panels/Dialogs';
import { Toast } from '../../../renderer/panels/Toast';
import { renderApp } from '../render-app';
import { settingsApi } from './settings-fake';

/** As the app writes a time in English: the user's own time zone, 24-hour clock. */
const at = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(
    Date.parse(iso),
  );
const DAILY = at('2026-05-01T03:00:00.000Z');

async function openBackups(fake = settingsApi()) {
  const user = userEvent.setup();
  act(() => fake.store.getState().openDialog({ type: 'library-settings' }));
  renderApp(
    <>
      <Dialogs />
      <Toast />
    </>,
    { store: fake.store },
  );
  const dialog = await screen.findByRole('dialog', { name: 'Library settings' });
  await within(dialog).findByTestId('settings-form');
  const list = await within(dialog).findByRole('list', { name: 'Backups, newest first' });
  return { ...fake, user, dialog, list };
}

const rows = (list: HTMLElement) =>
  within(list)
    .getAllByTestId('backup-row')
    .map((row) => row.querySelector('.backup-line')?.textContent);

describe('backups in the settings', () => {
  it('are listed newest first with when, why and how big; "Back up now" adds one', async () => {
    const { user, dialog, list } = await openBackups();
    expect(within(dialog).getByText(/the last seven are kept, in \/data\/backups\./)).toBeDefined();
    expect(rows(list)).toEqual([`${DAILY}Daily72 kBRestore…`]);
    await user.click(within(dialog).getByRole('button', { name: 'Back up now' }));
    const made = at('2026-05-02T10:00:00.000Z');
    await waitFor(() =>
      expect(rows(list)).toEqual([
        `${made}Made by hand80 kBRestore…`,
        `${DAILY}Daily72 kBRestore…`,
      ]),
    );
    expect(screen.getByTestId('backup-done').textContent).toBe(`Backed up: ${made}.`);
    // The button kept the focus while it worked: the keyboard is still in the dialog.
    expect(document.activeElement).toBe(
      within(dialog).getByRole('button', { name: 'Back up now' }),
    );
  });

  it('restore only once asked and answered, saying what is replaced; Escape and Cancel keep the library', async () => {
    const { user, dialog, list, calls } = await openBackups();
    const restore = within(list).getByRole('button', { name: `Restore the backup of ${DAILY}` });
    await user.click(restore);
    const ask = within(list).getByRole('alertdialog', { name: `Restore the backup of ${DAILY}?` });
    expect(ask.textContent).toContain(
      'Everything in the library goes back to how it was then: journeys, sample data, live runs and their messages, the suppression list and the settings, email settings included.',
    );
    expect(ask.textContent).toContain(
      'The library as it is now is backed up first, so you can undo this by restoring that copy.',
    );
    // The safe answer has the focus; Escape answers the question and leaves the dialog open.
    expect(document.activeElement).toBe(within(ask).getByRole('button', { name: 'Cancel' }));
    await user.keyboard('{Escape}');
    expect(within(list).queryByRole('alertdialog')).toBeNull();
    expect(screen.getByRole('dialog', { name: 'Library settings' })).toBe(dialog);
    await waitFor(() => expect(document.activeElement).toBe(restore));

    await user.click(restore);
    await user.click(within(list).getByRole('button', { name: 'Cancel' }));
    expect(within(list).queryByRole('alertdialog')).toBeNull();
    expect(calls.restoreBackup).toEqual([]);
  });

  it('put the library back, keep what it replaced as a backup, and show the settings restored', async () => {
    const fake = settingsApi({ publicUrl: 'https://later.example.com' });
    const { user, list, calls } = await openBackups(fake);
    expect(screen.getByLabelText<HTMLInputElement>(/Public address/).value).toBe(
      'https://later.example.com',
    );
    await user.click(within(list).getByRole('button', { name: `Restore the backup of ${DAILY}` }));
    await user.click(within(list).getByRole('button', { name: 'Replace the library' }));
    const words = `The library is back as it was on ${DAILY}. What it replaced is kept as a backup “Before a restore”.`;
    await waitFor(() => expect(screen.getByTestId('toast').textContent).toBe(words));
    expect(screen.getByTestId('backup-done').textContent).toBe(words);
    expect(calls.restoreBackup).toEqual(['journey-studio-2026-05-01T030000Z-daily.db']);
    await waitFor(() => expect(rows(list)[0]).toMatch(/Before a restore/));
    await waitFor(() =>
      expect(screen.getByLabelText<HTMLInputElement>(/Public address/).value).toBe(''),
    );
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Back up now' }));
  });

  it('say why a restore failed, and change nothing shown', async () => {
    const fake = settingsApi();
    fake.refuse.restore = new ApiError(
      'conflict',
      'The backup failed its check: page 3 is damaged.',
    );
    const { user, list } = await openBackups(fake);
    await user.click(within(list).getByRole('button', { name: `Restore the backup of ${DAILY}` }));
    await user.click(within(list).getByRole('button', { name: 'Replace the library' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The backup failed its check: page 3 is damaged.',
    );
    expect(rows(list)).toEqual([`${DAILY}Daily72 kBRestore…`]);
    expect(screen.queryByTestId('toast')).toBeNull();
  });
});
