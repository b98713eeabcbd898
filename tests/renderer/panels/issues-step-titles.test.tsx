import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { IssuesPanel } from '../../../renderer/panels/IssuesPanel';
import { createAppStore } from '../../../renderer/store/app-store';
import { memoryDraftStorage } from '../../../renderer/store/draft-storage';
import { edge, journey, node } from '../../core/build';
import { fakeApi } from '../fake-api';
import { renderApp } from '../render-app';

describe('problems name steps as the marketer named them', () => {
  it('shows the step’s title in the message, never its internal id', async () => {
    const store = createAppStore(
      fakeApi([
        journey(
          [
            node('start', 'trigger', { on: 'event', event: 'cart' }),
            node('wait-2', 'wait', { mode: 'duration', duration: 'PT1H' }),
            node('message-2', 'wait', { mode: 'duration', duration: 'PT2H' }),
          ],
          [edge('start', 'wait-2')],
        ),
      ]),
      memoryDraftStorage(),
    );
    await store.getState().openJourney('test-journey');
    store.getState().updateLabel('message-2', 'Second nudge');
    renderApp(<IssuesPanel />, { store });
    await userEvent.click(screen.getByTestId('issues-toggle'));
    const list = screen.getByRole('list');
    expect(list.textContent).toContain('“Second nudge”');
    expect(list.textContent).toContain('“Wait 1 hour”');
    expect(list.textContent).not.toContain('message-2');
    expect(list.textContent).not.toContain('wait-2');
  });
});
