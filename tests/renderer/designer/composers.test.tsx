/** The SMS and push composers: live counts, the encoding switch, opt-out text, a phone preview. */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { MessageExtras } from '../../../renderer/inspector/MessageExtras';
import { createAppStore, useApp } from '../../../renderer/store/app-store';
import { edge, journey, node } from '../../core/build';
import { fakeApi } from '../fake-api';
import { renderApp } from '../render-app';

function Extras() {
  const message = useApp((s) => s.journey?.nodes.find((n) => n.id === 'm'));
  return message ? <MessageExtras node={message} /> : null;
}

function setup(config: Record<string, unknown>) {
  const j = journey(
    [node('start', 'trigger', { on: 'event', event: 'x' }), node('m', 'message', config)],
    [edge('start', 'm')],
  );
  const store = createAppStore(fakeApi([j]));
  store.getState().loadJourney(j, 1);
  renderApp(<Extras />, { store });
  return store;
}

describe('SMS composer', () => {
  it('counts GSM-7 parts, switches to UCS-2 for an emoji, and adds opt-out text', async () => {
    const store = setup({
      channel: 'sms',
      text: `Hi {{ profile.first_name }}! ${'x'.repeat(150)}`,
    });
    // Emma is the preview's profile: "Hi Emma! " and 150 characters.
    expect(screen.getByTestId('sms-count').textContent).toBe(
      '159 of 160 characters · 1 SMS · standard characters (GSM-7)',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Add opt-out text' }));
    const text = store.getState().journey!.nodes[1]!.config.text as string;
    expect(text.endsWith(' Reply STOP to opt out.')).toBe(true);
    expect(screen.getByTestId('sms-count').textContent).toMatch(
      /^182 of 153 characters · 2 SMS parts/,
    );
    store
      .getState()
      .updateConfig('m', { channel: 'sms', text: 'Sale 🎉 https://shop.example.com/sale STOP' });
    expect((await screen.findByTestId('sms-count')).textContent).toMatch(
      /of 70 characters · 1 SMS · Unicode \(UCS-2\) because of 🎉/,
    );
    expect(screen.getByRole('list', { name: 'Links in the SMS' }).textContent).toContain(
      'shop.example.com',
    );
    expect(screen.queryByRole('button', { name: 'Add opt-out text' })).toBeNull();
  });

  it('speaks Swedish', () => {
    const j = journey(
      [
        node('start', 'trigger', { on: 'event', event: 'x' }),
        node('m', 'message', { channel: 'sms', text: 'Hej' }),
      ],
      [edge('start', 'm')],
    );
    const store = createAppStore(fakeApi([j]));
    store.getState().loadJourney(j, 1);
    renderApp(<Extras />, { store, locale: 'sv' });
    expect(screen.getByTestId('sms-count').textContent).toBe(
      '3 av 160 tecken · 1 sms · standardtecken (GSM-7)',
    );
  });
});

describe('push composer', () => {
  it('counts title and body against the lock screen and shows the notification on a phone', () => {
    setup({
      channel: 'push',
      title: `Hi {{ profile.first_name }}, ${'x'.repeat(50)}`,
      body: 'New in store',
    });
    expect(screen.getByText(/^Title: 59 of 50 characters/).textContent).toContain(
      'Phones cut it off',
    );
    expect(screen.getByText('Text: 12 of 178 characters')).toBeTruthy();
    expect(screen.getByRole('img', { name: /The notification on a phone: Hi Emma,/ })).toBeTruthy();
  });
});
