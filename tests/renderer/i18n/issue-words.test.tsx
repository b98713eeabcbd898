import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { IssuesPanel } from '../../../renderer/panels/IssuesPanel';
import { createAppStore } from '../../../renderer/store/app-store';
import { memoryDraftStorage } from '../../../renderer/store/draft-storage';
import { edge, journey, node } from '../../core/build';
import { fakeApi } from '../fake-api';
import { renderApp } from '../render-app';
import type { Locale } from '../../../renderer/i18n/locales';

/** A cart journey whose reminder is cut off from the trigger and whose subject is broken. */
const cutOff = () =>
  journey(
    [
      node('start', 'trigger', { on: 'event', event: 'cart' }),
      {
        ...node('message-2', 'message', {
          channel: 'email',
          from: 'Nordic Shop <shop@example.com>',
          subject: 'Hej {{ profile.first_name',
          html: '<p>Hej</p><a href="{{ unsubscribe_url }}">Avregistrera</a>',
        }),
        label: 'Påminnelse om varukorgen',
      },
    ],
    [edge('start', 'start')],
  );

async function problemsIn(locale: Locale): Promise<string[]> {
  const store = createAppStore(fakeApi([cutOff()]), memoryDraftStorage());
  await store.getState().openJourney('test-journey');
  renderApp(<IssuesPanel />, { store, locale });
  await userEvent.click(screen.getByTestId('issues-toggle'));
  return [...document.querySelectorAll('.issue-message')].map((el) => el.textContent ?? '');
}

describe('problems in the marketer’s language', () => {
  it('a Swedish app says what is wrong in Swedish, naming the step by its title', async () => {
    const problems = await problemsIn('sv');
    expect(problems).toContain(
      'Ingen väg leder från triggern till ”Påminnelse om varukorgen”: koppla in steget eller ta bort det.',
    );
    expect(problems).toContain(
      'Ämnesraden saknar ett avslutande }} efter {{ profile.first_name (rad 1, kolumn 5).',
    );
    expect(problems.join(' ')).not.toContain('message-2');
  });

  it('Norwegian, and English names the step by its title too', async () => {
    expect(await problemsIn('nb')).toContain(
      'Ingen vei fører fra triggeren til «Påminnelse om varukorgen»: koble til steget eller slett det.',
    );
    document.body.innerHTML = '';
    expect(await problemsIn('en')).toContain(
      'No path leads from the trigger to “Påminnelse om varukorgen”: connect it or delete it.',
    );
  });

  it('an unnamed step and its exit are called what the card calls them, not the English summary', async () => {
    const branch = () =>
      journey(
        [
          node('start', 'trigger', { on: 'event', event: 'cart' }),
          node('condition', 'condition', { event: 'purchase', op: 'performed', since: 'entry' }),
          node('wait', 'wait', { mode: 'duration', duration: 'PT1H' }),
        ],
        [edge('start', 'condition'), edge('condition', 'wait', 'no')],
      );
    const shown = async (locale: Locale) => {
      document.body.innerHTML = '';
      const store = createAppStore(fakeApi([branch()]), memoryDraftStorage());
      await store.getState().openJourney('test-journey');
      renderApp(<IssuesPanel />, { store, locale });
      await userEvent.click(screen.getByTestId('issues-toggle'));
      return [...document.querySelectorAll('.issue-message')].map((el) => el.textContent ?? '');
    };
    expect(await shown('sv')).toContain(
      'Profiler som lämnar ”Om purchase har skett sedan starten” genom ”Ja” avslutar resan där.',
    );
    const norwegian = (await shown('nb')).join(' ');
    expect(norwegian).toContain('«Ja»');
    expect(norwegian).not.toMatch(/If purchase|yes/);
    expect(await shown('en')).toContain(
      'Profiles leaving “If purchase performed since entry” through “Yes” end the journey there.',
    );
  });
});
