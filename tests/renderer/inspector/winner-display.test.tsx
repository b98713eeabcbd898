import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ExecutionInfo } from '../../../core/api/execution-contract';
import type { SimulationRun } from '../../../core/api/simulation-contract';
import type { Journey } from '../../../core/model/journey';
import type { SimulationReport } from '../../../core/simulator/report';
import { NodeInspector } from '../../../renderer/inspector/NodeInspector';
import { WinnerBadge } from '../../../renderer/nodes/WinnerBadge';
import { createAppStore, type AppStore } from '../../../renderer/store/app-store';
import { edge, journey, node } from '../../core/build';
import { fakeApi } from '../fake-api';
import { renderApp } from '../render-app';

const split = node('ab', 'split', {
  variants: [
    { key: 'A', label: '15% off', weight: 45 },
    { key: 'B', label: 'Free shipping', weight: 45 },
    { key: 'control', label: 'Control group', weight: 10 },
  ],
  autoWinner: { metric: 'conversion', minPerVariant: 100, confidence: 0.95 },
});
const j: Journey = journey(
  [node('start', 'trigger', { on: 'event', event: 'cart' }), split],
  [edge('start', 'ab')],
  { goal: { event: 'purchase' }, timezone: 'Europe/Stockholm' },
);

function withWinners(
  simulated?: { at: string; variant: string; probability: number },
  live?: { at: string; variant: string; probability: number },
): AppStore {
  const store = createAppStore(fakeApi([j]));
  store.getState().loadJourney(j, 1);
  if (simulated) {
    const report = {
      window: { start: '2025-03-01T00:00:00.000Z', end: '2025-03-31T00:00:00.000Z' },
      nodes: {},
      conversions: { total: 0, byVariant: {} },
      winners: { ab: simulated },
    } as unknown as SimulationReport;
    const run = { id: 'r', journeyId: j.id, journey: j, createdAt: '', report };
    store.setState({
      simulation: { ...store.getState().simulation, run: run as unknown as SimulationRun },
    });
  }
  if (live) {
    const info = {
      journeyId: j.id,
      state: 'running',
      changedSincePublish: false,
      counts: {
        journeyId: j.id,
        entered: 0,
        active: 0,
        completed: 0,
        converted: 0,
        exited: 0,
        nodes: {},
        messages: { pending: 0, delivered: 0, dead: 0, cancelled: 0 },
        winners: { ab: live },
      },
    } satisfies ExecutionInfo;
    store.setState({ execution: { ...store.getState().execution, info } });
  }
  return store;
}

describe('the automatic winner, once decided', () => {
  it('is said on the split’s inspector: when, which variant, how sure, in the journey’s time zone', () => {
    const store = withWinners(
      { at: '2025-03-05T10:00:00.000Z', variant: 'B', probability: 0.9734 },
      { at: '2025-04-02T07:00:00.000Z', variant: 'A', probability: 0.951 },
    );
    renderApp(<NodeInspector nodeId="ab" />, { store });
    expect(screen.getByTestId('winner-simulation').textContent).toBe(
      'In the simulation, the rule picked Free shipping on 5 Mar 2025, 11:00, 97.3% likely to convert best. From then on, everyone not drawn into the control went to it.',
    );
    expect(screen.getByTestId('winner-live').textContent).toBe(
      'In the live run, the rule picked 15% off on 2 Apr 2025, 09:00, 95.1% likely to convert best. From then on, everyone not drawn into the control goes to it.',
    );
    expect(screen.getByRole('region', { name: 'Winner picked automatically' })).toBeTruthy();
  });

  it('says nothing where nothing was decided', () => {
    renderApp(<NodeInspector nodeId="ab" />, { store: withWinners() });
    expect(screen.queryByTestId('winner-decisions')).toBeNull();
  });

  it('is on the split’s card: the simulation’s on its figures, the live run’s while the run panel is open', () => {
    const store = withWinners(
      { at: '2025-03-05T10:00:00.000Z', variant: 'B', probability: 0.9734 },
      { at: '2025-04-02T07:00:00.000Z', variant: 'A', probability: 0.951 },
    );
    renderApp(<WinnerBadge node={split} />, { store, locale: 'sv' });
    const badge = screen.getByTestId('winner-badge-ab');
    expect(badge.textContent).toBe('Vinnare: Free shipping');
    expect(badge.getAttribute('aria-label')).toMatch(
      /^I simuleringen valde regeln Free shipping 5 mars 2025 11:00, med 97,3\s%/,
    );
    act(() => store.getState().setRunOpen(true));
    expect(screen.getByTestId('winner-badge-ab').textContent).toBe('Vinnare: 15% off');
    act(() => {
      store.getState().setRunOpen(false);
      store.getState().setShowCounts(false);
    });
    expect(screen.queryByTestId('winner-badge-ab')).toBeNull();
  });
});
