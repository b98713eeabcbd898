import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { sandboxedEmail, withoutScripts } from '../../../renderer/execution/email-frame';
import { OutboxView } from '../../../renderer/execution/OutboxView';
import type { Locale } from '../../../renderer/i18n/locales';
import { createAppStore } from '../../../renderer/store/app-store';
import { OUTBOX_PAGE } from '../../../renderer/store/outbox-slice';
import { renderApp } from '../render-app';
import { engineApi, message } from './execution-fake';

function setup(
  messages = [message(1), message(2, { status: 'dead', attempts: 2 }), message(3)],
  locale: Locale = 'en',
) {
  const engine = engineApi();
  engine.setOutbox(messages);
  const store = createAppStore(engine.api);
  store.getState().showOutbox({ journeyId: null });
  renderApp(<OutboxView />, { store, locale });
  return { engine, store };
}

const rowIds = () =>
  screen
    .getAllByTestId(/^outbox-row-/)
    .map((row) => row.getAttribute('data-testid')?.replace('outbox-row-', ''));

describe('outbox', () => {
  it('lists messages newest first with time, address, title, status and attempts', async () => {
    setup();
    await waitFor(() => expect(rowIds()).toEqual(['3', '2', '1']));
    const row = within(screen.getByTestId('outbox-row-2'));
    expect(row.getByText('p2@example.com')).toBeTruthy();
    expect(row.getByText('Your cart is waiting (2)')).toBeTruthy();
    expect(row.getByText('Failed')).toBeTruthy();
    expect(screen.getByTestId('outbox-row-2').lastElementChild?.textContent).toBe('2');
    expect(screen.getByTestId('outbox-status-dead').textContent).toBe('Failed1');
    expect(screen.getByTestId('outbox-status-all').textContent).toBe('All3');
  });

  it('filters by status and by journey', async () => {
    const user = userEvent.setup();
    const { engine } = setup([
      message(1),
      message(2, { status: 'dead' }),
      message(3, { journeyId: 'welcome', title: 'Welcome!' }),
    ]);
    await waitFor(() => expect(rowIds()).toEqual(['3', '2', '1']));
    await user.click(screen.getByTestId('outbox-status-dead'));
    await waitFor(() => expect(rowIds()).toEqual(['2']));
    expect(engine.calls.listOutbox.at(-1)).toMatchObject({ status: 'dead' });
    await user.click(screen.getByTestId('outbox-status-all'));
    await user.selectOptions(screen.getByTestId('outbox-journey'), 'welcome');
    await waitFor(() => expect(rowIds()).toEqual(['3']));
    expect(engine.calls.listOutbox.at(-1)).toMatchObject({ journeyId: 'welcome' });
    expect(engine.calls.listOutbox.at(-1)?.status).toBeUndefined();
  });

  it('pages on to older messages with the last id seen', async () => {
    const user = userEvent.setup();
    const many = Array.from({ length: OUTBOX_PAGE + 5 }, (_, i) => message(i + 1));
    const { engine } = setup(many);
    await waitFor(() => expect(rowIds()).toHaveLength(OUTBOX_PAGE));
    expect(rowIds()[0]).toBe(String(OUTBOX_PAGE + 5));
    await user.click(screen.getByTestId('outbox-more'));
    await waitFor(() => expect(rowIds()).toHaveLength(OUTBOX_PAGE + 5));
    expect(engine.calls.listOutbox.at(-1)).toMatchObject({ before: 6 });
    expect(rowIds().at(-1)).toBe('1');
    expect(screen.queryByTestId('outbox-more')).toBeNull();
  });

  it('shows the email in a sandboxed frame that never gets scripts', async () => {
    const user = userEvent.setup();
    setup();
    await user.click(await screen.findByTestId('outbox-row-3'));
    const frame = await screen.findByTestId<HTMLIFrameElement>('outbox-frame');
    expect(frame.tagName).toBe('IFRAME');
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.hasAttribute('src')).toBe(false);
    const doc = frame.getAttribute('srcdoc') ?? '';
    expect(doc).toContain('<p>Hi p3</p>');
    expect(doc).not.toMatch(/<script/i);
    expect(doc).not.toMatch(/onerror/i);
    expect(doc).toContain("default-src 'none'");
    expect((window as { stolen?: boolean }).stolen).toBeUndefined();
    expect(screen.getByTestId('outbox-subject').textContent).toBe('Your cart is waiting (3)');
    expect(screen.getByTestId('outbox-from').textContent).toBe('Shop <shop@example.com>');
    expect(screen.getByTestId('outbox-to').textContent).toBe('p3@example.com');
    expect(within(screen.getByTestId('outbox-log')).getByText('Delivered')).toBeTruthy();
    // Only failed messages can be retried.
    expect(screen.queryByTestId('outbox-retry')).toBeNull();
  });

  it('retries a failed message, and shows its delivery log and last error', async () => {
    const user = userEvent.setup();
    const { engine } = setup([
      message(1),
      message(2, { status: 'dead', attempts: 2, lastError: '550 no such user' }),
    ]);
    await user.click(await screen.findByTestId('outbox-row-2'));
    expect((await screen.findByTestId('outbox-last-error')).textContent).toBe('550 no such user');
    const log = within(screen.getByTestId('outbox-log'));
    expect(log.getByText('Failed, will retry')).toBeTruthy();
    expect(log.getByText('Failed for good')).toBeTruthy();
    await user.click(screen.getByTestId('outbox-retry'));
    expect(engine.calls.retry).toEqual([2]);
    await waitFor(() =>
      expect(screen.getByTestId('outbox-detail-status').textContent).toBe('Queued'),
    );
    expect(within(screen.getByTestId('outbox-row-2')).getByText('Queued')).toBeTruthy();
    expect(screen.queryByTestId('outbox-retry')).toBeNull();
  });

  it('reads the list again when the engine reports a change', async () => {
    const { engine } = setup([message(1)]);
    await waitFor(() => expect(rowIds()).toEqual(['1']));
    engine.setOutbox([message(1), message(2)]);
    engine.pushEngine({ inbox: 2 });
    await waitFor(() => expect(rowIds()).toEqual(['2', '1']));
  });
});

