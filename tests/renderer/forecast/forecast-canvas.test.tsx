import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ForecastFlow } from '../../../renderer/forecast/ForecastOverlay';
import { CanvasRunBar } from '../../../renderer/simulation/CanvasRunBar';
import { NodeCount, PortCount } from '../../../renderer/simulation/NodeOverlay';
import { simulationOverlay } from '../../../renderer/simulation/overlay';
import { createAppStore } from '../../../renderer/store/app-store';
import { fakeApi } from '../fake-api';
import { renderApp } from '../render-app';
import { sampleRun } from '../simulation/sample-run';
import { forecastRun } from './forecast-run';

describe('a forecast on the canvas', { timeout: 30_000 }, () => {
  const run = forecastRun(50);
  const forecast = run.report.forecast!;
  const overlay = simulationOverlay(run.report);

  it('gives every step the forecast’s spreads, and draws connections by the median run', () => {
    expect(overlay.runs).toBe(50);
    expect(overlay.nodes.m1?.forecast).toEqual({
      entered: forecast.nodes.m1?.entered,
      ports: forecast.nodes.m1?.ports,
      message: forecast.messages.m1,
    });
    // Those who bought because of the welcome leave: the reminder's arrivals vary by run.
    const flow = forecast.nodes.wait!.ports.next!;
    expect(flow.p10).toBeLessThan(flow.p90);
    expect(overlay.edges['wait:next->m2']).toMatchObject({ count: flow.p50, range: flow });
    // A replay keeps its counts and no spreads.
    const replay = simulationOverlay(sampleRun().report);
    expect(replay.runs).toBeUndefined();
    expect(replay.nodes.mail1?.forecast).toBeUndefined();
    expect(replay.edges['start:next->wait1']).not.toHaveProperty('range');
  });

  function canvasStore() {
    const store = createAppStore(fakeApi([run.journey]));
    store.getState().loadJourney(run.journey, 1);
    store.setState({ simulation: { ...store.getState().simulation, run, overlay } });
    return store;
  }

  it('prints on a message step the median who reach it, what is sent and caused, with ranges', async () => {
    const store = canvasStore();
    renderApp(
      <div>
        <NodeCount nodeId="m1" />
        <NodeCount nodeId="m2" />
        <PortCount nodeId="m2" portId="next" />
      </div>,
      { store },
    );
    const entered = forecast.nodes.m1!.entered;
    const sent = forecast.messages.m1!.sent;
    const caused = forecast.messages.m1!.converted;
    // Every run sends the welcome to the same arm: one number.
    expect(entered.p10).toBe(entered.p90);
    expect(screen.getByTestId('entered-m1').textContent).toBe(String(entered.p50));
    expect(screen.queryByTestId('entered-m1-range')).toBeNull();
    const reached = forecast.nodes.m2!.entered;
    expect(screen.getByTestId('entered-m2').textContent).toBe(String(reached.p50));
    expect(screen.getByTestId('entered-m2-range').textContent).toBe(
      `${reached.p10}–${reached.p90}`,
    );
    expect(screen.getByTestId('sent-m1').textContent).toBe(String(sent.p50));
    expect(screen.getByTestId('caused-m1').textContent).toBe(String(caused.p50));
    expect(screen.getByTestId('caused-m1-range').textContent).toBe(`${caused.p10}–${caused.p90}`);
    const say = (s: typeof sent) =>
      s.p10 === s.p90 ? `${s.p50}` : `${s.p50}, likely ${s.p10} to ${s.p90}`;
    const badge = screen.getAllByRole('button', { name: /^Forecast:/ })[0]!;
    expect(badge.getAttribute('aria-label')).toBe(
      `Forecast: ${say(entered)} reach this step, ${say(sent)} sent, ${say(caused)} conversions caused`,
    );
    // The reminder nobody reacts to causes nothing: no such badge.
    expect(screen.queryByTestId('caused-badge-m2')).toBeNull();
    // The open exit after the reminder: who ended the journey there, with the range.
    const ended = forecast.nodes.m2!.ports.next!;
    expect(screen.getByTestId('port-m2-next').textContent).toBe(
      ` · ${ended.p50}${ended.p10 === ended.p90 ? '' : `${ended.p10}–${ended.p90}`}`,
    );
    await userEvent.click(badge);
    expect(store.getState().simulation.focusNodeId).toBe('m1');
    expect(store.getState().simulation.open).toBe(true);
  });

  it('prints one number where every run agrees, and a connection’s median with its range', () => {
    const store = canvasStore();
    const arm = forecast.nodes.wait!.ports.next!;
    renderApp(
      <div>
        <NodeCount nodeId="start" />
        <ForecastFlow spread={arm} />
      </div>,
      { store },
    );
    // Everyone enters once: 300 in every run.
    expect(screen.getByTestId('entered-start').textContent).toBe('300');
    expect(screen.queryByTestId('entered-start-range')).toBeNull();
    const flow = screen.getByTitle(`${arm.p50}, likely ${arm.p10} to ${arm.p90} go this way`);
    expect(flow.textContent).toBe(`${arm.p50}${arm.p10}–${arm.p90}`);
  });

  it('says over the canvas that it shows a forecast, with its conversions', () => {
    renderApp(<CanvasRunBar />, { store: canvasStore() });
    const total = forecast.conversions.total;
    expect(screen.getByTestId('run-bar-forecast').textContent).toBe(
      `Forecast over 50 runs: ${total.p50} conversions (likely ${total.p10}–${total.p90})`,
    );
  });
});
