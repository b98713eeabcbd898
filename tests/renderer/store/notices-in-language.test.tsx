import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, type AppApi } from '../../../core/api/contract';
import type { Dataset } from '../../../core/api/data-contract';
import { serializeJourney } from '../../../core/model/journey-file';
import { I18nProvider } from '../../../renderer/i18n/I18nProvider';
import { Toast } from '../../../renderer/panels/Toast';
import { LanguagePicker } from '../../../renderer/settings/LanguagePicker';
import { EMPTY_SETUP, readSetup } from '../../../renderer/simulation/setup';
import { AppStoreContext, createAppStore } from '../../../renderer/store/app-store';
import { loadJourney } from '../../core/fixtures';
import { fakeApi } from '../fake-api';
import { sayIn } from '../translator';

const cart = () => loadJourney('abandoned-cart.json');

/** A store on the fake engine, with `change` in place of some of its calls, the cart open. */
function storeWith(change: (fake: AppApi) => Partial<AppApi> = () => ({})) {
  const fake = fakeApi([cart()]);
  const api = { ...fake, ...change(fake) };
  const store = createAppStore(api);
  store.getState().loadJourney(cart(), 1);
  return store;
}

const dataset = (id: string, kind: Dataset['kind'], rows: number): Dataset => ({
  id,
  kind,
  name: id,
  source: 'generated',
  rows,
  rejected: 0,
  columns: [],
  importedAt: '2026-01-01T00:00:00.000Z',
  profiles: 1234,
});

describe('the app’s own sentences in Swedish and Norwegian', () => {
  it('says a version was published', async () => {
    const store = storeWith((fake) => ({
      publishJourney: async ({ journeyId }) => ({
        ...(await fake.getExecution({ journeyId })),
        state: 'paused' as const,
        latestVersion: 3,
        changedSincePublish: false,
        created: true,
      }),
    }));
    await store.getState().publishJourney();
    const notice = store.getState().notice;
    expect(sayIn('en', notice?.words)).toBe('Published version 3. Start the journey to run it.');
    expect(sayIn('sv', notice?.words)).toBe(
      'Version 3 är publicerad. Starta resan för att köra den.',
    );
    expect(sayIn('nb', notice?.words)).toBe(
      'Versjon 3 er publisert. Start reisen for å kjøre den.',
    );
  });

  it('says why an unsaved journey is not published', async () => {
    const store = storeWith();
    store.getState().updateLabel('start', 'Cart left');
    await store.getState().publishJourney();
    const { error } = store.getState().execution;
    expect(sayIn('sv', error)).toBe(
      'Spara resan först: publicering låser resan så som den är sparad.',
    );
    expect(sayIn('nb', error)).toBe(
      'Lagre reisen først: publisering låser reisen slik den er lagret.',
    );
  });

  it('says a journey was imported, by the name the marketer gave it', async () => {
    const store = storeWith();
    const file = serializeJourney({ ...cart(), id: 'winback', name: 'Vinn tillbaka' });
    await store.getState().importJourneyFile('winback.journey.json', file);
    const { notice } = store.getState();
    expect(sayIn('sv', notice?.words)).toBe('Importerade ”Vinn tillbaka”.');
    expect(sayIn('nb', notice?.words)).toBe('Importerte «Vinn tillbaka».');
  });

  it('counts generated sample data as the language writes numbers', async () => {
    const store = storeWith(() => ({
      generateSampleData: () =>
        Promise.resolve({
          profiles: dataset('p', 'profiles', 1234),
          events: dataset('e', 'events', 56789),
        }),
    }));
    await store.getState().generateSampleData({ count: 1234, days: 30, seed: 1, start: '' });
    const { notice } = store.getState();
    expect(sayIn('en', notice?.words)).toBe('Generated 1,234 sample customers and 56,789 events.');
    // Swedish and Norwegian group thousands with a (non-breaking) space.
    expect(sayIn('sv', notice?.words)).toBe(
      'Skapade 1\u00a0234 exempelkunder och 56\u00a0789 händelser.',
    );
    expect(sayIn('nb', notice?.words)).toBe(
      'Laget 1\u00a0234 eksempelkunder og 56\u00a0789 hendelser.',
    );
  });

  it('refuses a connection into the trigger, naming steps as their cards do', () => {
    const store = storeWith();
    expect(store.getState().connect({ from: 'mail1', port: 'next', to: 'start' })).toBe(false);
    // A step without a name of its own is called by its kind, in the language shown.
    const unnamed = store.getState().notice?.words;
    expect(sayIn('sv', unnamed)).toBe(
      'Inget kan leda in i triggern ”Utlösare”: profiler går bara in där.',
    );
    expect(sayIn('nb', unnamed)).toBe(
      'Ingenting kan føre inn i triggeren «Utløser»: profiler går bare inn der.',
    );
    // A name the marketer gave stays as given.
    store.getState().updateLabel('start', 'Kundvagn lämnad');
    store.getState().connect({ from: 'mail1', port: 'next', to: 'start' });
    expect(sayIn('sv', store.getState().notice?.words)).toBe(
      'Inget kan leda in i triggern ”Kundvagn lämnad”: profiler går bara in där.',
    );
    expect(sayIn('en', store.getState().notice?.words)).toBe(
      'Nothing can lead into the trigger “Kundvagn lämnad”: profiles only enter there.',
    );
  });

  it('says what the simulation form is missing', () => {
    const events = dataset('ev', 'events', 10);
    const checked = readSetup(
      { ...EMPTY_SETUP, eventsDatasetId: 'ev', length: 'days', days: '0' },
      [events],
    );
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(sayIn('sv', checked.problem)).toBe('Antalet dagar är mer än 0 och högst 3\u00a0660.');
    expect(sayIn('nb', checked.problem)).toBe('Antall dager er mer enn 0 og høyst 3\u00a0660.');
    const none = readSetup(EMPTY_SETUP, [events]);
    expect(none.ok ? undefined : sayIn('sv', none.problem)).toBe(
      'Välj exempeldata: profiler, händelser eller båda.',
    );
  });

  it('words a failed call from its reason', async () => {
    const refused = new ApiError('invalid-request', 'Invalid input.', 'name', {
      reason: 'invalid-input',
      values: { method: 'renameJourney' },
    });
    const store = storeWith(() => ({ renameJourney: () => Promise.reject(refused) }));
    await store.getState().renameJourney('abandoned-cart', 'Ny');
    const { notice } = store.getState();
    expect(notice?.tone).toBe('error');
    expect(sayIn('sv', notice?.words)).toBe(
      'Något i begäran stämde inte (name). Ladda om appen och försök igen.',
    );
  });
});

describe('a notice already shown', () => {
  afterEach(() => localStorage.clear());

  it('reads in the language chosen after it appeared', async () => {
    const store = storeWith();
    render(
      <I18nProvider>
        <AppStoreContext.Provider value={store}>
          <LanguagePicker />
          <Toast />
        </AppStoreContext.Provider>
      </I18nProvider>,
    );
    act(() => store.getState().select(['start', 'mail1']));
    act(() => store.getState().copySelection());
    expect(screen.getByTestId('toast').textContent).toBe('Copied 2 steps.');
    const user = userEvent.setup();
    await user.selectOptions(screen.getByTestId('language-picker'), 'sv');
    expect(screen.getByTestId('toast').textContent).toBe('Kopierade 2 steg.');
    await user.selectOptions(screen.getByTestId('language-picker'), 'nb');
    expect(screen.getByTestId('toast').textContent).toBe('Kopierte 2 steg.');
  });
});
