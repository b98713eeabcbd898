import { ReactFlowProvider } from '@xyflow/react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Journey } from '../../../core/model/journey';
import { JourneyCanvas } from '../../../renderer/canvas/JourneyCanvas';
import { Dialogs } from '../../../renderer/panels/Dialogs';
import { createAppStore } from '../../../renderer/store/app-store';
import { edge, journey, node } from '../../core/build';
import { fakeApi } from '../fake-api';
import { renderApp } from '../render-app';

const cart = (): Journey => {
  const j = journey(
    [
      node('start', 'trigger', { on: 'event', event: 'cart' }),
      node('wait', 'wait', { mode: 'duration', duration: 'P3D' }),
      node('check', 'condition', { attribute: 'cart_value', op: 'gt', value: 500 }),
      node('mail', 'message', {
        channel: 'email',
        from: 'shop@example.com',
        subject: 'Din varukorg väntar',
        html: '<p>Hej</p>',
      }),
      node('out', 'exit', {}),
      node('ab', 'split', {
        variants: [
          { key: 'A', weight: 2 },
          { key: 'B', weight: 1 },
        ],
      }),
    ],
    [edge('start', 'wait'), edge('wait', 'check'), edge('check', 'mail', 'yes')],
  );
  return { ...j, nodes: j.nodes.map((n, i) => ({ ...n, position: { x: 0, y: i * 160 } })) };
};

function card(id: string) {
  return within(screen.getByTestId(`node-${id}`));
}

describe('the canvas in Swedish', () => {
  it('says what each step does in Swedish, with its exits', () => {
    const store = createAppStore(fakeApi([cart()]));
    store.getState().loadJourney(cart(), 1);
    renderApp(
      <ReactFlowProvider>
        <JourneyCanvas />
      </ReactFlowProvider>,
      { store, locale: 'sv' },
    );
    expect(card('wait').getByText('Vänta 3 dagar')).toBeTruthy();
    expect(card('wait').getByText('Vänta')).toBeTruthy();
    expect(card('check').getByText('Om cart_value är mer än 500')).toBeTruthy();
    expect(card('check').getByText('Ja')).toBeTruthy();
    expect(card('check').getByText('Nej')).toBeTruthy();
    // The No exit leads nowhere yet: profiles leave there, and the card says so.
    expect(card('check').getByTitle('Nej: profilerna lämnar resan här')).toBeTruthy();
    expect(card('mail').getByText('E-post: Din varukorg väntar')).toBeTruthy();
    expect(card('start').getByText('När cart sker')).toBeTruthy();
    expect(card('out').getByText('Lämna resan')).toBeTruthy();
    // Each variant's exit with its share written the Swedish way.
    const exits = screen.getByTestId('node-ab').querySelectorAll('.node-port-label');
    expect([...exits].map((e) => e.textContent)).toEqual(['A 66,7\u00a0%', 'B 33,3\u00a0%']);
  });
});

describe('a dialog in Swedish', () => {
  it('asks before deleting a journey, and keeps it on “Behåll”', async () => {
    const store = createAppStore(fakeApi([cart()]));
    store.getState().openDialog({ type: 'delete', id: 'j', name: 'Övergiven varukorg' });
    renderApp(<Dialogs />, { store, locale: 'sv' });
    const dialog = screen.getByRole('dialog', { name: 'Ta bort den här resan?' });
    expect(dialog.textContent).toContain('”Övergiven varukorg” tas bort från biblioteket.');
    expect(within(dialog).getByRole('button', { name: 'Stäng' })).toBeTruthy();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Behåll' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(store.getState().dialog).toBeNull();
  });

  it('lists the keyboard shortcuts in Swedish', () => {
    const store = createAppStore(fakeApi([cart()]));
    store.getState().openDialog({ type: 'shortcuts' });
    renderApp(<Dialogs />, { store, locale: 'sv' });
    const dialog = screen.getByRole('dialog', { name: 'Kortkommandon' });
    expect(within(dialog).getByText('Nytt steg: vänta (efter det markerade steget)')).toBeTruthy();
    expect(within(dialog).getByText('Piltangenter')).toBeTruthy();
  });
});
