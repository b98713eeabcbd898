import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { SimulationRun } from '../../../core/api/simulation-contract';
import { WinnerRuleTrial } from '../../../core/forecast/winner-rule-trial';
import type { Journey } from '../../../core/model/journey';
import type { SimulationReport } from '../../../core/simulator/report';
import { NodeInspector } from '../../../renderer/inspector/NodeInspector';
import { RULE_RUNS } from '../../../renderer/inspector/forecast/use-winner-trials';
import { createAppStore, type AppStore } from '../../../renderer/store/app-store';
import { edge, journey, node } from '../../core/build';
import { fakeApi } from '../fake-api';
import { renderApp } from '../render-app';

const VARIANTS = [
  { key: 'A', label: '15% off', weight: 45 },
  { key: 'B', label: 'Free shipping', weight: 45 },
  { key: 'control', label: 'Control group', weight: 10 },
];

const test = (autoWinner?: Record<string, unknown>): Journey =>
  journey(
    [
      node('start', 'trigger', { on: 'event', event: 'cart' }),
      node('ab', 'split', { variants: VARIANTS, ...(autoWinner && { autoWinner }) }),
    ],
    [edge('start', 'ab')],
    { goal: { event: 'purchase', within: 'P7D' } },
  );

function open(j: Journey, run?: SimulationRun): AppStore {
  const store = createAppStore(fakeApi([j]));
  store.getState().loadJourney(j, 1);
  if (run) store.setState({ simulation: { ...store.getState().simulation, run } });
  renderApp(<NodeInspector nodeId="ab" />, { store });
  return store;
}

const planner = () => within(screen.getByTestId('planner'));

async function fill(label: string | RegExp, value: string) {
  const input = planner().getByLabelText(label);
  await userEvent.clear(input);
  if (value) await userEvent.type(input, value);
}

