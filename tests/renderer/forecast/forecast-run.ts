import type { SimulationRun } from '../../../core/api/simulation-contract';
import type { Assumption } from '../../../core/forecast/assumptions';
import type { SimulationReport } from '../../../core/simulator/report';
import { chain, edge, node } from '../../core/build';
import { cohort, forecast, mail, signupJourney } from '../../core/forecast/helpers';

/**
 * A forecast over 300 people: half get a welcome email that causes an order for 20% of them and,
 * two days later, a reminder (those who bought have left); the other half are the control group.
 * Its figures are the engine's, over `runs` runs.
 */
export function forecastRun(runs = 50): SimulationRun {
  const journey = {
    ...signupJourney(
      [
        node('ab', 'split', {
          variants: [
            { key: 'control', weight: 50 },
            { key: 'mail', weight: 50 },
          ],
        }),
        { ...mail('m1', { open: 0.5, convert: 0.2, within: 'P1D' }), label: 'Welcome email' },
        node('wait', 'wait', { mode: 'duration', duration: 'P2D' }),
        { ...mail('m2'), label: 'Reminder' },
      ],
      [edge('start', 'ab'), edge('ab', 'm1', 'mail'), ...chain('m1', 'wait', 'm2')],
      { goal: { event: 'purchase', exit: true, within: 'P7D' }, timezone: 'UTC' },
    ),
    name: 'Welcome test',
  };
  const { report } = forecast(journey, cohort(300), runs);
  return runOf(journey, report, runs);
}

export function runOf(
  journey: SimulationRun['journey'],
  report: SimulationReport,
  runs: number,
): SimulationRun {
  return {
    id: `forecast-${runs}`,
    journeyId: journey.id,
    journeyName: journey.name,
    createdAt: '2026-03-02T10:00:00.000Z',
    params: {
      journeyId: journey.id,
      eventsDatasetId: 'ev',
      seed: 0,
      forecast: { runs, defaults: true },
    },
    durationMs: 1200,
    profiles: report.profiles,
    enrollments: report.enrollments,
    conversions: report.conversions.total,
    sent: Object.values(report.sent).reduce((a, b) => a + (b ?? 0), 0),
    active: report.active,
    journey,
    report,
  };
}

/** Assumptions of every source, as a forecast with the library's rates and data lists them. */
export const MIXED_ASSUMPTIONS: Assumption[] = [
  { node: 'm1', outcome: 'open', rate: 0.5, within: 'P1D', source: 'node' },
  {
    node: 'm1',
    outcome: 'click',
    rate: 0.041,
    within: 'P1D',
    source: 'data',
    basis: { count: 123, of: 3000, text: '123 clicks of 3,000 emails delivered' },
  },
  {
    node: 'm1',
    outcome: 'convert',
    rate: 0.0232,
    within: 'P1D',
    source: 'default',
    reference: {
      publisher: 'Klaviyo',
      title: '2024 Benchmark Report',
      year: 2024,
      url: 'https://www.klaviyo.com/marketing-resources/email-benchmarks',
      measures: 'placed-order rate of welcome flow emails',
    },
    note: 'assumed — published attributed rate; caused orders are usually lower',
  },
  { outcome: 'fatigue', per: 'P7D', decay: 0.1, source: 'journey' },
  {
    outcome: 'value',
    value: 412.5,
    source: 'data',
    basis: { count: 40, text: 'mean of 40 goal events with a value' },
    note: 'a caused order is worth …',
  },
];
