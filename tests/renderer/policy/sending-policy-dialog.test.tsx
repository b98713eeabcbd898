import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Dialogs } from '../../../renderer/panels/Dialogs';
import { createAppStore } from '../../../renderer/store/app-store';
import { fakeApi } from '../fake-api';
import { renderApp } from '../render-app';

async function openPolicy(locale: 'en' | 'sv' | 'nb' = 'en', saved?: object) {
  const api = fakeApi();
  if (saved) await api.saveSendingPolicy({ policy: saved as never });
  const store = createAppStore(api);
  store.getState().openDialog({ type: 'sending-policy' });
  renderApp(<Dialogs />, { store, locale });
  await screen.findByTestId('policy-sentence');
  return { api, store, user: userEvent.setup() };
}

const sentence = () => screen.getByTestId('policy-sentence').textContent;

describe('Library ▸ Sending policy', () => {
  it('says the policy in a sentence as it is edited, and saves it', async () => {
    const { api, store, user } = await openPolicy();
    expect(screen.getByRole('dialog', { name: 'Sending policy' })).toBeTruthy();
    expect(sentence()).toBe('No limit: each journey sends as its own settings allow.');

    const email = screen.getByRole('group', { name: 'Email' });
    await user.click(within(email).getByRole('checkbox', { name: 'Set a limit' }));
    expect(sentence()).toBe('At most 1 email per 16 hours per person, across all journeys.');

    const sms = screen.getByRole('group', { name: 'SMS' });
    await user.click(within(sms).getByRole('checkbox', { name: 'Set a limit' }));
    const max = within(sms).getByRole('spinbutton', { name: 'Most messages' });
    await user.clear(max);
    await user.type(max, '3');
    await user.selectOptions(
      within(sms).getByRole('combobox', { name: 'Unit of the window' }),
      'weeks',
    );
    const amount = within(sms).getByRole('spinbutton', { name: 'In any window of' });
    await user.clear(amount);
    await user.type(amount, '1');
    expect(sentence()).toBe(
      'At most 1 email per 16 hours and 3 SMS per week per person, across all journeys.',
    );

    await user.click(screen.getByRole('button', { name: 'Save policy' }));
    expect(await api.getSendingPolicy({})).toEqual({
      policy: { email: { max: 1, per: 'PT16H' }, sms: { max: 3, per: 'P1W' } },
    });
    expect(store.getState().dialog).toBeNull();
    expect(store.getState().sendingPolicy).toEqual({
      email: { max: 1, per: 'PT16H' },
      sms: { max: 3, per: 'P1W' },
    });
  });

  it('is worked with the keyboard alone', async () => {
    const { api, user } = await openPolicy();
    // Focus starts in the dialog, on the first switch: the email limit.
    const first = screen.getByRole('group', { name: 'Email' });
    // The dialog moves the focus once it is drawn, which a loaded machine may not have done yet.
    await waitFor(() => expect(document.activeElement).toBe(within(first).getByRole('checkbox')));
    await user.keyboard(' ');
    await user.tab();
    expect(document.activeElement).toBe(
      within(first).getByRole('spinbutton', { name: 'Most messages' }),
    );
    await user.keyboard('{Backspace}2');
    expect(sentence()).toBe('At most 2 emails per 16 hours per person, across all journeys.');
    await user.keyboard('{Enter}');
    expect((await api.getSendingPolicy({})).policy).toEqual({
      email: { max: 2, per: 'PT16H' },
    });
  });

  it('says what is wrong with a limit, next to it, and will not save it', async () => {
    const { user } = await openPolicy();
    const email = screen.getByRole('group', { name: 'Email' });
    await user.click(within(email).getByRole('checkbox', { name: 'Set a limit' }));
    const max = within(email).getByRole('spinbutton', { name: 'Most messages' });
    await user.clear(max);
    await user.type(max, '0');
    expect(max.getAttribute('aria-invalid')).toBe('true');
    expect(within(email).getByText('Most messages is a whole number from 1 to 100.').id).toBe(
      max.getAttribute('aria-describedby'),
    );
    expect(sentence()).toBe('Correct the limit above to see the whole policy.');
    expect(screen.getByRole('button', { name: 'Save policy' }).hasAttribute('disabled')).toBe(true);
  });

  it('shows the saved policy, in Swedish and Norwegian too', async () => {
    const saved = { email: { max: 1, per: 'PT16H' }, push: { max: 2, per: 'P1D' } };
    await openPolicy('sv', saved);
    expect(screen.getByRole('dialog', { name: 'Utskickspolicy' })).toBeTruthy();
    expect(sentence()).toBe(
      'Högst 1 mejl per 16 timmar och 2 pushnotiser per dag per person, över alla resor.',
    );
    const push = screen.getByRole('group', { name: 'Pushnotiser' });
    expect(within(push).getByRole('checkbox', { name: 'Sätt en gräns' })).toHaveProperty(
      'checked',
      true,
    );
    expect(
      within(push).getByRole<HTMLInputElement>('spinbutton', { name: 'Flest meddelanden' }).value,
    ).toBe('2');
  });

  it('speaks Norwegian', async () => {
    await openPolicy('nb', { sms: { max: 1, per: 'P3D' } });
    expect(sentence()).toBe('Høyst 1 SMS per 3 dager per person, på tvers av alle reiser.');
    expect(screen.getByRole('button', { name: 'Lagre policyen' })).toBeTruthy();
  });
});
