import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { MessagePreview } from '../../../renderer/inspector/MessagePreview';
import { createAppStore } from '../../../renderer/store/app-store';
import { journey, node } from '../../core/build';
import { fakeApi } from '../fake-api';
import { renderApp } from '../render-app';

const welcome = node('mail', 'message', {
  channel: 'email',
  from: 'shop@example.com',
  subject: 'Welcome to Nordic Shop',
  html: '<p>Hello</p>',
  locales: { sv: { subject: 'Välkommen till Nordic Shop' }, nb: { subject: 'Velkommen' } },
});

describe('message preview per language', () => {
  it('shows the content of the language chosen, and the default content as the fallback', async () => {
    const j = journey([welcome], []);
    const store = createAppStore(fakeApi([j]));
    store.getState().loadJourney(j, 1);
    renderApp(<MessagePreview node={welcome} />, { store });
    // The sample personas have no locale: they get the default content.
    expect(screen.getAllByText('Welcome to Nordic Shop').length).toBeGreaterThan(0);
    const language = screen.getByRole('combobox', { name: 'Preview in' });
    expect([...language.querySelectorAll('option')].map((o) => o.value)).toEqual([
      '',
      'default',
      'sv',
      'nb',
    ]);
    await userEvent.selectOptions(language, 'sv');
    expect(screen.getAllByText('Välkommen till Nordic Shop').length).toBeGreaterThan(0);
    expect(screen.queryByText('Welcome to Nordic Shop')).toBeNull();
  });
});

describe('a message that cannot be rendered, in the preview’s words', () => {
  function show(message: ReturnType<typeof node>, locale: 'sv' | 'nb') {
    const j = journey([message], []);
    const store = createAppStore(fakeApi([j]));
    store.getState().loadJourney(j, 1);
    renderApp(<MessagePreview node={message} />, { store, locale });
  }
  const errors = () =>
    [...document.querySelectorAll('.preview-error')].map((e) =>
      (e.textContent ?? '').replace(/\s/g, ' '),
    );

  it('says in Swedish which field misses a closing }} and where', () => {
    show(node('sms', 'message', { channel: 'sms', text: 'Hej {{ profile.first_name' }), 'sv');
    expect(errors()).toContain(
      'Texten saknar ett avslutande }} efter {{ profile.first_name (rad 1, kolumn 5).',
    );
  });

  it('says in Swedish that the email body grows too long, with the limit in Swedish figures', () => {
    const doubling =
      '{% assign x = "0123456789" %}' +
      '{% for i in (1..40) %}{% capture x %}{{ x }}{{ x }}{% endcapture %}{% endfor %}{{ x }}';
    show(
      node('mail', 'message', {
        channel: 'email',
        from: 'shop@example.com',
        subject: 'Hej',
        html: `<p>${doubling}</p>`,
      }),
      'sv',
    );
    expect(errors()).toContain(
      'Innehåll: Meddelandet blir för långt när det skapas (över 2 000 000 tecken).',
    );
  });
});
