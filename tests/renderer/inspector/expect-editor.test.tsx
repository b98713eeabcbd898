import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { SimulationRun } from '../../../core/api/simulation-contract';
import type { Journey } from '../../../core/model/journey';
import type { SimulationReport } from '../../../core/simulator/report';
import { JourneySettings } from '../../../renderer/inspector/JourneySettings';
import { NodeInspector } from '../../../renderer/inspector/NodeInspector';
import { createAppStore } from '../../../renderer/store/app-store';
import type { Locale } from '../../../renderer/i18n/locales';
import { edge, journey, node } from '../../core/build';
import { fakeApi } from '../fake-api';
import { renderApp } from '../render-app';

const cart = (expect?: Record<string, unknown>): Journey =>
  journey(
    [
      node('start', 'trigger', { on: 'event', event: 'cart' }),
      node('mail', 'message', {
        channel: 'email',
        from: 'shop@example.com',
        subject: 'Your cart',
        html: '<p>Hi</p>',
        ...(expect && { expect }),
      }),
    ],
    [edge('start', 'mail')],
    { goal: { event: 'purchase' }, purpose: 'abandoned_cart' },
  );

function open(j: Journey, ui = <NodeInspector nodeId="mail" />, locale: Locale = 'en') {
  const store = createAppStore(fakeApi([j]));
  store.getState().loadJourney(j, 1);
  renderApp(ui, { store, locale });
  return store;
}

const summary = (prefix = 'cfg-mail-expect') =>
  screen.getByTestId(`${prefix}-summary`).textContent?.replace(/\s+/g, ' ');
const row = (outcome: string, prefix = 'cfg-mail-expect') =>
  within(screen.getByTestId(`${prefix}-${outcome}`));

