import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { PublishImpactView } from '../../../core/api/publish-contract';
import { RunPanel } from '../../../renderer/execution/RunPanel';
import { loadJourney } from '../../core/fixtures';
import { renderApp } from '../render-app';
import { engineApi, storeWith } from './execution-fake';

const ref = (id: string, title: string, kind = 'wait', kindTitle = 'Wait') => ({
  id,
  title,
  kind,
  kindTitle,
});

const IMPACT: PublishImpactView = {
  journeyId: 'abandoned-cart',
  toVersion: 2,
  changed: true,
  total: 19,
  groups: [
    {
      key: '1/removed/wb',
      fromVersion: 1,
      step: ref('wb', 'Wait a day'),
      reason: 'removed',
      count: 7,
      changes: [],
      actions: ['stay', 'move', 'exit'],
    },
    {
      key: '1/changed/w1',
      fromVersion: 1,
      step: ref('w1', 'Wait 2 days'),
      reason: 'changed',
      count: 12,
      until: { first: '2026-05-06T08:00:00.000Z', last: '2026-05-06T08:11:00.000Z' },
      changes: [
        {
          type: 'node-changed',
          node: ref('w1', 'Wait 2 days'),
          field: ['duration'],
          titles: ['Wait for'],
          before: { type: 'text', text: '2 days' },
          after: { type: 'text', text: '3 days' },
        } as never,
      ],
      actions: ['stay', 'continue', 'move', 'exit'],
    },
  ],
  targets: [ref('w1', 'Wait 2 days'), ref('mc', '10% off', 'message', 'Message')],
};

function setup(impact?: PublishImpactView) {
  const journey = loadJourney('abandoned-cart.json');
  const engine = engineApi([journey]);
  engine.setExecution({
    journeyId: 'abandoned-cart',
    state: 'running',
    latestVersion: 1,
    liveVersion: 1,
    changedSincePublish: true,
  });
  if (impact) engine.setImpact(impact);
  const { store, state } = storeWith(journey, engine);
  state().setRunOpen(true);
  renderApp(<RunPanel />, { store });
  return { engine, state };
}

describe('the publish impact preview', () => {
  it('shows each group with its count, what changed, and a choice; publish carries the plan', async () => {
    const user = userEvent.setup();
    const { engine } = setup(IMPACT);
    await waitFor(() =>
      expect(screen.getByTestId<HTMLButtonElement>('run-publish').disabled).toBe(false),
    );
    await user.click(screen.getByTestId('run-publish'));
    const dialog = await screen.findByRole('dialog', { name: 'Publish version 2?' });
    await within(dialog).findByTestId('publish-impact');
    expect(within(dialog).getByTestId('publish-total').textContent).toMatch(
      /^19 people are inside the journey/,
    );
    const [removed, changed] = within(dialog).getAllByTestId('publish-group');
    expect(
      within(removed!).getByRole('radiogroup', {
        name: '7 people are on “Wait a day” (version 1), which you deleted',
      }),
    ).toBeTruthy();
    // No way to go on from a deleted step.
    expect(within(removed!).queryByTestId('publish-choice-continue')).toBeNull();
    const radios = within(changed!).getByRole('radiogroup', {
      name: '12 people wait on “Wait 2 days” (version 1), which you changed',
    });
    expect(changed!.textContent).toContain('2 days');
    expect(changed!.textContent).toContain('3 days');
    expect(changed!.textContent).toMatch(/They move on between .+ and .+\./);
    // Finishing on the old version is chosen until the marketer says otherwise.
    expect(
      within(radios).getByLabelText<HTMLInputElement>('Finish on version 1, as they are').checked,
    ).toBe(true);

    await user.selectOptions(within(removed!).getByTestId('publish-move-target'), 'mc');
    expect(within(removed!).getByTestId<HTMLInputElement>('publish-choice-move').checked).toBe(
      true,
    );
    await user.click(within(changed!).getByLabelText('Go on from “Wait 2 days” in version 2'));
    expect(changed!.textContent).toContain('They keep the time they were due to move on');
    await user.click(within(dialog).getByTestId('publish-confirm'));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(engine.calls.publish).toEqual([
      {
        journeyId: 'abandoned-cart',
        migration: {
          '1/removed/wb': { action: 'move', to: 'mc' },
          '1/changed/w1': { action: 'continue' },
        },
      },
    ]);
  });

  it('is a plain confirmation when nobody is inside, and Cancel publishes nothing', async () => {
    const user = userEvent.setup();
    const { engine } = setup();
    await waitFor(() =>
      expect(screen.getByTestId<HTMLButtonElement>('run-publish').disabled).toBe(false),
    );
    await user.click(screen.getByTestId('run-publish'));
    const dialog = await screen.findByRole('dialog', { name: 'Publish version 2?' });
    expect((await within(dialog).findByTestId('publish-impact')).textContent).toBe(
      'The saved journey becomes version 2. New people enter it at once.',
    );
    expect(within(dialog).queryByTestId('publish-group')).toBeNull();
    await user.click(within(dialog).getByTestId('publish-cancel'));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(engine.calls.publish).toEqual([]);

    await user.click(screen.getByTestId('run-publish'));
    await screen.findByTestId('publish-impact');
    await user.click(screen.getByTestId('publish-confirm'));
    await waitFor(() => expect(engine.calls.publish).toEqual([{ journeyId: 'abandoned-cart' }]));
  });

  it('keeps the keyboard inside: Tab goes round, Escape closes', async () => {
    const user = userEvent.setup();
    setup(IMPACT);
    await waitFor(() =>
      expect(screen.getByTestId<HTMLButtonElement>('run-publish').disabled).toBe(false),
    );
    screen.getByTestId('run-publish').focus();
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByTestId('publish-impact');
    within(dialog).getByTestId('publish-confirm').focus();
    await user.tab();
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Close' }));
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(within(dialog).getByTestId('publish-confirm'));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('run-publish'));
  });
});
