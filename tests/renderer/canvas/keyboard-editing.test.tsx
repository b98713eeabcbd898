import { ReactFlowProvider } from '@xyflow/react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Journey } from '../../../core/model/journey';
import { JourneyCanvas } from '../../../renderer/canvas/JourneyCanvas';
import type { Locale } from '../../../renderer/i18n/locales';
import { createAppStore } from '../../../renderer/store/app-store';
import { edge, journey, node } from '../../core/build';
import { fakeApi } from '../fake-api';
import { renderApp } from '../render-app';

const WAIT = { mode: 'duration', duration: 'PT1H' };

function placed(j: Journey): Journey {
  return { ...j, nodes: j.nodes.map((n, i) => ({ ...n, position: { x: 0, y: i * 160 } })) };
}

const vip = () =>
  placed(
    journey(
      [
        node('start', 'trigger', { on: 'event', event: 'cart' }),
        node('check', 'condition', { attribute: 'vip', op: 'eq', value: true }),
        node('later', 'wait', WAIT),
      ],
      [edge('start', 'check')],
    ),
  );

function mount(j: Journey, locale: Locale = 'en') {
  const store = createAppStore(fakeApi([j]));
  store.getState().loadJourney(j, 1);
  renderApp(
    <ReactFlowProvider>
      <JourneyCanvas />
    </ReactFlowProvider>,
    { store, locale },
  );
  const said = () => screen.getByTestId('canvas-announcement').textContent;
  return { store, user: userEvent.setup(), said, state: () => store.getState() };
}

describe('editing the canvas by keyboard', () => {
  it('chooses the No exit with E before adding a step, and says so', async () => {
    const { store, user, said, state } = mount(vip());
    store.getState().select(['check']);
    await user.keyboard('e');
    expect(said()).toBe(
      'The next step you add follows “If vip is true” on its “Yes” exit. Press E again for another exit.',
    );
    await user.keyboard('e');
    expect(said()).toContain('on its “No” exit');
    await user.keyboard('2');
    const added = state().selectedNodeIds[0];
    expect(state().journey?.edges).toContainEqual({ from: 'check', port: 'no', to: added });
    expect(said()).toBe('Added a wait after “If vip is true”, on its “No” exit.');
  });

  it('connects the selected step to a step already there, chosen from a list', async () => {
    const { store, user, said, state } = mount(vip());
    store.getState().select(['check']);
    await user.keyboard('c');
    const dialog = await screen.findByRole('dialog', {
      name: 'Connect “If vip is true” to a step',
    });
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'From the exit' }), 'No');
    await user.type(within(dialog).getByRole('searchbox', { name: 'Find a step' }), 'wait');
    await user.click(within(dialog).getByRole('button', { name: 'Wait 1 hour' }));
    expect(state().journey?.edges).toContainEqual({ from: 'check', port: 'no', to: 'later' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(said()).toBe('Connected the “No” exit of “If vip is true” to “Wait 1 hour”.');
  });

  it('moves the selected step with the arrow keys, further with Shift, one undo step each', async () => {
    const { store, user, said, state } = mount(vip());
    store.getState().select(['later']);
    const at = () => state().journey?.nodes.find((n) => n.id === 'later')?.position;
    await user.keyboard('{ArrowRight}');
    expect(at()).toEqual({ x: 16, y: 320 });
    expect(said()).toBe('Moved “Wait 1 hour” right.');
    await user.keyboard('{Shift>}{ArrowDown}{/Shift}');
    expect(at()).toEqual({ x: 16, y: 384 });
    state().undo();
    expect(at()).toEqual({ x: 16, y: 320 });
  });

  it('speaks Swedish', async () => {
    const { store, user, said } = mount(vip(), 'sv');
    store.getState().select(['later']);
    await user.keyboard('{ArrowLeft}');
    // The step as its card calls it in Swedish, not the English summary.
    await waitFor(() => expect(said()).toBe('Flyttade ”Vänta 1 timme” åt vänster.'));
    store.getState().select(['check']);
    await user.keyboard('e');
    expect(said()).toBe(
      'Nästa steg du lägger till följer ”Om vip är sant” via utgången ”Ja”. Tryck E igen för en annan utgång.',
    );
  });

  it('asks before Delete removes a step, naming it; Cancel keeps it', async () => {
    const { store, user, said, state } = mount(vip());
    store.getState().select(['later']);
    await user.keyboard('{Delete}');
    const ask = await screen.findByRole('dialog', { name: 'Delete “Wait 1 hour”?' });
    expect(ask.textContent).toContain('“Wait 1 hour” and its connections are removed');
    await user.click(within(ask).getByRole('button', { name: 'Cancel' }));
    expect(state().journey?.nodes.map((n) => n.id)).toContain('later');

    store.getState().select(['check', 'later']);
    await user.keyboard('{Backspace}');
    const many = await screen.findByRole('dialog', { name: 'Delete 2 steps?' });
    await user.click(within(many).getByRole('button', { name: 'Delete 2 steps' }));
    expect(state().journey?.nodes.map((n) => n.id)).toEqual(['start']);
    expect(said()).toBe('Deleted 2 steps.');
  });
});