describe('expected responses in words', () => {
  it('reads a message’s rates as a sentence and writes what is typed back as shares', async () => {
    const store = open(cart({ open: 0.45, click: 0.04, convert: 0.025, within: 'P3D' }));
    const expectOf = () => store.getState().journey?.nodes[1]?.config.expect;
    expect(summary()).toBe('45% open · 4% click · 2.5% order within 3 days');
    const opened = screen.getByRole('textbox', { name: 'Opened' });
    expect(opened).toHaveProperty('value', '45');
    expect(screen.getByRole('textbox', { name: 'Caused an order' })).toHaveProperty('value', '2.5');
    expect(row('open').getByText('Set for this message.')).toBeTruthy();

    await userEvent.clear(opened);
    await userEvent.type(opened, '50,5');
    expect(expectOf()).toEqual({ open: 0.505, click: 0.04, convert: 0.025, within: 'P3D' });
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Unit of the response window' }),
      'weeks',
    );
    expect(expectOf()).toMatchObject({ within: 'P3W' });
    expect(summary()).toBe('50.5% open · 4% click · 2.5% order within 3 weeks');
    await userEvent.clear(screen.getByRole('spinbutton', { name: 'Within' }));
    expect(expectOf()).toEqual({ open: 0.505, click: 0.04, convert: 0.025 });
  });

  it('shows the library’s published default, marked assumed, with its source and year', async () => {
    const store = open(cart());
    expect(summary()).toBe(
      '40.3% open assumed · 10.1% click assumed · 2.05% order assumed within 3 days',
    );
    expect(row('open').getByText(/^Assumed 40.3%:/).textContent).toBe(
      'Assumed 40.3%: Bluecore, 2018 Retail Email Benchmark Report (2018).',
    );
    expect(row('convert').getByText(/^Assumed 2.05%:/).textContent).toBe(
      'Assumed 2.05%: Bluecore, 2018 Retail Email Benchmark Report (2018). A published attributed rate: orders caused are usually fewer.',
    );
    expect(screen.getByRole('textbox', { name: 'Opened' })).toHaveProperty('placeholder', '40.32');
    // Another purpose, another benchmark.
    store.getState().updateSettings({ ...store.getState().journey?.settings, purpose: 'welcome' });
    expect(await row('open').findByText(/^Assumed 35.5%:/)).toBeTruthy();
    expect(row('open').getByText(/Omnisend, Email benchmarks \(May 2026\) \(2026\)/)).toBeTruthy();
  });

  it('says a journey-wide rate comes from the journey, and the journey’s editor writes settings.expect', async () => {
    const j = cart();
    const store = open(j, <JourneySettings />);
    await userEvent.type(
      within(screen.getByTestId('settings-expect-open')).getByRole('textbox', { name: 'Opened' }),
      '30',
    );
    expect(store.getState().journey?.settings.expect).toEqual({ open: 0.3 });
    expect(
      within(screen.getByTestId('settings-expect-open')).getByText(
        'Used for every message that does not set its own.',
      ),
    ).toBeTruthy();
    expect(summary('settings-expect')).toMatch(/^30% open · 10.1% click assumed/);
  });

  it('uses the journey’s rate on a message that sets none, and says so', () => {
    open({ ...cart(), settings: { ...cart().settings, expect: { open: 0.3, within: 'P2D' } } });
    expect(summary()).toBe('30% open · 10.1% click assumed · 2.05% order assumed within 2 days');
    expect(row('open').getByText('30% from the journey’s settings.')).toBeTruthy();
    expect(row('within').getByText('2 days unless you set a window.')).toBeTruthy();
  });

  it('says what the data of the last forecast estimated, with the counts behind it', () => {
    const j = cart();
    const store = createAppStore(fakeApi([j]));
    store.getState().loadJourney(j, 1);
    const report = {
      window: { start: '2026-03-01T00:00:00.000Z', end: '2026-03-08T00:00:00.000Z' },
      nodes: {},
      conversions: { total: 0, byVariant: {} },
      winners: {},
      assumptions: [
        {
          node: 'mail',
          outcome: 'open',
          rate: 0.3117,
          within: 'P3D',
          source: 'data',
          basis: { count: 935, of: 3000, text: '935 opens of 3,000 emails delivered' },
        },
      ],
    } as unknown as SimulationReport;
    const run = {
      id: 'run-1',
      journeyId: j.id,
      journey: j,
      createdAt: '2026-03-09T10:00:00.000Z',
      report,
    } as unknown as SimulationRun;
    store.setState({ simulation: { ...store.getState().simulation, run } });
    renderApp(<NodeInspector nodeId="mail" />, { store });
    expect(summary()).toMatch(/^31.2% open estimated · 10.1% click assumed/);
    expect(
      row('open').getByText('31.2% estimated from your data: 935 of 3,000 delivered messages.'),
    ).toBeTruthy();
  });

  it('says at the field that clicks cannot be above opens, in the language of the app', async () => {
    const store = open(cart({ open: 0.4 }), <NodeInspector nodeId="mail" />, 'sv');
    await userEvent.type(screen.getByRole('textbox', { name: 'Klickat' }), '50');
    expect(store.getState().journey?.nodes[1]?.config.expect).toEqual({ open: 0.4, click: 0.5 });
    const alert = row('click').getByRole('alert');
    expect(alert.textContent?.replace(/\s/g, ' ')).toBe(
      'Klick räknas bland öppnade meddelanden, så klickandelen (50 %) kan inte vara högre än öppningsandelen (40 %).',
    );
    expect(screen.getByRole('textbox', { name: 'Klickat' }).getAttribute('aria-invalid')).toBe(
      'true',
    );
    // The error is part of what a screen reader hears at the field.
    const described = screen
      .getByRole('textbox', { name: 'Klickat' })
      .getAttribute('aria-describedby');
    expect(described?.split(' ')).toContain(alert.id);
    await userEvent.type(screen.getByRole('textbox', { name: 'Öppnat' }), 'x');
    expect(row('open').getByRole('alert').textContent).toBe('Skriv ett tal, t.ex. 45 eller 2,5.');
  });
});

describe('the forecast’s journey settings', () => {
  it('lists what the journey is for as choices, and takes fatigue as a percentage', async () => {
    const store = open(cart(), <JourneySettings />);
    const purposes = screen.getByRole('radiogroup', { name: 'What is this journey for?' });
    expect(
      within(purposes)
        .getAllByRole('radio')
        .map((r) => r.textContent),
    ).toEqual([
      'Abandoned cart',
      'Browse abandonment',
      'Welcome',
      'After a purchase',
      'Win-back',
      'Birthday',
      'Campaign',
      'Something else',
    ]);
    // Eight choices are a list, not a row of buttons too wide for the inspector.
    expect(purposes.className).toBe('choice-list');
    await userEvent.click(within(purposes).getByRole('radio', { name: 'Welcome' }));
    expect(store.getState().journey?.settings.purpose).toBe('welcome');
    expect(screen.getByText(/published benchmarks for email in welcome journeys/)).toBeTruthy();

    await userEvent.click(
      screen.getByRole('switch', {
        name: 'Message fatigue: people respond less after many messages',
      }),
    );
    const decay = screen.getByRole('textbox', { name: 'Each one lowers the rates by' });
    expect(decay).toHaveProperty('value', '10');
    await userEvent.clear(decay);
    await userEvent.type(decay, '15');
    expect(store.getState().journey?.settings.fatigue).toEqual({ per: 'P7D', decay: 0.15 });
  });
});
