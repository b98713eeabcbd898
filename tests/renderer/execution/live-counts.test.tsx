import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LiveCount } from '../../../renderer/execution/LiveCount';
import { FALLBACK_REFRESH_MS } from '../../../renderer/execution/use-live-execution';
import { RunPanel } from '../../../renderer/execution/RunPanel';
import { useApp } from '../../../renderer/store/app-store';
import type { JourneyNode } from '../../../core/model/journey';
import { loadJourney } from '../../core/fixtures';
import { renderApp } from '../render-app';
import { counts, engineApi, storeWith } from './execution-fake';

/** The steps' live counts, and the run panel while it is open, as the editor lays them out. */
function Harness({ nodes }: { nodes: readonly JourneyNode[] }) {
  const open = useApp((s) => s.execution.open);
  return (
    <>
      <div>
        {nodes.map((n) => (
          <LiveCount key={n.id} nodeId={n.id} kind={n.kind} />
        ))}
      </div>
      {open && <RunPanel />}
    </>
  );
}

function setup() {
  const journey = loadJourney('abandoned-cart.json');
  const engine = engineApi([journey]);
  engine.setExecution({
    journeyId: journey.id,
    state: 'running',
    latestVersion: 1,
    liveVersion: 1,
    changedSincePublish: false,
    counts: counts(journey.id, {
      entered: 4,
      active: 2,
      nodes: {
        wait1: { here: 2 },
        mail1: { here: 0, messages: { pending: 1, delivered: 3, dead: 0, cancelled: 0 } },
      },
      messages: { pending: 1, delivered: 3, dead: 0, cancelled: 0 },
    }),
  });
  const { store, state } = storeWith(journey, engine);
  renderApp(<Harness nodes={journey.nodes} />, { store });
  const open = () => act(() => state().setRunOpen(true));
  return { engine, state, open, journey };
}

const text = (id: string) => screen.getByTestId(id).textContent;

describe('live counts', () => {
  it('draws nothing on the canvas until the run panel is open', async () => {
    const { open } = setup();
    expect(screen.queryByTestId('live-wait1')).toBeNull();
    open();
    await waitFor(() => expect(text('live-here-wait1')).toBe('2'));
    // Every step says how many are there; message steps also say what became of their messages.
    expect(text('live-here-start')).toBe('0');
    expect(text('live-delivered-mail1')).toBe('3');
    expect(text('live-queued-mail1')).toBe('1');
    expect(text('live-failed-mail1')).toBe('0');
    expect(screen.queryByTestId('live-delivered-wait1')).toBeNull();
    expect(text('run-entered')).toBe('4');
    expect(text('run-active')).toBe('2');
  });

  it('follows the counts the engine pushes, on the canvas and in the panel', async () => {
    const { engine, open, journey } = setup();
    open();
    await waitFor(() => expect(text('live-here-wait1')).toBe('2'));
    act(() =>
      engine.pushCounts(
        counts(journey.id, {
          entered: 5,
          active: 1,
          completed: 3,
          converted: 1,
          exited: 0,
          nodes: {
            wait1: { here: 1 },
            mail1: { here: 0, messages: { pending: 0, delivered: 3, dead: 1, cancelled: 0 } },
          },
          messages: { pending: 0, delivered: 3, dead: 1, cancelled: 0 },
        }),
      ),
    );
    expect(text('live-here-wait1')).toBe('1');
    expect(text('live-failed-mail1')).toBe('1');
    expect(text('live-queued-mail1')).toBe('0');
    expect(text('run-entered')).toBe('5');
    expect(text('run-completed')).toBe('3');
    expect(text('run-converted')).toBe('1');
    expect(text('run-messages-dead')).toBe('1');
    expect(text('run-messages-pending')).toBe('0');
  });

  it('ignores counts pushed for another journey', async () => {
    const { engine, open } = setup();
    open();
    await waitFor(() => expect(text('live-here-wait1')).toBe('2'));
    act(() =>
      engine.pushCounts(
        counts('welcome', { entered: 99, active: 99, nodes: { wait1: { here: 99 } } }),
      ),
    );
    expect(text('live-here-wait1')).toBe('2');
    expect(text('run-entered')).toBe('4');
  });

  it('stops listening when the run panel closes', async () => {
    const { engine, open, state } = setup();
    expect(engine.listeners()).toBe(0);
    open();
    await waitFor(() => expect(engine.listeners()).toBe(3));
    act(() => state().setRunOpen(false));
    expect(screen.queryByTestId('live-wait1')).toBeNull();
    expect(screen.queryByTestId('run-panel')).toBeNull();
    expect(engine.listeners()).toBe(0);
  });

  it('draws nothing for a journey never published', async () => {
    const journey = loadJourney('abandoned-cart.json');
    const { store, state } = storeWith(journey);
    renderApp(
      <>
        <LiveCount nodeId="wait1" kind="wait" />
        <RunPanel />
      </>,
      { store },
    );
    act(() => state().setRunOpen(true));
    await waitFor(() => expect(text('run-state')).toBe('Unpublished'));
    expect(screen.queryByTestId('live-wait1')).toBeNull();
  });

  describe('without pushes', () => {
    afterEach(() => vi.useRealTimers());

    it('reads the counts again every few seconds, and only when no push came meanwhile', async () => {
      vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
      const { engine, open, journey } = setup();
      open();
      await waitFor(() => expect(text('live-here-wait1')).toBe('2'));
      const reads = engine.calls.getExecution;
      engine.setExecution({
        journeyId: journey.id,
        counts: counts(journey.id, { nodes: { wait1: { here: 6 } } }),
      });
      await act(async () => {
        await vi.advanceTimersByTimeAsync(FALLBACK_REFRESH_MS);
      });
      expect(engine.calls.getExecution).toBe(reads + 1);
      await waitFor(() => expect(text('live-here-wait1')).toBe('6'));

      // A push keeps the counts fresh: the next tick has nothing to read.
      await act(async () => {
        await vi.advanceTimersByTimeAsync(FALLBACK_REFRESH_MS - 1_000);
      });
      act(() => engine.pushCounts(counts(journey.id, { nodes: { wait1: { here: 7 } } })));
      await act(async () => {
        await vi.advanceTimersByTimeAsync(1_000);
      });
      expect(engine.calls.getExecution).toBe(reads + 1);
      expect(text('live-here-wait1')).toBe('7');
    });
  });
});
