import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ApiError, type AppApi } from '../../../core/api/contract';
import type { SimulationRun } from '../../../core/api/simulation-contract';
import type { SensitivityResult } from '../../../core/forecast/sensitivity';
import type { Spread } from '../../../core/forecast/statistics';
import { AssumptionsTab } from '../../../renderer/forecast/AssumptionsTab';
import { dayBands } from '../../../renderer/forecast/per-day';
import { ResultsTab } from '../../../renderer/simulation/ResultsTab';
import { simulationOverlay } from '../../../renderer/simulation/overlay';
import { createAppStore } from '../../../renderer/store/app-store';
import { fakeApi } from '../fake-api';
import { renderApp } from '../render-app';
import { forecastRun, MIXED_ASSUMPTIONS } from './forecast-run';

function storeWith(run: SimulationRun, api: AppApi = fakeApi([run.journey])) {
  const store = createAppStore(api);
  store.getState().loadJourney(run.journey, 1);
  store.setState({
    simulation: {
      ...store.getState().simulation,
      run,
      overlay: simulationOverlay(run.report),
    },
  });
  return store;
}

/** "41 (30–53)" in English; one number when every run agrees. */
const spread = (s: Spread) => (s.p10 === s.p90 ? `${s.p50}` : `${s.p50} (${s.p10}–${s.p90})`);
const signed = (v: number) => {
  const r = Number(v.toFixed(1));
  return r === 0 ? '±0' : `${r > 0 ? '+' : '−'}${Math.abs(r)}`;
};

describe('a forecast’s results', { timeout: 30_000 }, () => {
  const run = forecastRun(50);
  const forecast = run.report.forecast!;

  it('says what the journey causes, as the median run and the range most runs fall in', () => {
    renderApp(<ResultsTab run={run} />, { store: storeWith(run) });
    expect(screen.getByTestId('forecast-intro').textContent).toBe(
      'Forecast over 50 runs. Each figure is the median run; “likely” is the range 80% of runs fall in.',
    );
    const caused = forecast.conversions.caused;
    // About 150 get the email, a fifth of them buy because of it: a range, not one number.
    expect(caused.p10).toBeLessThan(caused.p90);
    expect(screen.getByTestId('forecast-caused').textContent).toBe(
      `Conversions caused by the journey${caused.p50} (likely ${caused.p10}–${caused.p90})` +
        'People who reach the goal because of a message, and would not have otherwise.',
    );
    const unsubscribed = screen.getByTestId('forecast-unsubscribed').textContent;
    expect(unsubscribed).toBe(
      `Unsubscribes0 (in every run)Of ${spread(forecast.allMessages.sent)} messages sent.`,
    );
    // No goal event carries a value: no revenue to speak of.
    expect(screen.queryByTestId('forecast-revenue')).toBeNull();
    // The replay's headline is not shown for a forecast.
    expect(screen.queryByTestId('headline')).toBeNull();
  });

  it('shows each message’s figures, and the days as bands with a table of the same figures', () => {
    renderApp(<ResultsTab run={run} />, { store: storeWith(run) });
    const m1 = forecast.messages.m1!;
    const card = screen.getByTestId('forecast-message-m1');
    expect(within(card).getByRole('heading').textContent).toBe('Welcome email');
    expect(screen.getByTestId('forecast-message-m1-sent').textContent).toBe(
      `Sent${spread(m1.sent)}`,
    );
    expect(screen.getByTestId('forecast-message-m1-opened').textContent).toBe(
      `Opened${spread(m1.opened)}`,
    );
    expect(screen.getByTestId('forecast-message-m1-converted').textContent).toBe(
      `Conversions caused${spread(m1.converted)}`,
    );
    // Nobody complains: that line is left out.
    expect(screen.queryByTestId('forecast-message-m1-complained')).toBeNull();

    expect(screen.getByRole('img', { name: /^Messages sent per day: a band/ })).toBeTruthy();
    const table = screen.getByTestId('per-day-table');
    const rows = within(table).getAllByRole('row').slice(1);
    const days = dayBands(forecast.perDay);
    expect(rows).toHaveLength(days.length);
    const first = days[0]!;
    expect(rows[0]?.textContent).toBe(
      `2 Mar${spread(first.sent)}${spread(first.converted)}${spread(first.caused)}`,
    );
  });

  it('shows a step’s forecast when its figures on the canvas are clicked', () => {
    const store = storeWith(run);
    store.getState().focusSimulationNode('m2');
    renderApp(<ResultsTab run={run} />, { store });
    const m2 = forecast.nodes.m2!;
    const step = screen.getByTestId('forecast-step');
    expect(
      within(step)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      `Reach it${spread(m2.entered)}`,
      `Go on${spread(m2.ports.next!)}`,
      `Sent${spread(forecast.messages.m2!.sent)}`,
      'Opened0',
      'Clicked0',
      'Conversions caused0',
      'Unsubscribed0',
    ]);
  });

  it('gives incremental conversions against the control with a 95% interval from 40 runs', () => {
    renderApp(<ResultsTab run={run} />, { store: storeWith(run) });
    const lift = forecast.incremental.ab!.mail!;
    const row = screen.getByTestId('incremental-ab-mail');
    expect(row.textContent).toBe(
      `mail against control${signed(lift.conversions.p50)} conversions` +
        `95% interval: ${signed(lift.interval95!.low)} to ${signed(lift.interval95!.high)}` +
        'More than the control, beyond chance.',
    );
  });

  it('says when there are too few runs to tell', () => {
    const few = forecastRun(10);
    renderApp(<ResultsTab run={few} />, { store: storeWith(few) });
    expect(screen.getByTestId('incremental-ab-mail').textContent).toMatch(
      /conversionsToo few to tell: a 95% interval needs at least 40 runs, and this forecast has 10\.$/,
    );
  });

  it('speaks Swedish, with Swedish numbers', () => {
    renderApp(<ResultsTab run={run} />, { store: storeWith(run), locale: 'sv' });
    expect(screen.getByTestId('forecast-intro').textContent).toMatch(
      /^Prognos över 50 körningar\./,
    );
    const caused = forecast.conversions.caused;
    expect(screen.getByTestId('forecast-caused').textContent).toMatch(
      new RegExp(`^Konverteringar som resan orsakar${caused.p50} \\(troligen ${caused.p10}–`),
    );
    expect(screen.getByTestId('per-day-table').querySelector('tbody th')?.textContent).toBe(
      '2 mars',
    );
  });
});

