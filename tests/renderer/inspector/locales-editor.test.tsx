import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { NodeInspector } from '../../../renderer/inspector/NodeInspector';
import { createAppStore } from '../../../renderer/store/app-store';
import type { Locale } from '../../../renderer/i18n/locales';
import { journey, node } from '../../core/build';
import { fakeApi } from '../fake-api';
import { renderApp } from '../render-app';

const sms = node('sms', 'message', {
  channel: 'sms',
  text: 'Your cart is waiting',
  locales: { sv: { text: 'Din varukorg väntar' } },
});

function inspect(locale: Locale = 'en') {
  const j = journey([sms], []);
  const store = createAppStore(fakeApi([j]));
  store.getState().loadJourney(j, 1);
  renderApp(<NodeInspector nodeId="sms" />, { store, locale });
  return () => store.getState().journey?.nodes[0]?.config.locales;
}

describe('content per language', () => {
  it('is edited as a block of fields per language, never as code', async () => {
    const locales = inspect();
    const swedish = screen.getByRole('group', { name: 'Swedish' });
    const text = within(swedish).getByRole('textbox', { name: 'Text' });
    expect(text).toHaveProperty('value', 'Din varukorg väntar');
    await userEvent.clear(text);
    // Emptied, the Swedish text falls back to the default content.
    expect(text.getAttribute('placeholder')).toBe('Empty: the default content');
    expect(locales()).toEqual({ sv: {} });
    await userEvent.type(text, 'Hej');
    expect(locales()).toEqual({ sv: { text: 'Hej' } });

    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Add content in a language' }),
      'nb',
    );
    expect(locales()).toEqual({ sv: { text: 'Hej' }, nb: {} });
    await userEvent.type(
      within(screen.getByRole('group', { name: /^Norwegian/ })).getByRole('textbox', {
        name: 'Text',
      }),
      'Hei',
    );
    expect(locales()).toEqual({ sv: { text: 'Hej' }, nb: { text: 'Hei' } });

    await userEvent.click(screen.getByRole('button', { name: 'Remove the content in Swedish' }));
    await userEvent.click(screen.getByRole('button', { name: /^Remove the content in Norw/ }));
    expect(locales()).toBeUndefined();
  });

  it('names the languages in the app’s language', () => {
    inspect('sv');
    expect(screen.getByRole('group', { name: 'svenska' })).toBeTruthy();
    expect(screen.getByText('Innehåll per språk')).toBeTruthy();
    const add = screen.getByRole('combobox', { name: 'Lägg till innehåll på ett språk' });
    expect(within(add).getByRole('option', { name: 'danska' })).toBeTruthy();
  });
});
