import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AppInput } from '../../../core/api/contract';
import type { Dataset } from '../../../core/api/data-contract';
import { GenerateDialog } from '../../../renderer/data/GenerateDialog';
import type { Locale } from '../../../renderer/i18n/locales';
import { createAppStore } from '../../../renderer/store/app-store';
import { fakeApi } from '../fake-api';
import { renderApp } from '../render-app';

const made: Dataset = {
  id: 'ds-1',
  kind: 'profiles',
  name: 'Sample customers',
  source: 'generated',
  rows: 500,
  rejected: 0,
  columns: ['first_name'],
  importedAt: '2026-05-04T12:00:00.000Z',
  profiles: 500,
};

function setup(locale: Locale) {
  const api = fakeApi();
  const asked: AppInput<'generateSampleData'>[] = [];
  api.generateSampleData = (input) => {
    asked.push(input);
    return Promise.resolve({ profiles: made, events: { ...made, id: 'ds-2', kind: 'events' } });
  };
  const store = createAppStore(api);
  store.getState().openDialog({ type: 'generate-data' });
  renderApp(<GenerateDialog />, { store, locale });
  return { asked };
}

describe('sample customers’ names in the generate dialog', () => {
  it('are Swedish for a Swedish marketer unless another language is chosen', async () => {
    const user = userEvent.setup();
    const { asked } = setup('sv');
    const names = screen.getByRole('combobox', { name: 'Namn' });
    expect((names as HTMLSelectElement).value).toBe('sv');
    expect([...(names as HTMLSelectElement).options].map((o) => o.textContent)).toEqual([
      'Engelska namn',
      'Svenska namn',
      'Norska namn',
    ]);
    await user.click(screen.getByRole('button', { name: 'Skapa' }));
    await waitFor(() => expect(asked).toHaveLength(1));
    expect(asked[0]).toMatchObject({
      count: 500,
      seed: 1,
      names: 'sv',
      // The data sets are named in Swedish too.
      datasetNames: {
        profiles: 'Exempelkunder (500, tal 1) – profiler',
        events: 'Exempelkunder (500, tal 1) – 14 dagar med händelser',
      },
    });
  });

  it('are Norwegian for a Norwegian marketer, and English when chosen', async () => {
    const user = userEvent.setup();
    const { asked } = setup('nb');
    const names = screen.getByRole('combobox', { name: 'Navn' });
    expect((names as HTMLSelectElement).value).toBe('nb');
    await user.selectOptions(names, 'en');
    await user.click(screen.getByRole('button', { name: 'Lag' }));
    await waitFor(() => expect(asked).toHaveLength(1));
    expect(asked[0]).toMatchObject({
      names: 'en',
      datasetNames: { profiles: 'Eksempelkunder (500, tall 1) – profiler' },
    });
  });
});