describe('a forecast’s assumptions', { timeout: 30_000 }, () => {
  const run = forecastRun(10);
  const mixed: SimulationRun = {
    ...run,
    report: { ...run.report, assumptions: MIXED_ASSUMPTIONS },
  };

  it('lists each with its value, and where it came from: the message, the data, a publication', () => {
    renderApp(<AssumptionsTab run={mixed} />, { store: storeWith(mixed) });
    expect(screen.getByTestId('assumption-m1-open').textContent).toBe(
      'Opens 50% within 1 daySet on the message',
    );
    expect(screen.getByTestId('assumption-m1-click').textContent).toBe(
      'Clicks 4.1% within 1 dayEstimated from your data: 123 clicks of 3,000 messages delivered',
    );
    const convert = screen.getByTestId('assumption-m1-convert');
    expect(convert.textContent).toBe(
      'Conversions caused 2.32% within 1 day' +
        'The library’s published rate: Klaviyo, 2024 Benchmark Report (2024)' +
        ' What it measures: placed-order rate of welcome flow emails' +
        'Assumed: a published attributed rate; the conversions a message causes are usually fewer.',
    );
    expect(
      within(convert).getByRole('link', { name: 'Klaviyo, 2024 Benchmark Report (2024)' }),
    ).toHaveProperty('href', 'https://www.klaviyo.com/marketing-resources/email-benchmarks');
    expect(screen.getByText(/^Message fatigue/).textContent).toBe(
      'Message fatigue: each message in the last 7 days lowers the rates by 10%. (set in the journey settings)',
    );
    expect(screen.getByText(/^A caused conversion is worth/).textContent).toMatch(
      /your data, 412\.5 \(from 40 conversions with a value\)\.$/,
    );
  });

  it('says when nothing was assumed', () => {
    const none: SimulationRun = { ...run, report: { ...run.report, assumptions: [] } };
    renderApp(<AssumptionsTab run={none} />, { store: storeWith(none) });
    expect(screen.getByTestId('no-assumptions').textContent).toMatch(/^Nothing was assumed/);
    expect(screen.queryByTestId('sensitivity')).toBeNull();
  });
});

