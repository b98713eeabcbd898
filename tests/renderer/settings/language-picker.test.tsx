import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../../../renderer/i18n/I18nProvider';
import { LibraryView } from '../../../renderer/library/LibraryView';
import { Dialogs } from '../../../renderer/panels/Dialogs';
import { AppStoreContext, createAppStore } from '../../../renderer/store/app-store';
import { memoryDraftStorage } from '../../../renderer/store/draft-storage';
import { fakeApi } from '../fake-api';

/** A group separator as Swedish and Norwegian write it (a no-break space) read as a space. */
const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

function mount() {
  const base = fakeApi();
  const api = {
    ...base,
    listJourneys: () =>
      Promise.resolve([
        {
          id: 'welcome',
          name: 'Welcome',
          updatedAt: '2026-12-03T15:30:00.000Z',
          nodeCount: 17434,
          errors: 2,
        },
      ]),
  };
  const store = createAppStore(api, memoryDraftStorage());
  const user = userEvent.setup();
  // No fixed language: the app's own choice, as main.tsx mounts it.
  render(
    <I18nProvider>
      <AppStoreContext.Provider value={store}>
        <LibraryView />
        <Dialogs />
      </AppStoreContext.Provider>
    </I18nProvider>,
  );
  return { store, user };
}

beforeEach(() => localStorage.clear());
afterEach(() => localStorage.clear());

describe('the language picker', () => {
  it('switches the library to Swedish: words, numbers and a 24-hour clock, and remembers it', async () => {
    const { user } = mount();
    const row = await screen.findByTestId('journey-welcome');
    expect(plain(row.textContent)).toContain('17,434 steps');
    expect(row.textContent).toContain('2 problems');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'Svenska');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Resor');
    expect(plain(row.textContent)).toContain('17 434 steg');
    expect(row.textContent).toContain('2 problem');
    expect(screen.getByRole('button', { name: 'Ny resa' })).toBeTruthy();
    const edited = within(row).getByText(/^Ändrad /);
    expect(edited.getAttribute('title')).toMatch(/\b([01]\d|2[0-3]):30\b/);
    expect(edited.getAttribute('title')).not.toMatch(/[ap]\.?\s?m/i);
    expect(localStorage.getItem('journey-studio.locale')).toBe('sv');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Språk' }), 'Norsk bokmål');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Reiser');
    expect(row.textContent).toContain('2 problemer');
  });

  it('starts in the language chosen before', async () => {
    localStorage.setItem('journey-studio.locale', 'nb');
    mount();
    expect(await screen.findByRole('button', { name: 'Ny reise' })).toBeTruthy();
  });
});

describe('the currency', () => {
  it('follows the language until the library chooses one, and money is shown in it', async () => {
    const { user, store } = mount();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'Svenska');
    await user.click(screen.getByRole('button', { name: 'Inställningar' }));
    const dialog = await screen.findByRole('dialog');
    const currency = await within(dialog).findByRole<HTMLSelectElement>('combobox', {
      name: 'Valuta',
    });
    expect(currency.value).toBe('');
    expect(currency.selectedOptions[0]?.textContent).toContain('(SEK)');
    const help = () => plain(document.getElementById(`${currency.id}-help`)?.textContent ?? null);
    expect(help()).toContain('17 434,50 kr');

    await user.selectOptions(currency, 'EUR');
    expect(help()).toContain('17 434,50 €');
    await user.click(within(dialog).getByRole('button', { name: 'Spara' }));
    await waitFor(() => expect(store.getState().currency).toBe('EUR'));
    expect((await store.getState().loadLibrarySettings()).ok).toBe(true);
    expect(store.getState().currency).toBe('EUR');
  });
});
