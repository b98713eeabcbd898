import { act, render as renderPlain, screen } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { I18nProvider } from '../../../renderer/i18n/I18nProvider';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../renderer/App';
import { PanelBoundary } from '../../../renderer/panels/PanelBoundary';
import { AppStoreContext, createAppStore } from '../../../renderer/store/app-store';
import { memoryDraftStorage } from '../../../renderer/store/draft-storage';
import { edge, journey, node } from '../../core/build';
import { fakeApi } from '../fake-api';

/** Mounts as the app does: in English. */
const inEnglish = ({ children }: { children: ReactNode }) => (
  <I18nProvider locale="en">{children}</I18nProvider>
);
const render = (ui: ReactElement) => renderPlain(ui, { wrapper: inEnglish });

const cart = () =>
  journey(
    [
      node('start', 'trigger', { on: 'event', event: 'cart' }),
      node('wait1', 'wait', { mode: 'duration', duration: 'PT1H' }),
    ],
    [edge('start', 'wait1')],
  );

let broken = true;
function Fragile() {
  if (broken) throw new Error('Cannot read properties of undefined (reading "config")');
  return <p>Inspector content</p>;
}

describe('a panel that fails', () => {
  beforeEach(() => {
    broken = true;
    // React reports caught render errors on the console; the test expects them.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => vi.restoreAllMocks());

  it('says so in its own place, keeps the draft, and the rest of the app goes on', async () => {
    const drafts = memoryDraftStorage();
    const store = createAppStore(fakeApi([cart()]), drafts);
    await store.getState().openJourney('test-journey');
    store.getState().updateLabel('wait1', 'Give them an hour');
    render(
      <AppStoreContext.Provider value={store}>
        <PanelBoundary title="Problems">
          <p>No problems</p>
        </PanelBoundary>
        <PanelBoundary title="Inspector">
          <Fragile />
        </PanelBoundary>
      </AppStoreContext.Provider>,
    );
    const alert = screen.getByRole('alert', { name: 'Inspector stopped working' });
    expect(alert.textContent).toContain(
      'Your journey is safe: its unsaved changes are kept as a draft.',
    );
    expect(alert.textContent).toContain(
      'panel_crashed in Inspector: Cannot read properties of undefined (reading "config")',
    );
    expect(screen.getByText('No problems')).toBeTruthy();
    // Written at once, not after the typing pause.
    expect(drafts.read('test-journey')?.text).toContain('Give them an hour');

    broken = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('Inspector content')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('tries again by itself when what it shows changes', () => {
    const store = createAppStore(fakeApi([cart()]));
    const view = (key: string) => (
      <AppStoreContext.Provider value={store}>
        <PanelBoundary title="Inspector" resetKey={key}>
          <Fragile />
        </PanelBoundary>
      </AppStoreContext.Provider>
    );
    const { rerender } = render(view('wait1'));
    expect(screen.getByRole('alert', { name: 'Inspector stopped working' })).toBeTruthy();
    broken = false;
    rerender(view('start'));
    expect(screen.getByText('Inspector content')).toBeTruthy();
  });
});

describe('a closed tab', () => {
  it('keeps the unsaved changes as a draft the moment the page goes away', async () => {
    const drafts = memoryDraftStorage();
    const api = fakeApi([cart()]);
    const store = createAppStore(api, drafts);
    render(
      <AppStoreContext.Provider value={store}>
        <App api={api} />
      </AppStoreContext.Provider>,
    );
    await act(() => store.getState().openJourney('test-journey'));
    act(() => store.getState().updateLabel('wait1', 'Give them an hour'));
    expect(drafts.read('test-journey')).toBeUndefined();
    act(() => {
      window.dispatchEvent(new Event('pagehide'));
    });
    expect(drafts.read('test-journey')?.text).toContain('Give them an hour');
  });
});