describe('the tornado chart', { timeout: 30_000 }, () => {
  const run = forecastRun(10);
  const result: SensitivityResult = {
    change: 0.5,
    runs: 20,
    base: 30.2,
    swings: [
      {
        node: 'm1',
        outcome: 'convert',
        rate: 0.2,
        source: 'node',
        low: { rate: 0.1, conversions: 15.4 },
        high: { rate: 0.3, conversions: 45.1 },
        swing: 29.7,
      },
      {
        node: 'm1',
        outcome: 'open',
        rate: 0.5,
        source: 'node',
        low: { rate: 0.25, conversions: 30.2 },
        high: { rate: 0.75, conversions: 30.2 },
        swing: 0,
      },
    ],
  };

  function withSensitivity() {
    const calls: unknown[] = [];
    const cancels: unknown[] = [];
    let progress: Parameters<AppApi['onSimulationProgress']>[0] = () => undefined;
    let settle: { resolve: (r: SensitivityResult) => void; reject: (e: unknown) => void } = {
      resolve: () => undefined,
      reject: () => undefined,
    };
    const api: AppApi = {
      ...fakeApi([run.journey]),
      forecastSensitivity: (input) => {
        calls.push(input);
        return new Promise((resolve, reject) => (settle = { resolve, reject }));
      },
      cancelSimulation: (input) => {
        cancels.push(input);
        return Promise.resolve({ cancelled: true });
      },
      onSimulationProgress: (listener) => {
        progress = listener;
        return () => undefined;
      },
    };
    return {
      store: storeWith(run, api),
      calls,
      cancels,
      progress: (p: Parameters<typeof progress>[0]) => progress(p),
      settle: () => settle,
    };
  }

  it('works out on request which rate moves conversions most, with progress, and draws it', async () => {
    const s = withSensitivity();
    renderApp(<AssumptionsTab run={run} />, { store: s.store });
    const section = screen.getByTestId('sensitivity');
    // m1's open and conversion rates, each lowered and raised, and the forecast as assumed.
    expect(section.textContent).toContain('5 forecasts of 20 runs each');
    await userEvent.click(within(section).getByRole('button', { name: 'Find out' }));
    const call = s.calls[0] as { runId: string; callId: string };
    expect(call).toEqual({ runId: run.id, callId: call.callId, runs: 20, change: 0.5 });
    s.progress({ runId: call.callId, done: 600, total: 1500, runs: 20, etaMs: 3200 });
    expect(
      await within(section).findByRole('progressbar', { name: 'Making 5 forecasts' }),
    ).toBeTruthy();
    expect(section.textContent).toContain('about 3 seconds left');
    s.settle().resolve(result);
    const rows = await within(section).findAllByRole('listitem');
    expect(rows[0]?.textContent).toBe(
      'Welcome email: Conversions caused 20%15.4 to 45.1 conversions (a swing of 29.7)',
    );
    expect(screen.getByTestId('tornado-base').textContent).toBe(
      'As assumed: 30.2 conversions on average over 20 runs.',
    );
    expect(screen.getByTestId('tornado-still').textContent).toContain('Welcome email: Opens');
    expect(within(section).getByRole('button', { name: 'Work it out again' })).toBeTruthy();
  });

  it('stops when cancelled, and says so', async () => {
    const s = withSensitivity();
    renderApp(<AssumptionsTab run={run} />, { store: s.store });
    await userEvent.click(screen.getByRole('button', { name: 'Find out' }));
    const call = s.calls[0] as { callId: string };
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(s.cancels).toEqual([{ runId: call.callId }]);
    s.settle().reject(new ApiError('cancelled', 'The analysis was stopped before it finished.'));
    expect(await screen.findByText('Stopped before it finished.')).toBeTruthy();
    expect(screen.queryByTestId('tornado')).toBeNull();
  });
});
