import { ReactFlowProvider } from '@xyflow/react';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Journey } from '../../../core/model/journey';
import { findStarter } from '../../../core/templates/starters';
import { Editor } from '../../../renderer/Editor';
import { JourneyCanvas } from '../../../renderer/canvas/JourneyCanvas';
import type { Locale } from '../../../renderer/i18n/locales';
import { OutlinePanel } from '../../../renderer/outline/OutlinePanel';
import { createAppStore } from '../../../renderer/store/app-store';
import { edge, journey, node } from '../../core/build';
import { fakeApi } from '../fake-api';
import { renderApp } from '../render-app';

const WAIT = { mode: 'duration', duration: 'PT1H' };

function cart(): Journey {
  return structuredClone((findStarter('abandoned-cart') as { journey: Journey }).journey);
}

function mount(j: Journey, locale: Locale = 'en', withCanvas = false) {
  const store = createAppStore(fakeApi([j]));
  store.getState().loadJourney(j, 1);
  renderApp(
    <ReactFlowProvider>
      <OutlinePanel />
      {withCanvas && <JourneyCanvas />}
    </ReactFlowProvider>,
    { store, locale },
  );
  const said = () => screen.getByTestId('outline-announcement').textContent;
  return { store, user: userEvent.setup(), said, state: () => store.getState() };
}

/** Each visible row as "level name", in order. */
function rows(): string[] {
  return screen
    .getAllByRole('treeitem')
    .map((row) => `${row.getAttribute('aria-level')} ${row.getAttribute('aria-label')}`);
}

