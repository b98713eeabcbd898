import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AppInput } from '../../../core/api/contract';
import type { Dataset } from '../../../core/api/data-contract';
import { DatasetBrowser } from '../../../renderer/data/DatasetBrowser';
import { createAppStore } from '../../../renderer/store/app-store';
import { fakeApi } from '../fake-api';
import { renderApp } from '../render-app';

const dataset: Dataset = {
  id: 'shop',
  kind: 'events',
  name: 'Shop events',
  source: 'import',
  rows: 3,
  rejected: 0,
  columns: ['profile_id', 'anonymous_id', 'name', 'time'],
  importedAt: '2026-05-04T12:00:00.000Z',
  profiles: 2,
};

const cart = { profileId: 'a-1', name: 'cart', time: '2026-05-04T10:00:00.000Z', properties: {} };
const login = {
  profileId: 'ann',
  anonymousId: 'a-1',
  name: 'login',
  time: '2026-05-04T10:05:00.000Z',
  properties: {},
};

function setup(locale: 'en' | 'sv' = 'en') {
  const api = fakeApi();
  const asked: AppInput<'browseEvents'>[] = [];
  api.browseEvents = (input) => {
    asked.push(input);
    return Promise.resolve(
      input.profileId === 'ann'
        ? { total: 2, rows: [cart, login], alsoKnownAs: ['a-1'] }
        : { total: 2, rows: [cart, login] },
    );
  };
  api.listDatasets = () => Promise.resolve([dataset]);
  const store = createAppStore(api);
  store.setState((s) => ({ data: { ...s.data, datasets: [dataset], selectedId: dataset.id } }));
  renderApp(<DatasetBrowser dataset={dataset} />, { store, locale });
  return { asked };
}

describe('the data set browser with anonymous ids', () => {
  it('shows the anonymous id a row merges, and the ids a profile is also known as', async () => {
    const user = userEvent.setup();
    const { asked } = setup();
    const merged = await screen.findByText('also a-1');
    expect(merged.getAttribute('title')).toBe('The anonymous id a-1 was merged into this profile');
    await user.click(screen.getByRole('button', { name: 'ann' }));
    await waitFor(() =>
      expect(screen.getByTestId('also-known-as').textContent).toContain('Also known as a-1'),
    );
    expect(asked.at(-1)).toMatchObject({ profileId: 'ann' });
  });

  it('speaks Swedish', async () => {
    setup('sv');
    const merged = await screen.findByText('även a-1');
    expect(merged.getAttribute('title')).toBe(
      'Det anonyma id:t a-1 slogs ihop med den här profilen',
    );
  });
});
