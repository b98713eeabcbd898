/**
 * One public address for the library: set in the library settings, shown (not edited) in the
 * brand kit, which leads there to change it without losing changes to the kit.
 */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { LibraryView } from '../../../renderer/library/LibraryView';
import { Dialogs } from '../../../renderer/panels/Dialogs';
import { renderApp } from '../render-app';
import { settingsApi } from './settings-fake';

async function openBrandKit(fake: ReturnType<typeof settingsApi>) {
  const user = userEvent.setup();
  renderApp(
    <>
      <LibraryView />
      <Dialogs />
    </>,
    { store: fake.store },
  );
  await user.click(screen.getByRole('button', { name: 'Brand kit' }));
  const dialog = await screen.findByRole('dialog', { name: 'Brand kit' });
  return { user, dialog };
}

describe('the public address in the brand kit', () => {
  it('shows the library’s address, and changing it there reaches the brand kit', async () => {
    const fake = settingsApi({ publicUrl: 'https://mail.shop.se' });
    const { user, dialog } = await openBrandKit(fake);
    const address = await within(dialog).findByRole('group', {
      name: 'Public address for images',
    });
    expect(await within(address).findByText('https://mail.shop.se')).toBeTruthy();
    // Shown, not edited here: the brand kit has no field for it.
    expect(within(address).queryByRole('textbox')).toBeNull();
    await user.click(within(address).getByRole('button', { name: 'Change in Library settings' }));
    const settings = await screen.findByRole('dialog', { name: 'Library settings' });
    const field = await within(settings).findByLabelText<HTMLInputElement>(/Public address/);
    expect(field.value).toBe('https://mail.shop.se');
    await user.clear(field);
    await user.type(field, 'https://images.shop.se');
    await user.click(within(settings).getByRole('button', { name: 'Save' }));
    await within(settings).findByText('Saved.');
    expect(fake.store.getState().brand?.publicBaseUrl).toBe('https://images.shop.se');
  });

  it('says when no address is set, and saves the kit’s changes before leading away', async () => {
    const fake = settingsApi();
    const saveBrand = vi.spyOn(fake.api, 'saveBrandSettings');
    const { user, dialog } = await openBrandKit(fake);
    const address = await within(dialog).findByRole('group', {
      name: 'Public address for images',
    });
    expect(within(address).getByText('None set: images travel inside each email.')).toBeTruthy();
    await user.type(within(dialog).getByLabelText('Company name'), ' AB');
    await user.click(
      within(address).getByRole('button', {
        name: 'Save the brand kit and change in Library settings',
      }),
    );
    await screen.findByRole('dialog', { name: 'Library settings' });
    expect(saveBrand).toHaveBeenCalledTimes(1);
    expect(saveBrand.mock.calls[0]?.[0].kit.name).toMatch(/ AB$/);
    expect(fake.store.getState().brand?.kit.name).toMatch(/ AB$/);
  });
});
