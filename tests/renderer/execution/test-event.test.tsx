import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { EventApiInfo } from '../../../renderer/execution/EventApiInfo';
import { curlExample } from '../../../renderer/execution/event-api';
import { readTestEvent } from '../../../renderer/execution/test-event';
import { TestEventForm } from '../../../renderer/execution/TestEventForm';
import { AppStoreContext } from '../../../renderer/store/app-store';
import { loadJourney } from '../../core/fixtures';
import { engineApi, storeWith } from './execution-fake';

function setup(ui: React.ReactNode, prepare?: (engine: ReturnType<typeof engineApi>) => void) {
  const journey = loadJourney('abandoned-cart.json');
  const engine = engineApi([journey]);
  prepare?.(engine);
  const { store, state } = storeWith(journey, engine);
  render(<AppStoreContext.Provider value={store}>{ui}</AppStoreContext.Provider>);
  return { engine, state };
}

const field = (id: string) => screen.getByTestId<HTMLInputElement>(id);

/** `{` opens an object in user-event's keyboard syntax; doubled, it types itself. */
const typed = (text: string) => text.replace(/[{[]/g, (c) => c + c);

describe('test event', () => {
  it('starts with the event the trigger waits for', () => {
    setup(<TestEventForm />);
    expect(field('test-event-name').value).toBe('cart');
  });

  it('refuses properties that are not JSON, at the field, and sends nothing', async () => {
    const user = userEvent.setup();
    const { engine } = setup(<TestEventForm />);
    await user.type(field('test-event-user'), 'ann');
    await user.type(field('test-event-properties'), typed('{"sku": "A-1",}'));
    await user.click(screen.getByTestId('test-event-send'));
    const problem = screen.getByRole('alert');
    expect(problem.textContent).toMatch(/^This is not valid JSON/);
    expect(problem.closest('.field')?.querySelector('textarea')).toBe(
      field('test-event-properties'),
    );
    expect(field('test-event-properties').getAttribute('aria-invalid')).toBe('true');
    expect(engine.calls.sendTestEvent).toEqual([]);

    await user.clear(field('test-event-properties'));
    await user.type(field('test-event-properties'), typed('["A-1"]'));
    await user.click(screen.getByTestId('test-event-send'));
    expect(screen.getByRole('alert').textContent).toMatch(/one JSON object in braces/);
    expect(engine.calls.sendTestEvent).toEqual([]);
  });

  it('sends the event with its properties and the email to give the profile', async () => {
    const user = userEvent.setup();
    const { engine } = setup(<TestEventForm />);
    await user.type(field('test-event-user'), ' ann ');
    await user.type(field('test-event-properties'), typed('{"sku": "A-1", "total": 42}'));
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

  it('checks every field before sending', () => {
    const checked = readTestEvent({ userId: ' ', event: '', properties: '', email: 'ann@' });
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
