import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ApiError, type AppApi, type AppInput } from '../../../core/api/contract';
import type { Dataset } from '../../../core/api/data-contract';
import type { SimulationRun } from '../../../core/api/simulation-contract';
import { SimulationPanel } from '../../../renderer/simulation/SimulationPanel';
import { createAppStore } from '../../../renderer/store/app-store';
import { fakeApi } from '../fake-api';
import { renderApp } from '../render-app';
import { forecastRun } from './forecast-run';

const EVENTS: Dataset = {
  id: 'ev',
  kind: 'events',
  name: 'Signups',
  source: 'import',
  rows: 300,
  rejected: 0,
  columns: [],
  importedAt: '2026-03-01T00:00:00.000Z',
  profiles: 300,
  firstEvent: '2026-03-02T08:00:00.000Z',
  lastEvent: '2026-03-02T13:00:00.000Z',
};

function panel() {
  const done = forecastRun(50);
  const simulated: AppInput<'simulate'>[] = [];
  const cancelled: unknown[] = [];
  let progress: Parameters<AppApi['onSimulationProgress']>[0] = () => undefined;
  let settle: { resolve: (run: SimulationRun) => void; reject: (e: unknown) => void } = {
    resolve: () => undefined,
    reject: () => undefined,
  };
  const api: AppApi = {
    ...fakeApi([done.journey]),
    listDatasets: () => Promise.resolve([EVENTS]),
    simulate: (input) => {
      simulated.push(input);
      return new Promise((resolve, reject) => (settle = { resolve, reject }));
    },
    listSimulationRuns: () => Promise.resolve([]),
    cancelSimulation: (input) => {
      cancelled.push(input);
      return Promise.resolve({ cancelled: true });
    },
    onSimulationProgress: (listener) => {
      progress = listener;
      return () => undefined;
    },
  };
  const store = createAppStore(api);
  store.getState().loadJourney(done.journey, 1);
  store.getState().setSimulationOpen(true);
  renderApp(<SimulationPanel />, { store });
  return {
    store,
    done,
    simulated,
    cancelled,
    progress: (p: Parameters<typeof progress>[0]) => progress(p),
    settle: () => settle,
  };
}

describe(
  'forecast mode in the simulation panel',
  // Typing into a whole panel: seconds on a busy machine.
  { timeout: 30_000 },
  () => {
    it('offers replay or forecast, with runs and the library’s rates, and checks the runs', async () => {
      const p = panel();
      await screen.findByRole('option', { name: 'Signups (300)' });
      const replay = screen.getByRole('radio', { name: 'Replay what happened' });
      const forecast = screen.getByRole('radio', {
        name: 'Forecast what the journey will achieve',
      });
      expect((replay as HTMLInputElement).checked).toBe(true);
      expect(replay.getAttribute('aria-describedby')).toBe('mode-replay-help');
      expect(screen.queryByRole('spinbutton', { name: 'Runs' })).toBeNull();
      // Native radios of one group: the browser moves between them with the arrow keys.
      expect(forecast.getAttribute('name')).toBe(replay.getAttribute('name'));
      await userEvent.click(forecast);
      expect((forecast as HTMLInputElement).checked).toBe(true);
      const runs = screen.getByRole('spinbutton', { name: 'Runs' });
      expect((runs as HTMLInputElement).value).toBe('100');
      const library = screen.getByRole<HTMLInputElement>('switch', {
        name: 'Use the library’s published rates where the journey sets none',
      });
      expect(library.checked).toBe(true);
      await userEvent.selectOptions(screen.getByLabelText('Events'), 'ev');
      await userEvent.clear(runs);
      await userEvent.type(runs, '5000');
      await userEvent.click(screen.getByRole('button', { name: 'Forecast' }));
      expect(screen.getByRole('alert').textContent).toBe(
        'The number of runs is a whole number from 1 to 1,000.',
      );
      expect(p.simulated).toEqual([]);
    });

    it('forecasts with the chosen runs, shows runs and time left, and stops on Cancel', async () => {
      const p = panel();
      await screen.findByRole('option', { name: 'Signups (300)' });
      await userEvent.click(screen.getByRole('radio', { name: /^Forecast what/ }));
      await userEvent.selectOptions(screen.getByLabelText('Events'), 'ev');
      const runs = screen.getByRole('spinbutton', { name: 'Runs' });
      await userEvent.clear(runs);
      await userEvent.type(runs, '40');
      await userEvent.click(
        screen.getByRole('switch', {
          name: 'Use the library’s published rates where the journey sets none',
        }),
      );
      await userEvent.click(screen.getByRole('button', { name: 'Forecast' }));
      const call = p.simulated[0];
      expect(call?.forecast).toEqual({ runs: 40, defaults: false });
      p.progress({ runId: call?.runId ?? '', done: 120, total: 300, runs: 40, etaMs: 95_000 });
      expect(
        await screen.findByRole('progressbar', { name: 'Forecasting 300 profiles in 40 runs' }),
      ).toBeTruthy();
      expect(screen.getByTestId('time-left').textContent).toBe('about 2 minutes left');
      await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
      expect(p.cancelled).toEqual([{ runId: call?.runId }]);
      p.settle().reject(
        new ApiError('cancelled', 'The simulation was stopped before it finished.'),
      );
      expect((await screen.findByTestId('simulation-stopped')).textContent).toBe(
        'Stopped before it finished; nothing was kept.',
      );
      expect(screen.queryByTestId('simulation-error')).toBeNull();
    });

    it('shows a forecast’s results and its assumptions tab, and folds the choice', async () => {
      const p = panel();
      await screen.findByRole('option', { name: 'Signups (300)' });
      await userEvent.click(screen.getByRole('radio', { name: /^Forecast what/ }));
      await userEvent.selectOptions(screen.getByLabelText('Events'), 'ev');
      await userEvent.click(screen.getByRole('button', { name: 'Forecast' }));
      p.settle().resolve(p.done);
      expect(await screen.findByTestId('forecast-headline')).toBeTruthy();
      expect(screen.getByRole('button', { name: 'Forecast again' })).toBeTruthy();
      expect(screen.getByText('50 runs, with the library’s published rates')).toBeTruthy();
      await userEvent.click(screen.getByRole('tab', { name: 'Assumptions' }));
      expect(screen.getByRole('tab', { name: 'Assumptions' }).getAttribute('aria-selected')).toBe(
        'true',
      );
      expect(screen.getByTestId('assumption-m1-convert').textContent).toMatch(
        /^Conversions caused 20% within 1 daySet on the message/,
      );
    });
  },
);
