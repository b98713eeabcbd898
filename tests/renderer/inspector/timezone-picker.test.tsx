import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Journey } from '../../../core/model/journey';
import type { Locale } from '../../../renderer/i18n/locales';
import { JourneySettings } from '../../../renderer/inspector/JourneySettings';
import { createAppStore } from '../../../renderer/store/app-store';
import { journey } from '../../core/build';
import { fakeApi } from '../fake-api';
import { renderApp } from '../render-app';

function settingsOf(settings: Journey['settings'], locale: Locale = 'en') {
  const j = journey([], [], settings);
  const store = createAppStore(fakeApi([j]));
  store.getState().loadJourney(j, 1);
  renderApp(<JourneySettings />, { store, locale });
  return store;
}

describe('the time-zone picker', () => {
  // In January Stockholm is an hour ahead of UTC, New York five behind.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-01-15T12:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('finds Stockholm by typing "sto" and stores its zone in the journey', async () => {
    const store = settingsOf({ timezone: 'UTC' });
    const field = screen.getByRole('combobox', { name: /^Time zone/ });
    expect(field).toHaveProperty('value', 'Universal time (UTC)');
    await userEvent.click(field);
    await userEvent.keyboard('sto');
    const list = screen.getByRole('listbox', { name: 'Cities and their time zones' });
    const option = within(list).getByRole('option', { name: /^Stockholm \(UTC\+1\)/ });
    expect(option.textContent).toContain('Central European Time');
    await userEvent.keyboard('{Enter}');
    expect(store.getState().journey?.settings.timezone).toBe('Europe/Stockholm');
    expect(field).toHaveProperty('value', 'Stockholm (UTC+1)');
    expect(field.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByText(/IANA/)).toBeNull();
  });

  it('lists cities from west to east, each with its offset, and picks with the arrow keys', async () => {
    const store = settingsOf({ timezone: 'Europe/Oslo' });
    const field = screen.getByRole('combobox', { name: /^Time zone/ });
    expect(field).toHaveProperty('value', 'Oslo (UTC+1)');
    await userEvent.click(field);
    await userEvent.keyboard('{Control>}a{/Control}new york');
    const list = screen.getByRole('listbox');
    const names = within(list)
      .getAllByRole('option')
      .map((o) => o.firstChild?.textContent);
    expect(names).toEqual(['New York (UTC−5)']);
    await userEvent.clear(field);
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    const active = field.getAttribute('aria-activedescendant');
    expect(active && document.getElementById(active)?.textContent).toMatch(/\(UTC−1[12]\)/);
    const offsets = within(list)
      .getAllByRole('option')
      .slice(1)
      .map((o) => /UTC([+−]\d+)?/.exec(o.textContent ?? '')?.[1] ?? '+0')
      .map((o) => Number(o.replace('−', '-').split(':')[0]));
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
    await userEvent.keyboard('{Enter}');
    expect(store.getState().journey?.settings.timezone).not.toBe('Europe/Oslo');
  });

  it('shows a zone it does not know as the journey has it', () => {
    settingsOf({ timezone: 'Mars/Olympus' });
    const field = screen.getByRole('combobox', { name: /^Time zone/ });
    expect(field).toHaveProperty('value', 'Mars/Olympus (not a time zone)');
  });

  it('keeps an unusual zone the journey already has', async () => {
    settingsOf({ timezone: 'Etc/GMT-3' });
    const field = screen.getByRole('combobox', { name: /^Time zone/ });
    expect(field).toHaveProperty('value', 'GMT-3 (UTC+3)');
    await userEvent.click(field);
    const selected = within(screen.getByRole('listbox')).getByRole('option', { selected: true });
    expect(selected.textContent).toContain('GMT-3');
  });

  it('puts the text back on Escape without changing the journey', async () => {
    const store = settingsOf({ timezone: 'Europe/Helsinki' });
    const field = screen.getByRole('combobox', { name: /^Time zone/ });
    await userEvent.click(field);
    await userEvent.keyboard('lon{Escape}');
    expect(field).toHaveProperty('value', 'Helsinki (UTC+2)');
    expect(store.getState().journey?.settings.timezone).toBe('Europe/Helsinki');
  });

  it('speaks Swedish: city names and zone names in Swedish, a typed city taken on leaving', async () => {
    const store = settingsOf({ timezone: 'Europe/Stockholm' }, 'sv');
    // The field's label is the schema's, translated with the rest of the settings.
    const field = screen.getByRole('combobox', { name: /Tidszon|Time zone/ });
    expect(field).toHaveProperty('value', 'Stockholm (UTC+1)');
    await userEvent.click(field);
    await userEvent.keyboard('{Control>}a{/Control}köp');
    const option = screen.getByRole('option', { name: /^Köpenhamn \(UTC\+1\)/ });
    expect(option.textContent).toContain('centraleuropeisk tid');
    await userEvent.clear(field);
    await userEvent.keyboard('Köpenhamn');
    await userEvent.tab();
    expect(store.getState().journey?.settings.timezone).toBe('Europe/Copenhagen');
  });
});