describe('the outline', () => {
  it('shows the abandoned-cart starter as a tree from its trigger, Yes before No', () => {
    mount(cart());
    expect(screen.getByRole('region', { name: 'Outline' })).toBeTruthy();
    expect(rows()).toEqual([
      '1 Trigger: Added to cart',
      '2 Wait: Wait 1 hour',
      '2 Message: Reminder after 1 hour',
      '2 Wait: Wait 1 day',
      '2 Condition: Bought from us before?',
      '3 “Yes” exit',
      '4 Message: Second reminder: returning customers',
      '3 “No” exit',
      '4 Message: Second reminder: free shipping for first-timers',
    ]);
    const condition = screen.getByRole('treeitem', { name: 'Condition: Bought from us before?' });
    expect(condition.getAttribute('aria-expanded')).toBe('true');
    // Readers say the place among siblings: the trigger's four steps, the two exits.
    expect(condition.getAttribute('aria-posinset')).toBe('4');
    expect(condition.getAttribute('aria-setsize')).toBe('4');
  });

  it('lists the variants of a split in their order, and steps no trigger reaches', () => {
    mount(
      journey(
        [
          node('start', 'trigger', { on: 'event', event: 'cart' }),
          node('ab', 'split', {
            variants: [
              { key: 'B', label: 'Bold', weight: 30 },
              { key: 'A', label: 'Calm', weight: 70 },
            ],
          }),
          node('lost', 'wait', WAIT),
        ],
        [edge('start', 'ab')],
      ),
    );
    expect(rows()).toEqual([
      '1 Trigger: When cart happens',
      '2 A/B split: Split B 30% / A 70%',
      '3 “Bold 30%” exit: profiles end the journey here',
      '3 “Calm 70%” exit: profiles end the journey here',
      '1 Not connected (1 step)',
      '2 Wait: Wait 1 hour',
    ]);
  });

  it('shows a step reached again (a merge, a loop back) as a link, not walked twice', () => {
    mount(
      journey(
        [
          node('start', 'trigger', { on: 'event', event: 'cart' }),
          node('check', 'condition', { attribute: 'vip', op: 'eq', value: true }),
          node('later', 'wait', WAIT),
        ],
        [
          edge('start', 'check'),
          edge('check', 'later', 'yes'),
          edge('check', 'later', 'no'),
          edge('later', 'check'),
        ],
      ),
    );
    expect(rows()).toEqual([
      '1 Trigger: When cart happens',
      '2 Condition: If vip is true',
      '3 “Yes” exit',
      '4 Wait: Wait 1 hour',
      '4 Goes to “If vip is true”',
      '3 “No” exit',
      '4 Goes to “Wait 1 hour”',
    ]);
  });

  it('adds a step on the No exit, says so, and gives it the focus', async () => {
    const { user, said, state } = mount(cart());
    await user.click(screen.getByRole('treeitem', { name: '“No” exit' }).firstElementChild!);
    expect(state().selectedNodeIds).toEqual(['returning']);
    // The No exit's message goes elsewhere first, so No is free for the new step.
    await user.click(screen.getByTestId('outline-disconnect'));
    await user.click(
      screen.getByRole('treeitem', { name: '“No” exit: profiles end the journey here' })
        .firstElementChild!,
    );
    await user.click(screen.getByRole('button', { name: 'Add a step after…' }));
    const dialog = screen.getByRole('dialog', {
      name: 'Add a step after “Bought from us before?”',
    });
    await user.selectOptions(
      within(dialog).getByRole('combobox', { name: 'Kind of step' }),
      'Wait',
    );
    expect(
      within(dialog).getByRole<HTMLSelectElement>('combobox', { name: 'On the exit' }).value,
    ).toBe('no');
    await user.click(within(dialog).getByRole('button', { name: 'Add' }));
    const added = state().selectedNodeIds[0];
    expect(state().journey?.edges).toContainEqual({ from: 'returning', port: 'no', to: added });
    expect(said()).toBe('Added a wait after “Bought from us before?”, on its “No” exit.');
    const row = screen.getByTestId(`outline-step-${added}`);
    expect(row.getAttribute('aria-level')).toBe('4');
    expect(document.activeElement).toBe(row);
  });

  it('asks before deleting a step, naming it; Cancel keeps it', async () => {
    const { user, said, state } = mount(cart());
    const wait = screen.getByRole('treeitem', { name: 'Wait: Wait 1 day' });
    wait.focus();
    await user.keyboard('{Delete}');
    const dialog = screen.getByRole('dialog', { name: 'Delete “Wait 1 day”?' });
    expect(dialog.textContent).toContain('“Wait 1 day” and its connections are removed');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(state().journey?.nodes.some((n) => n.id === 'wait-1d')).toBe(true);

    await user.click(screen.getByTestId('outline-delete'));
    await user.click(screen.getByRole('button', { name: 'Delete step' }));
    expect(state().journey?.nodes.some((n) => n.id === 'wait-1d')).toBe(false);
    expect(said()).toBe('Deleted “Wait 1 day”.');
    // What followed it is not lost: it is listed as not connected.
    expect(rows()).toContain('1 Not connected (3 steps)');
  });

  it('moves through the tree with the arrow keys, Home and End, selecting as it goes', async () => {
    const { user, state } = mount(cart());
    const focused = () => document.activeElement?.getAttribute('aria-label');
    await user.tab();
    // The close button first, then the tree's one Tab stop.
    await user.tab();
    expect(focused()).toBe('Trigger: Added to cart');
    await user.keyboard('{ArrowDown}');
    expect(focused()).toBe('Wait: Wait 1 hour');
    expect(state().selectedNodeIds).toEqual(['wait-1h']);
    await user.keyboard('{End}');
    expect(focused()).toBe('Message: Second reminder: free shipping for first-timers');
    await user.keyboard('{ArrowLeft}');
    expect(focused()).toBe('“No” exit');
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('treeitem', { name: '“No” exit' }).getAttribute('aria-expanded')).toBe(
      'false',
    );
    expect(screen.queryByRole('treeitem', { name: /free shipping/ })).toBeNull();
    await user.keyboard('{ArrowRight}');
    await user.keyboard('{ArrowRight}');
    expect(focused()).toBe('Message: Second reminder: free shipping for first-timers');
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(focused()).toBe('Message: Second reminder: returning customers');
    await user.keyboard('{Home}');
    expect(focused()).toBe('Trigger: Added to cart');
    const tabStops = screen.getAllByRole('treeitem').filter((r) => r.tabIndex === 0);
    expect(tabStops).toHaveLength(1);
  });

  it('lets the canvas’s number keys add after the focused row, the focus following', async () => {
    const { user, state } = mount(cart(), 'en', true);
    await user.tab();
    await user.tab();
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}{ArrowDown}{ArrowDown}');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('“Yes” exit');
    await user.click(screen.getByTestId('outline-disconnect'));
    screen.getByRole('treeitem', { name: '“Yes” exit: profiles end the journey here' }).focus();
    await user.keyboard('7');
    const added = state().selectedNodeIds[0];
    expect(state().journey?.edges).toContainEqual({ from: 'returning', port: 'yes', to: added });
    expect(document.activeElement).toBe(screen.getByTestId(`outline-step-${added}`));
  });

  it('follows the selection made on the canvas, and says a step’s problem in its row', () => {
    const j = cart();
    j.nodes = j.nodes.map((n) => (n.id === 'wait-1h' ? { ...n, config: { mode: 'duration' } } : n));
    const { store } = mount(j, 'en', true);
    act(() => store.getState().select(['reminder-1']));
    const row = screen.getByTestId('outline-step-reminder-1');
    expect(row.getAttribute('aria-selected')).toBe('true');
    expect(row.tabIndex).toBe(0);
    const wait = screen.getByTestId('outline-step-wait-1h');
    const problem = document.getElementById(wait.getAttribute('aria-describedby') ?? '');
    expect(problem?.textContent).toBeTruthy();
    expect(wait.parentElement?.className).toContain('has-error');
  });

  it('speaks Swedish', async () => {
    const { user, said } = mount(cart(), 'sv');
    expect(screen.getByRole('region', { name: 'Disposition' })).toBeTruthy();
    expect(rows()).toContain('3 Utgången ”Nej”');
    expect(rows()).toContain('2 Villkor: Bought from us before?');
    const wait = screen.getByRole('treeitem', { name: 'Vänta: Vänta 1 dag' });
    wait.focus();
    await user.keyboard('{Delete}');
    const dialog = screen.getByRole('dialog', { name: 'Ta bort ”Vänta 1 dag”?' });
    await user.click(within(dialog).getByRole('button', { name: 'Ta bort steget' }));
    expect(said()).toBe('Tog bort ”Vänta 1 dag”.');
    expect(rows()).toContain('1 Inte kopplade (3 steg)');
  });
});

