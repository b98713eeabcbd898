import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { EventApiInfo } from '../../../renderer/execution/EventApiInfo';
import { curlExample } from '../../../renderer/execution/event-api';
import { readTestEvent } from '../../../renderer/execution/test-event';
import { TestEventForm } from '../../../renderer/execution/TestEventForm';
import type { Locale } from '../../../renderer/i18n/locales';
import { loadJourney } from '../../core/fixtures';
import { renderApp } from '../render-app';
import { engineApi, storeWith } from './execution-fake';

function setup(
  ui: React.ReactElement,
  prepare?: (engine: ReturnType<typeof engineApi>) => void,
  locale: Locale = 'en',
) {
  const journey = loadJourney('abandoned-cart.json');
  const engine = engineApi([journey]);
  prepare?.(engine);
  const { store, state } = storeWith(journey, engine);
  renderApp(ui, { store, locale });
  return { engine, state };
}

const field = (id: string) => screen.getByTestId<HTMLInputElement>(id);

describe('test event', () => {
  it('starts with the event the trigger waits for', () => {
    setup(<TestEventForm />);
    expect(field('test-event-name').value).toBe('cart');
  });

  it('takes properties as rows of a name and a value, and refuses a value without a name at its row', async () => {
    const user = userEvent.setup();
    const { engine } = setup(<TestEventForm />);
    await user.type(field('test-event-user'), 'ann');
    await user.click(screen.getByTestId('test-event-add-property'));
    await user.type(field('test-event-prop-value-0'), 'A-1');
    await user.click(screen.getByTestId('test-event-send'));
    const problem = screen.getByRole('alert');
    expect(problem.textContent).toBe('Property 1: give the value a name, like sku.');
    expect(field('test-event-prop-name-0').getAttribute('aria-invalid')).toBe('true');
    expect(engine.calls.sendTestEvent).toEqual([]);

    await user.type(field('test-event-prop-name-0'), 'sku');
    await user.click(screen.getByTestId('test-event-add-property'));
    await user.type(field('test-event-prop-name-1'), 'sku');
    await user.type(field('test-event-prop-value-1'), 'B-2');
    await user.click(screen.getByTestId('test-event-send'));
    expect(screen.getByRole('alert').textContent).toBe(
      'Property 2: “sku” is already property 1. Each name once.',
    );
    expect(engine.calls.sendTestEvent).toEqual([]);
  });

  it('sends the event with its properties, numbers as numbers, and the email to give the profile', async () => {
    const user = userEvent.setup();
    const { engine } = setup(<TestEventForm />);
    await user.type(field('test-event-user'), ' ann ');
    await user.click(screen.getByTestId('test-event-add-property'));
    await user.type(field('test-event-prop-name-0'), 'sku');
    await user.type(field('test-event-prop-value-0'), 'A-1');
    await user.click(screen.getByTestId('test-event-add-property'));
    await user.type(field('test-event-prop-name-1'), 'total');
    await user.type(field('test-event-prop-value-1'), '42');
    // A blank row is left out, and a removed row is gone.
    await user.click(screen.getByTestId('test-event-add-property'));
    await user.click(screen.getByTestId('test-event-add-property'));
    await user.type(field('test-event-prop-name-3'), 'oops');
    await user.click(screen.getByRole('button', { name: 'Remove property 4' }));
    await user.type(field('test-event-email'), 'ann@example.com');
    await user.click(screen.getByTestId('test-event-send'));
    await waitFor(() =>
      expect(engine.calls.sendTestEvent).toEqual([
        {
          userId: 'ann',
          event: 'cart',
          properties: { sku: 'A-1', total: 42 },
          traits: { email: 'ann@example.com' },
        },
      ]),
    );
    expect((await screen.findByTestId('test-event-status')).textContent).toMatch(
      /Sent “cart” for ann/,
    );
  });

  it('speaks Swedish, down to the row names a screen reader reads', async () => {
    const user = userEvent.setup();
    setup(<TestEventForm />, undefined, 'sv');
    await user.click(screen.getByRole('button', { name: /Lägg till en egenskap/ }));
    const rows = screen.getByTestId('test-event-properties');
    expect(within(rows).getByRole('textbox', { name: 'Namn på egenskap 1' })).toBeDefined();
    await user.click(screen.getByRole('button', { name: /Skicka händelse/ }));
    expect(screen.getByRole('alert').textContent).toBe(
      'Ange vems händelsen är: ett profil-id, till exempel ann eller 12345.',
    );
  });

  it('checks every field before sending', () => {
    const checked = readTestEvent({ userId: ' ', event: '', properties: [], email: 'ann@' });
    expect(checked.ok).toBe(false);
    expect(!checked.ok && Object.keys(checked.errors).sort()).toEqual(['email', 'event', 'userId']);
  });
});

describe('event API', () => {
  it('shows the address, and the token only when asked', async () => {
    const user = userEvent.setup();
    const { state } = setup(<EventApiInfo />);
    await state().refreshEngine();
    const token = await screen.findByTestId('event-api-token');
    expect(screen.getByTestId('event-api-url').textContent).toBe('http://127.0.0.1:47100');
    expect(token.textContent).not.toContain('tok-3f9a1c7e5b2d');
    expect(token.textContent).toMatch(/^•+$/);
    expect(screen.getByTestId('event-api-curl').textContent).not.toContain('tok-3f9a1c7e5b2d');
    await user.click(screen.getByTestId('event-api-reveal'));
    expect(token.textContent).toBe('tok-3f9a1c7e5b2d');
    expect(screen.getByTestId('event-api-curl').textContent).toContain(
      "'Authorization: Bearer tok-3f9a1c7e5b2d'",
    );
  });

  it('says plainly when the event API is not listening', async () => {
    const { state } = setup(<EventApiInfo />, (e) =>
      e.setEngine({
        running: false,
        problem: 'The command line’s run holds the database.',
        eventApiUrl: undefined,
        eventApiToken: undefined,
      }),
    );
    await state().refreshEngine();
    expect((await screen.findByTestId('event-api-off')).textContent).toContain(
      'The command line’s run holds the database.',
    );
  });

  it('builds a curl command a shell takes as it is', () => {
    expect(curlExample('http://127.0.0.1:47100/', 'tok', "it's")).toBe(
      `curl -X POST 'http://127.0.0.1:47100/v1/track' -H 'Authorization: Bearer tok' -H 'Content-Type: application/json' -d '{"userId":"ann","event":"it'\\''s","properties":{}}'`,
    );
  });
});