describe('the email document', () => {
  it('keeps the message and drops what could run', () => {
    const html = withoutScripts(
      '<style>p{color:red}</style><p onclick="x()">Hi <a href="javascript:alert(1)">there</a></p>' +
        '<script>alert(1)</script><iframe src="https://evil.example"></iframe>' +
        '<meta http-equiv="refresh" content="0;url=https://evil.example"><img src="https://cdn.example/a.png" onload="x()">',
    );
    expect(html).toContain('<style>p{color:red}</style>');
    expect(html).toContain('<p>Hi <a>there</a></p>');
    expect(html).toContain('<img src="https://cdn.example/a.png">');
    expect(html).not.toMatch(/script|iframe|refresh|onclick|onload|javascript/i);
  });

  it('sets a policy that forbids scripts in the frame', () => {
    const doc = sandboxedEmail('<p>Hi</p>');
    expect(doc).toMatch(/^<!doctype html><html><head><meta http-equiv="Content-Security-Policy"/);
    expect(doc).toContain("default-src 'none'");
    expect(doc).not.toContain('script-src');
    expect(doc).toContain('<body><p>Hi</p></body>');
  });

  it('speaks Swedish: statuses, why a message was cancelled, the delivery log', async () => {
    const user = userEvent.setup();
    setup(
      [
        message(1, {
          status: 'cancelled',
          lastError: 'suppressed: p1@example.com is on the suppression list',
        }),
        message(2, { status: 'dead', attempts: 2, lastError: '550 no such user' }),
        message(3, { status: 'cancelled', lastError: 'the journey was stopped' }),
      ],
      'sv',
    );
    const cancelled = within(await screen.findByTestId('outbox-row-1')).getByText('Avbrutna');
    // The skip reason in words, not its code; the check's English detail stays out.
    expect(cancelled.title).toBe('Inte skickat: på spärrlistan');
    expect(within(screen.getByTestId('outbox-row-3')).getByText('Avbrutna').title).toBe(
      'Inte skickat: resan stoppades',
    );
    expect(screen.getByTestId('outbox-status-pending').textContent).toBe('I kö0');
    expect(screen.getByRole('columnheader', { name: 'Försök' })).toBeTruthy();
    await user.click(screen.getByTestId('outbox-row-2'));
    const log = within(await screen.findByTestId('outbox-log'));
    expect(log.getByText('Misslyckades, försöker igen')).toBeTruthy();
    expect(log.getByText('Misslyckades slutgiltigt')).toBeTruthy();
    // A mail server's refusal in Swedish, its own answer quoted as it came.
    expect(screen.getByTestId('outbox-last-error').textContent).toBe(
      'E-postservern tog inte emot meddelandet. Den svarade: ”550 no such user”',
    );
    expect(screen.getByTestId('outbox-retry').textContent).toBe('Försök igen');
  });
});