describe('the A/B planner on a split', () => {
  it('says how many people and days a test needs, as computed by hand', async () => {
    open(test());
    expect(planner().getByTestId('planner-source').textContent).toMatch(/^No simulation/);
    await fill('People reaching this split per day', '500');
    await fill('Conversion rate of Control group', '10');
    await fill('Smallest lift worth finding', '20');
    await fill('Significance level (α)', '5');
    await fill('Power', '80');
    await fill('Days the journey runs', '120');
    // Two-proportion formula, 10% against 12% at α 5% and power 80%:
    // (1.959964·√(2·0.11·0.89) + 0.841621·√(0.1·0.9 + 0.12·0.88))² / 0.02² = 3,840.8 → 3,841.
    // The control gets 10% of 500 a day: 3,841 / 50 = 76.8 → 77 days, and 7 more for the orders.
    expect(planner().getByTestId('planner-days').textContent).toBe(
      'With about 500 people a day reaching this split, the test needs 3,841 per variant: about 84 days.',
    );
    expect(
      planner().getByText(/^Control group fills up last, with 10% of the people: 77 days/),
    ).toBeTruthy();
    expect(planner().getByText('From 10% to 12%.')).toBeTruthy();
    expect(planner().queryByTestId('planner-warning')).toBeNull();
  });

  it('warns when the test cannot conclude within the days the journey runs', async () => {
    open(test());
    await fill('People reaching this split per day', '500');
    await fill('Conversion rate of Control group', '10');
    await fill('Days the journey runs', '60');
    expect(planner().getByTestId('planner-warning').textContent).toBe(
      'That is longer than the 60 days the journey runs: the test cannot conclude in time. Test a larger change, give the smallest variant a larger share, or run longer.',
    );
    await fill('People reaching this split per day', '0');
    expect(planner().getByTestId('planner-warning').textContent).toMatch(
      /^The test can never conclude: nobody reaches the split/,
    );
    await fill('Power', '');
    expect(planner().getByText('Fill in the figures above to see the plan.')).toBeTruthy();
    expect(planner().getByLabelText('Power').getAttribute('aria-invalid')).toBe('true');
  });

  it('starts from the last forecast: its traffic at the split, its variants’ rates, its window', () => {
    const j = test();
    const spread = (mean: number) => ({ mean, p10: mean, p50: mean, p90: mean });
    const report = {
      window: { start: '2026-03-01T00:00:00.000Z', end: '2026-03-08T00:00:00.000Z' },
      nodes: { ab: { entered: 820, ports: {} } },
      conversions: { total: 0, byVariant: {} },
      winners: {},
      forecast: {
        runs: 100,
        nodes: { ab: { entered: spread(840), ports: {} } },
        variants: {
          ab: {
            A: { entered: spread(378), converted: spread(45.36) },
            B: { entered: spread(378), converted: spread(49.14) },
            control: { entered: spread(84), converted: spread(8.4) },
          },
        },
      },
    } as unknown as SimulationReport;
    const run = {
      id: 'run-1',
      journeyId: j.id,
      journey: j,
      createdAt: '2026-03-09T10:00:00.000Z',
      report,
    } as unknown as SimulationRun;
    open(j, run);
    expect(planner().getByTestId('planner-source').textContent).toBe(
      'From the forecast of 9 Mar 2026, 10:00: 15% off 12%, Free shipping 13%, Control group 10%. Change any figure to plan with your own.',
    );
    // 840 people over 7 days; the control's 10% of them: 12 a day.
    expect(planner().getByLabelText('People reaching this split per day')).toHaveProperty(
      'value',
      '120',
    );
    expect(planner().getByLabelText('Days the journey runs')).toHaveProperty('value', '7');
    // 3,841 / 12 = 320.1 → 321 days, and 7 for the orders: far beyond the forecast's 7 days.
    expect(planner().getByTestId('planner-days').textContent).toBe(
      'With about 120 people a day reaching this split, the test needs 3,841 per variant: about 328 days.',
    );
    expect(planner().getByTestId('planner-warning')).toBeTruthy();
  });

  it('says, by simulation, how often the automatic winner picks a wrong one', async () => {
    const rule = { metric: 'conversion', minPerVariant: 100, confidence: 0.95 };
    open(test(rule));
    await fill('People reaching this split per day', '200');
    await fill('Conversion rate of Control group', '10');
    await fill('Days the journey runs', '10');
    expect(await planner().findByRole('status')).toBeTruthy();
    const alike = await planner().findByTestId('rule-alike', {}, { timeout: 60_000 });
    // The same tests, simulated here: the inspector says what the trial finds.
    const trial = new WinnerRuleTrial(
      {
        entriesPerDay: 200,
        variants: VARIANTS.map(({ key, weight }) => ({ key, weight })),
        rates: { A: 0.1, B: 0.1, control: 0.1 },
        rule: { metric: 'conversion', minPerVariant: 100, confidence: 0.95 },
        horizonDays: 10,
        attributionDays: 7,
      },
      RULE_RUNS,
    );
    trial.advance(Number.POSITIVE_INFINITY);
    const { check } = trial.result();
    const pct = (x: number) => `${Math.round(x * 100)}%`;
    expect(alike.textContent).toMatch(
      new RegExp(
        `^If the variants convert alike, the rule still picks a winner in ${pct(check.wrongRate.rate)} of tests \\(likely ${pct(check.wrongRate.low)}–${pct(check.wrongRate.high)}\\), and every such pick is wrong\\.`,
      ),
    );
    // Peeking every hour at 95%: far more than one test in twenty.
    expect(check.wrongRate.rate).toBeGreaterThan(0.15);
    expect(planner().getByTestId('rule-better').textContent).toMatch(
      /^If Free shipping converts 20% better, the rule picks another variant in \d+% of tests/,
    );
  }, 90_000);

  it('asks for the automatic winner before checking it', () => {
    open(test());
    expect(
      planner().getByText(/^Turn on “Pick the winner automatically” above to see/),
    ).toBeTruthy();
  });
});
