import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../core/api/contract';
import type { Locale } from '../../../renderer/i18n/locales';
import { RunPanel } from '../../../renderer/execution/RunPanel';
import { loadJourney } from '../../core/fixtures';
import { engineApi, storeWith } from '../execution/execution-fake';
import { renderApp } from '../render-app';

/** The cart fixture published as v1, then edited in the editor; the run panel open. */
async function published(locale: Locale = 'en', failing = false) {
  const journey = loadJourney('abandoned-cart.json');
  const engine = engineApi([journey]);
  if (failing)
    engine.api.getJourneyVersion = () =>
      Promise.reject(new ApiError('not-found', 'There is no version 1.'));
  const { store, state } = storeWith(journey, engine);
  await state().publishJourney();
  state().setRunOpen(true);
  renderApp(<RunPanel />, { store, locale });
  await waitFor(() => expect(screen.getByTestId('run-latest-version').textContent).toBe('v1'));
  return { state };
}

const section = () => screen.getByTestId('version-changes');
const items = () =>
  within(section())
    .queryAllByRole('listitem')
    .map((li) => li.textContent);

describe('changes since the last published version', () => {
  it('says the journey is the same as the version just published', async () => {
    await published();
    await waitFor(() => expect(section().textContent).toContain('The journey is the same as v1.'));
    expect(within(section()).getByRole('heading').textContent).toBe('Changes since v1');
  });

  it('lists each edit in words as it is made, before it is saved or published', async () => {
    const { state } = await published();
    act(() => {
      state().updateConfig('wait1', { mode: 'duration', duration: 'PT2H' });
      state().updateLabel('mail1', 'First reminder');
    });
    await waitFor(() =>
      expect(items()).toEqual([
        'Step “Wait 2 hours”, Wait for: 30 minutes → 2 hours',
        'Step “Email: {first_name}, your cart is waiting” renamed “First reminder”',
      ]),
    );
    expect(within(section()).getByRole('heading').textContent).toBe('Changes since v1 (2 changes)');
    expect(within(section()).getByRole('list').tabIndex).toBe(0);
  });

  it('words the changes in Swedish and Norwegian', async () => {
    const { state } = await published('sv');
    act(() => state().updateConfig('wait1', { mode: 'duration', duration: 'P2D' }));
    await waitFor(() =>
      expect(items()).toEqual(['Steget ”Wait 2 days”, Wait for: 30 minuter → 2 dagar']),
    );
    expect(within(section()).getByRole('heading').textContent).toBe(
      'Ändringar sedan v1 (1 ändring)',
    );
  });

  it('says so when the published version cannot be read', async () => {
    await published('nb', true);
    await waitFor(() =>
      expect(within(section()).getByRole('alert').textContent).toBe(
        'Kunne ikke lese v1: There is no version 1.',
      ),
    );
  });
});
