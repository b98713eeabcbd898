import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Inspector } from '../../../renderer/inspector/Inspector';
import type { Locale } from '../../../renderer/i18n/locales';
import { createAppStore } from '../../../renderer/store/app-store';
import type { Journey } from '../../../core/model/journey';
import { edge, journey, node } from '../../core/build';
import { fakeApi } from '../fake-api';
import { renderApp } from '../render-app';

const cart = journey(
  [
    node('start', 'trigger', { on: 'event', event: 'cart' }),
    node('pause', 'wait', { mode: 'duration', duration: 'P3D' }),
    node('bought', 'condition', {
      event: 'purchase',
      op: 'performed',
      since: 'entry',
      count: { op: 'gte', value: 2 },
    }),
    node('quiet', 'wait', { mode: 'until', time: '09:00', days: ['mon', 'fri'] }),
  ],
  [edge('start', 'pause'), edge('pause', 'bought'), edge('bought', 'quiet', 'yes')],
);

/** The inspector as the app mounts it, in a language, with `selected` selected. */
function inspector(locale: Locale, selected: string[] = [], j: Journey = cart) {
  const store = createAppStore(fakeApi([j]));
  store.getState().loadJourney(j, 1);
  if (selected.length) store.setState({ selectedNodeIds: selected });
  renderApp(<Inspector />, { store, locale });
  return store;
}

describe('the inspector in Swedish', () => {
  it('words a wait in Swedish: its kind, its choices, its field and a plural duration', async () => {
    inspector('sv', ['pause']);
    const panel = screen.getByRole('complementary', { name: 'Egenskaper' });
    expect(within(panel).getByText('Vänta · Tid')).toBeTruthy();
    expect(within(panel).getByRole('textbox', { name: 'Stegets namn' })).toBeTruthy();
    expect(within(panel).getByRole('radiogroup', { name: 'Vänta' })).toBeTruthy();
    expect(
      within(panel).getByRole('radio', { name: 'En stund' }).getAttribute('aria-checked'),
    ).toBe('true');
    expect(
      within(panel).getByText('Hur länge profiler väntar här, t.ex. 30 minuter eller 3 dagar.'),
    ).toBeTruthy();
    const unit = within(panel).getByRole('combobox', { name: 'Vänta i: enhet' });
    expect(within(unit).getByRole('option', { selected: true }).textContent).toBe('dagar');
    const amount = within(panel).getByRole('spinbutton', { name: 'Vänta i: antal' });
    await userEvent.clear(amount);
    await userEvent.type(amount, '1');
    expect(within(unit).getByRole('option', { selected: true }).textContent).toBe('dag');
  });

  it('says a condition’s rule in Swedish, with the number of times as a plural', () => {
    inspector('sv', ['bought']);
    const rule = screen.getByRole('group', { name: 'Profiler går till ”ja” när, regel 1' });
    const how = within(rule).getByRole('combobox', {
      name: 'Profiler går till ”ja” när, regel 1: hur ofta',
    });
    expect(within(how).getByRole('option', { selected: true }).textContent).toBe('minst …');
    expect(within(rule).getByText('gånger')).toBeTruthy();
    const when = within(rule).getByRole('combobox', { name: /: när$/ });
    expect(within(when).getByRole('option', { selected: true }).textContent).toBe(
      'sedan profilen gick in i resan',
    );
  });

  it('names the weekdays in the language chosen', () => {
    inspector('sv', ['quiet']);
    const days = screen.getByRole('group', { name: 'På dagarna valfritt' });
    expect(within(days).getByRole('button', { name: 'måndag' }).textContent).toBe('mån');
    expect(
      within(days)
        .getAllByRole('button', { pressed: true })
        .map((b) => b.textContent),
    ).toEqual(['mån', 'fre']);
    document.body.innerHTML = '';
    inspector('nb', ['quiet']);
    expect(screen.getByRole('button', { name: 'fredag' }).textContent).toBe('fre');
  });

  it('shows the journey’s settings under Swedish headings, with choices in Swedish', async () => {
    const store = inspector('sv');
    const settings = screen.getByTestId('journey-settings');
    expect(
      within(settings)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual(['Start', 'Mål', 'Utskick', 'Prognos']);
    await userEvent.click(within(settings).getByRole('radio', { name: 'Bara en gång' }));
    expect(store.getState().journey?.settings.reentry).toBe('never');
    expect(within(settings).getByText('En profil går igenom resan högst en gång.')).toBeTruthy();
    await userEvent.click(
      within(settings).getByRole('switch', {
        name: 'Tysta timmar: håll inne meddelanden över natten',
      }),
    );
    expect(within(settings).getByLabelText('Från')).toBeTruthy();
    expect(
      within(settings).getByRole('spinbutton', {
        name: 'Hoppa över ett meddelande som är så här mycket försenat: antal',
      }),
    ).toHaveProperty('value', '12');
  });

  it('counts a selection of several steps in Norwegian', () => {
    inspector('nb', ['pause', 'bought', 'quiet']);
    expect(screen.getByRole('heading', { name: '3 steg markert' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Fjern markeringen' })).toBeTruthy();
  });
});
