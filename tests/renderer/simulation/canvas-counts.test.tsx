import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ExecutionInfo } from '../../../core/api/execution-contract';
import { LiveCount } from '../../../renderer/execution/LiveCount';
import { NodeCount } from '../../../renderer/simulation/NodeOverlay';
import { simulationOverlay } from '../../../renderer/simulation/overlay';
import { useTimeFormats } from '../../../renderer/simulation/use-time-formats';
import { counts, storeWith } from '../execution/execution-fake';
import { renderApp } from '../render-app';
import { sampleRun } from './sample-run';

/** A space as Swedish and Norwegian group digits with (no break). */
const NBSP = '\u00a0';

function simulated() {
  const run = sampleRun();
  const drawn = simulationOverlay(run.report);
  const overlay = {
    ...drawn,
    nodes: { ...drawn.nodes, mail1: { ...drawn.nodes.mail1!, entered: 17_434 } },
  };
  const { store } = storeWith(run.journey);
  // The badges read only the figures drawn from a run.
  store.setState({ simulation: { ...store.getState().simulation, overlay } });
  return { store, run };
}

describe('counts on the canvas', () => {
  it('prints a simulated count the Swedish way and says it is simulated', () => {
    const { store } = simulated();
    renderApp(<NodeCount nodeId="mail1" />, { store, locale: 'sv' });
    expect(screen.getByTestId('entered-mail1').textContent).toBe(`17${NBSP}434`);
    const badge = screen.getByTestId('count-mail1');
    expect(badge.querySelector('.count-kind')?.getAttribute('data-tag')).toBe('Sim');
    // A message step's name says the badge's own words first.
    expect(badge.getAttribute('aria-label')).toMatch(
      new RegExp(`^Simulerat: 17${NBSP}434 nådde, `),
    );
  });

  it('marks the live run’s count as live, so the two are never confused', () => {
    const { store, run } = simulated();
    const info = {
      state: 'running',
      counts: counts(run.journey.id, { nodes: { mail1: { here: 2 } } }),
    } as unknown as ExecutionInfo;
    store.setState({ execution: { ...store.getState().execution, open: true, info } });
    renderApp(
      <div>
        <NodeCount nodeId="mail1" />
        <LiveCount nodeId="mail1" kind="message" />
      </div>,
      { store, locale: 'nb' },
    );
    // While the run panel is open, only the live figures are drawn.
    expect(screen.queryByTestId('count-mail1')).toBeNull();
    const live = screen.getByTestId('live-mail1');
    expect(live.getAttribute('aria-label')).toMatch(/^Live: 2 profiler her nå; 0 levert/);
    expect(live.querySelector('.count-kind.is-live')?.textContent).toBe('Live');
  });

  it('tells time on a 24-hour clock in Swedish and Norwegian', () => {
    function Times() {
      const f = useTimeFormats();
      return (
        <p data-testid="times">
          {f.clock('2026-03-01T15:05:00Z')}|{f.duration(3 * 86_400_000)}|{f.duration(170 * 60_000)}
        </p>
      );
    }
    const { unmount } = renderApp(<Times />, { locale: 'sv' });
    expect(screen.getByTestId('times').textContent).toBe('15:05|3 dagar|2 tim 50 min');
    unmount();
    renderApp(<Times />, { locale: 'nb' });
    expect(screen.getByTestId('times').textContent).toBe('15:05|3 dager|2 t 50 min');
  });
});
