import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { LiveCounts } from '../../../core/api/execution-contract';
import { FeedbackRates } from '../../../renderer/execution/FeedbackRates';
import { RunPanel } from '../../../renderer/execution/RunPanel';
import type { Locale } from '../../../renderer/i18n/locales';
import { Dialogs } from '../../../renderer/panels/Dialogs';
import { loadJourney } from '../../core/fixtures';
import { renderApp } from '../render-app';
import { counts, engineApi, noMessages, storeWith } from './execution-fake';

function rates(change: Partial<LiveCounts>, locale: Locale = 'en') {
  renderApp(<FeedbackRates counts={counts('abandoned-cart', change)} />, { locale });
  return (kind: string) => screen.getByTestId(`run-${kind}`).textContent;
}

const DELIVERED_400 = { messages: { ...noMessages(), delivered: 400, dead: 6 } };

describe('feedback in the run panel', () => {
  it('gives unsubscribes, bounces and complaints as counts and as rates of delivered', () => {
    const text = rates({
      ...DELIVERED_400,
      feedback: { unsubscribed: 6, bounced: 3, complained: 1 },
    });
    expect(text('unsubscribed')).toBe('6 · 1.5% of delivered');
    expect(text('bounced')).toBe('3 · 0.75% of delivered');
    expect(text('complained')).toBe('1 · 0.25% of delivered');
    const list = screen.getByRole('list');
    expect(within(list).getByText('Complaints')).toBeDefined();
    expect(within(list).getByText('marked as spam')).toBeDefined();
    expect(
      screen.getByRole('heading', { name: 'Unsubscribes, bounces and complaints' }),
    ).toBeDefined();
  });

  it('gives no rate before anything is delivered, and zeros before anyone answered', () => {
    const text = rates({});
    expect(text('unsubscribed')).toBe('0');
    expect(text('complained')).toBe('0');
  });

  it('writes rates the Swedish way', () => {
    const feedback = { unsubscribed: 6, bounced: 0, complained: 0 };
    const sv = rates({ ...DELIVERED_400, feedback }, 'sv');
    // A no-break space before the per cent sign, as both languages write it.
    expect(sv('unsubscribed')).toBe('6 · 1,5\u00a0% av levererade');
    expect(screen.getByText('Avregistrerade')).toBeDefined();
  });

  it('and the Norwegian way', () => {
    const nb = rates(
      { ...DELIVERED_400, feedback: { unsubscribed: 0, bounced: 3, complained: 0 } },
      'nb',
    );
    expect(nb('bounced')).toBe('3 · 0,75\u00a0% av leverte');
    expect(screen.getByText('adresser som ikke finnes')).toBeDefined();
  });

  it('says when email is held back, and the settings are one click away', async () => {
    const user = userEvent.setup();
    const journey = loadJourney('abandoned-cart.json');
    const engine = engineApi([journey]);
    engine.setEngine({
      email: 'smtp',
      emailProblem:
        'Email through smtp.example.com would carry unsubscribe links to this computer (127.0.0.1), which no recipient can reach.',
    });
    const { store, state } = storeWith(journey, engine);
    state().setRunOpen(true);
    renderApp(
      <>
        <RunPanel />
        <Dialogs />
      </>,
      { store },
    );
    const alert = await screen.findByTestId('run-email-problem');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toMatch(/^Email is held back\. Email through smtp\.example\.com/);
    await user.click(within(alert).getByRole('button', { name: 'Open the settings' }));
    await screen.findByRole('dialog', { name: 'Library settings' });
    // Saved settings that make links reachable: the engine says so, and the alert goes.
    engine.pushEngine({ emailProblem: undefined });
    await waitFor(() => expect(screen.queryByTestId('run-email-problem')).toBeNull());
  });
});
