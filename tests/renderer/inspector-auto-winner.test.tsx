import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Journey } from '../../core/model/journey';
import { NodeInspector } from '../../renderer/inspector/NodeInspector';
import { createAppStore } from '../../renderer/store/app-store';
import { edge, journey, node } from '../core/build';
import { fakeApi } from './fake-api';
import { renderApp } from './render-app';

const j: Journey = journey(
  [
    node('start', 'trigger', { on: 'event', event: 'cart' }),
    node('ab', 'split', {
      variants: [
        { key: 'A', weight: 45 },
        { key: 'B', weight: 45 },
        { key: 'control', weight: 10 },
      ],
    }),
  ],
  [edge('start', 'ab')],
  { goal: { event: 'purchase' } },
);

describe('the automatic winner in the inspector', () => {
  it('is a switch with fields in plain words, generated from the split’s schema', async () => {
    const store = createAppStore(fakeApi([j]));
    store.getState().loadJourney(j, 1);
    renderApp(<NodeInspector nodeId="ab" />, { store });
    await userEvent.click(screen.getByRole('switch', { name: 'Pick the winner automatically' }));
    const config = () => store.getState().journey?.nodes[1]?.config;
    expect(config()?.autoWinner).toEqual({
      metric: 'conversion',
      minPerVariant: 200,
      confidence: 0.95,
    });
    expect(screen.getByRole('radio', { name: 'Converts most' }).getAttribute('aria-checked')).toBe(
      'true',
    );
    const min = screen.getByRole('spinbutton', {
      name: /Profiles in each variant before deciding/,
    });
    await userEvent.clear(min);
    await userEvent.type(min, '500');
    expect(config()?.autoWinner).toMatchObject({ minPerVariant: 500 });
    expect(screen.getByRole('spinbutton', { name: /How sure before deciding/ })).toBeTruthy();
    await userEvent.click(screen.getByRole('switch', { name: 'Pick the winner automatically' }));
    expect(config()).not.toHaveProperty('autoWinner');
  });
});
