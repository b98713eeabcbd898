import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SimulationRun } from '../../../core/api/simulation-contract';
import type { SimulationReport } from '../../../core/simulator/report';
import type { Locale } from '../../../renderer/i18n/locales';
import { ResultsTab } from '../../../renderer/simulation/ResultsTab';
import { createAppStore } from '../../../renderer/store/app-store';
import { loadJourney } from '../../core/fixtures';
import { engineApi } from '../execution/execution-fake';
import { renderApp } from '../render-app';
import { sampleRun } from './sample-run';

const journey = loadJourney('winback-ab.json');

/** The sample run's report with an A/B test's figures and some profiles turned away. */
function run(variants: Record<string, { entered: number; converted: number }>): SimulationRun {
  const { report: sample } = sampleRun();
  const report: SimulationReport = {
    ...sample,
    profiles: 2412,
    entriesRefused: { reentry_never: 3 },
    conversions: { ...sample.conversions, byVariant: { ab: variants } },
  };
  return {
    id: 'r1',
    journeyId: journey.id,
    journeyName: journey.name,
    createdAt: '2026-03-05T09:30:00.000Z',
    params: { journeyId: journey.id, seed: 0 },
    durationMs: 10,
    profiles: report.profiles,
    enrollments: report.enrollments,
    conversions: report.conversions.total,
    sent: 1,
    active: report.active,
    journey: { ...journey, settings: { ...journey.settings, timezone: 'Europe/Stockholm' } },
    report,
  };
}

function show(shown: SimulationRun, locale: Locale) {
  const store = createAppStore(engineApi().api);
  renderApp(<ResultsTab run={shown} />, { store, locale });
}

describe('the results tab', () => {
  it('speaks Swedish: figures, the window, verdicts and ranges', () => {
    show(
      run({
        A: { entered: 1000, converted: 150 },
        B: { entered: 12, converted: 3 },
        control: { entered: 1000, converted: 100 },
      }),
      'sv',
    );
    const headline = within(screen.getByTestId('headline'));
    expect(headline.getByText('Gick in')).toBeTruthy();
    expect(headline.getByText('Konverterade')).toBeTruthy();
    // The window in the journey's zone, 24-hour, and the profiles counted the Swedish way.
    expect(screen.getByTitle('Tider i resans tidszon').textContent).toBe(
      '4 mars 2026 10:00 – 5 mars 2026 00:00 Stockholm-tid (14 tim) · 2\u00a0412 profiler',
    );
    expect(screen.getByTestId('entries-refused').textContent).toBe(
      '3 gånger släpptes en profil inte in: den hade varit med förut (resan släpper bara in en profil en gång).',
    );
    const a = within(screen.getByTestId('variant-A'));
    expect(
      a.getByText('Konverterar bättre: +5,0 procentenheter mot Control, knappast en slump.'),
    ).toBeTruthy();
    expect(screen.getByTestId('variant-A').textContent).toMatch(
      /150 av 1\u00a0000 konverterade · troligen 12,9\u00a0%–17,3\u00a0%/,
    );
    expect(
      within(screen.getByTestId('variant-B')).getByText(
        '+15,0 procentenheter mot Control; för få profiler för att säga något.',
      ),
    ).toBeTruthy();
    expect(
      screen.getByRole('img', { name: /^Discount: 15\u00a0% konverterade, 95\s%-intervall/ }),
    ).toBeTruthy();
  });

  it('says the same in English, as the command line counts it', () => {
    show(run({ A: { entered: 12, converted: 3 }, control: { entered: 10, converted: 1 } }), 'en');
    expect(screen.getByText('+15.0 pts against Control; too few profiles to tell.')).toBeTruthy();
    expect(screen.getByTestId('entries-refused').textContent).toBe(
      '3 times a profile was not let in: they had been in it before (the journey lets a profile in only once).',
    );
  });
});
