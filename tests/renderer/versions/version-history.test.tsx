import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Journey } from '../../../core/model/journey';
import { Dialogs } from '../../../renderer/panels/Dialogs';
import { loadJourney } from '../../core/fixtures';
import { engineApi, storeWith } from '../execution/execution-fake';
import { renderApp } from '../render-app';

/** The cart fixture as v1 and, with a longer first wait, v2 (the draft); v2 approved, then edited. */
function setup(stale: boolean) {
  const v1 = loadJourney('abandoned-cart.json');
  const v2: Journey = {
    ...v1,
    nodes: v1.nodes.map((n) =>
      n.kind === 'wait' && n.config.duration === 'PT1H'
        ? { ...n, config: { ...n.config, duration: 'PT2H' } }
        : n,
    ),
  };
  const engine = engineApi([v2]);
  const documents: Record<number, Journey> = { 1: v1, 2: v2 };
  const approvals: unknown[] = [];
  engine.api.listJourneyVersions = () =>
    Promise.resolve({
      currentSha256: 'b'.repeat(64),
      versions: [
        {
          version: 2,
          publishedAt: '2025-03-04T09:00:00.000Z',
          note: 'Slower nudge',
          noteBy: 'Ada',
          sha256: 'b'.repeat(64),
          approvals: approvals as never[],
        },
        {
          version: 1,
          publishedAt: '2025-03-03T09:00:00.000Z',
          sha256: 'a'.repeat(64),
          approvals: [],
        },
      ],
    });
  engine.api.getJourneyVersion = ({ journeyId, version }) =>
    Promise.resolve({ journeyId, version, journey: documents[version] as Journey });
  const recorded: unknown[] = [];
  engine.api.approveJourneyVersion = (input) => {
    recorded.push(input);
    const approval = {
      id: 1,
      version: input.version,
      name: input.name,
      role: input.role,
      comment: input.comment ?? '',
      approvedAt: '2025-03-05T10:00:00.000Z',
      sha256: 'b'.repeat(64),
      stale,
    };
    approvals.push(approval);
    return Promise.resolve(approval);
  };
  const { store, state } = storeWith(v2, engine);
  renderApp(<Dialogs />, { store });
  act(() => state().openDialog({ type: 'version-history' }));
  return { state, recorded, v1 };
}

describe('the version history dialog', () => {
  it('lists versions with their notes and who wrote them', async () => {
    setup(false);
    const v2 = await screen.findByTestId('history-version-2');
    expect(v2.textContent).toContain('Slower nudge — Ada');
    expect(screen.getByTestId('history-version-1').textContent).toContain('No note yet.');
  });

  it('records an approval and shows it stale once the journey changed', async () => {
    const { recorded } = setup(true);
    const v2 = await screen.findByTestId('history-version-2');
    fireEvent.click(within(v2).getByRole('button', { name: 'Approve…' }));
    fireEvent.change(within(v2).getByLabelText('Name'), { target: { value: 'Ada Lind' } });
    fireEvent.change(within(v2).getByLabelText('Role'), { target: { value: 'Brand manager' } });
    fireEvent.click(within(v2).getByRole('button', { name: 'Record the approval' }));
    await waitFor(() => expect(within(v2).getByTestId('approval').textContent).toContain('Stale'));
    expect(recorded).toEqual([
      {
        journeyId: 'abandoned-cart',
        version: 2,
        name: 'Ada Lind',
        role: 'Brand manager',
        comment: '',
      },
    ]);
  });

  it('restores a version as the draft only after asking, and Undo brings the draft back', async () => {
    const { state, v1 } = setup(false);
    const draft = state().journey;
    const row = await screen.findByTestId('history-version-1');
    fireEvent.click(within(row).getByRole('button', { name: 'Restore as draft…' }));
    expect(state().journey).toBe(draft);
    expect(within(row).getByRole('alertdialog').textContent).toContain('Nothing is lost');
    fireEvent.click(within(row).getByRole('button', { name: 'Restore v1' }));
    await waitFor(() => expect(state().journey).toEqual(v1));
    act(() => state().undo());
    expect(state().journey).toBe(draft);
  });

  it('speaks Swedish', async () => {
    const v1 = loadJourney('abandoned-cart.json');
    const engine = engineApi([v1]);
    engine.api.listJourneyVersions = () => Promise.resolve({ currentSha256: '', versions: [] });
    const { store, state } = storeWith(v1, engine);
    renderApp(<Dialogs />, { store, locale: 'sv' });
    act(() => state().openDialog({ type: 'version-history' }));
    expect(await screen.findByText(/Inget är publicerat ännu/)).toBeTruthy();
  });
});