describe('the outline in the editor', () => {
  it('opens with O, taking the focus, and with the bar’s button; stays open across editors', async () => {
    const store = createAppStore(fakeApi([cart()]));
    store.getState().loadJourney(cart(), 1);
    const user = userEvent.setup();
    const first = renderApp(<Editor />, { store });
    const toggle = screen.getByRole('button', { name: 'Outline' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    expect(screen.queryByRole('region', { name: 'Outline' })).toBeNull();

    await user.keyboard('o');
    const region = await screen.findByRole('region', { name: 'Outline' });
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(document.activeElement?.getAttribute('role')).toBe('treeitem');
    expect(region.compareDocumentPosition(screen.getByTestId('canvas'))).toBe(
      Node.DOCUMENT_POSITION_FOLLOWING,
    );

    // Closed from inside, the focus goes back to the bar's button, not to nowhere.
    await user.keyboard('o');
    expect(screen.queryByRole('region', { name: 'Outline' })).toBeNull();
    expect(document.activeElement).toBe(toggle);
    await user.keyboard('o');

    // Back to the library and in again: the outline is still open.
    first.unmount();
    renderApp(<Editor />, { store });
    expect(screen.getByRole('region', { name: 'Outline' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Outline' }));
    expect(screen.queryByRole('region', { name: 'Outline' })).toBeNull();
    expect(store.getState().outlineOpen).toBe(false);
  });

  it('takes a step from its row to its form in the inspector, without Tabbing the canvas', async () => {
    const store = createAppStore(fakeApi([cart()]));
    store.getState().loadJourney(cart(), 1);
    store.getState().setOutlineOpen(true);
    const user = userEvent.setup();
    renderApp(<Editor />, { store });
    await user.click(screen.getByRole('treeitem', { name: 'Wait: Wait 1 day' }));
    await user.click(screen.getByRole('button', { name: 'Edit its settings' }));
    const inspector = screen.getByRole('complementary', { name: 'Inspector' });
    await waitFor(() => expect(inspector.contains(document.activeElement)).toBe(true));
    expect(store.getState().selectedNodeIds).toEqual(['wait-1d']);
  });
});
