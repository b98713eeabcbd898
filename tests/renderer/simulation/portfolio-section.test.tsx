import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SimulationReport } from '../../../core/simulator/report';
import { PortfolioSection } from '../../../renderer/simulation/PortfolioSection';
import { readSetup, EMPTY_SETUP } from '../../../renderer/simulation/setup';
import { renderApp } from '../render-app';

const report = {
  policy: { email: { max: 1, per: 'PT16H' } },
  portfolio: {
    messagesPerProfilePerDay: { '0': 900, '1': 80, '2+': 20 },
    byCount: { '0': 900, '1': 80, '2': 15, '3': 5 },
    profileDays: 1000,
    mean: 0.125,
    most: 3,
    collisions: [{ journeys: ['browse', 'cart'], profiles: 12 }],
    policy: { held: 7, lost: [{ journey: 'browse', to: 'cart', messages: 7, profiles: 5 }] },
    journeys: [
      { id: 'cart', name: 'Cart reminder', priority: 50, sent: 120, held: 0 },
      { id: 'browse', name: 'Browse', version: 3, priority: 40, sent: 30, held: 7 },
    ],
  },
} as unknown as SimulationReport;

describe('a run with the other live journeys', () => {
  it('shows the policy, the journeys, messages per person per day, collisions and losses', () => {
    renderApp(<PortfolioSection report={report} />);
    const section = screen.getByRole('region', { name: 'With the other live journeys' });
    expect(within(section).getByTestId('portfolio-policy').textContent).toBe(
      'Sending policy: At most 1 email per 16 hours per person, across all journeys.',
    );
    const journeys = within(section).getByRole('table', {
      name: 'The journeys simulated together',
    });
    expect(
      within(journeys)
        .getAllByRole('row')
        .map((row) => row.textContent),
    ).toEqual([
      'JourneyPrioritySentHeld back',
      'Cart reminder (this journey)501200',
      'Browse, version 340307',
    ]);
    const days = within(section).getByRole('table', { name: 'Messages per person per day' });
    expect(
      within(days)
        .getAllByRole('row')
        .map((row) => row.textContent),
    ).toEqual(['No message90090%', 'One message808%', 'Two or more202%']);
    expect(section.textContent).toContain(
      '1,000 person-days, each in the person’s own time zone: 0.13 messages a day on average, at most 3 to one person in one day.',
    );
    expect(within(section).getByTestId('portfolio-collisions').textContent).toBe(
      'Browse and Cart reminder: 12 people',
    );
    expect(within(section).getByTestId('portfolio-lost').textContent).toBe(
      'Browse lost 7 messages to Cart reminder (5 people)',
    );
  });

  it('speaks Swedish', () => {
    renderApp(<PortfolioSection report={report} />, { locale: 'sv' });
    expect(screen.getByTestId('portfolio-lost').textContent).toBe(
      'Browse förlorade 7 meddelanden till Cart reminder (5 personer)',
    );
    expect(screen.getByTestId('portfolio-day-2+').textContent).toBe('Två eller fler202\u00a0%');
  });

  it('says when a journey held back its own message, rather than that it lost to itself', () => {
    const own = {
      ...report,
      portfolio: {
        ...report.portfolio!,
        policy: { held: 4, lost: [{ journey: 'cart', to: 'cart', messages: 4, profiles: 3 }] },
      },
    } as SimulationReport;
    renderApp(<PortfolioSection report={own} />);
    expect(screen.getByTestId('portfolio-lost').textContent).toBe(
      'Cart reminder held back 4 messages of its own (3 people): its earlier message to the same person had filled the window',
    );
  });

  it('shows a forecast’s ranges: messages per person per day, and what the policy held back', () => {
    const spread = (p50: number, p10: number, p90: number) => ({ mean: p50, p10, p50, p90 });
    const forecasted = {
      ...report,
      portfolio: {
        ...report.portfolio!,
        forecast: {
          runs: 40,
          messagesPerProfilePerDay: {
            '0': spread(901, 895, 908),
            '1': spread(79, 74, 85),
            '2+': spread(20, 18, 23),
          },
          mean: spread(0.124, 0.12, 0.13),
          most: spread(3, 3, 4),
          collisions: [],
          policy: {
            held: spread(7, 5, 9),
            lost: [
              {
                journey: 'browse',
                to: 'cart',
                messages: spread(7, 5, 9),
                profiles: spread(5, 4, 6),
              },
            ],
          },
        },
      },
    } as SimulationReport;
    renderApp(<PortfolioSection report={forecasted} />);
    const view = screen.getByTestId('portfolio-forecast');
    const table = within(view).getByRole('table', { name: 'Forecast over 40 runs' });
    expect(
      within(table)
        .getAllByRole('row')
        .map((row) => row.textContent),
    ).toEqual(['No message901 (895–908)', 'One message79 (74–85)', 'Two or more20 (18–23)']);
    expect(within(view).getByTestId('portfolio-forecast-mean').textContent).toBe(
      'On average 0.12 messages a person a day (0.12–0.13).',
    );
    expect(within(view).getByTestId('portfolio-forecast-held').textContent).toBe(
      'Held back by the sending policy: 7 (5–9) messages.',
    );
    expect(within(view).getByTestId('portfolio-forecast-lost').textContent).toBe(
      'Browse lost 7 (5–9) to Cart reminder',
    );
    renderApp(<PortfolioSection report={forecasted} />, { locale: 'nb' });
    expect(screen.getAllByTestId('portfolio-forecast-held')[1]?.textContent).toBe(
      'Holdt tilbake av utsendingspolicyen: 7 (5–9) meldinger.',
    );
  });

  it('is not there for a journey simulated alone', () => {
    const { container } = renderApp(<PortfolioSection report={{} as SimulationReport} />);
    expect(container.textContent).toBe('');
  });

  it('is asked for by the setup, and not by default', () => {
    const datasets = [{ id: 'ev', kind: 'events' }] as never;
    const plain = readSetup({ ...EMPTY_SETUP, eventsDatasetId: 'ev' }, datasets);
    expect(plain.ok && plain.params.withLive).toBeFalsy();
    const together = readSetup({ ...EMPTY_SETUP, eventsDatasetId: 'ev', withLive: true }, datasets);
    expect(together.ok && together.params.withLive).toBe(true);
  });
});
