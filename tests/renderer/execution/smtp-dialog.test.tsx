import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { SmtpDialog } from '../../../renderer/execution/SmtpDialog';
import { readSmtpForm, withSecurity } from '../../../renderer/execution/smtp-form';
import { createAppStore } from '../../../renderer/store/app-store';
import type { Locale } from '../../../renderer/i18n/locales';
import { renderApp } from '../render-app';
import { engineApi } from './execution-fake';

const SECRET = 'hunter2-very-secret';

function setup(prepare?: (engine: ReturnType<typeof engineApi>) => void, locale: Locale = 'en') {
  const engine = engineApi();
  prepare?.(engine);
  const store = createAppStore(engine.api);
  store.getState().openDialog({ type: 'smtp-settings' });
  renderApp(<SmtpDialog />, { store, locale });
  return { engine, store };
}

const input = (id: string) => screen.getByTestId<HTMLInputElement>(id);

/** Everything the page shows or holds in its fields. */
function pageText(): string {
  const values = Array.from(document.querySelectorAll('input, textarea')).map(
    (e) => (e as HTMLInputElement).value,
  );
  return `${document.body.innerHTML}\n${values.join('\n')}`;
}

describe('email settings', () => {
  it('says a password is kept without ever showing it, and where it is kept', async () => {
    setup();
    await waitFor(() => expect(input('smtp-host').value).toBe('smtp.example.com'));
    expect(input('smtp-port').value).toBe('587');
    expect(input('smtp-username').value).toBe('news');
    expect(input('smtp-password').value).toBe('');
    expect(input('smtp-password').type).toBe('password');
    expect(screen.getByTestId('smtp-password-state').textContent).toBe('A password is kept.');
    expect(screen.getByTestId('smtp-protection').textContent).toMatch(/system keychain/);
  });

  it('sends a new password once and clears it from the page after saving', async () => {
    const user = userEvent.setup();
    const { engine } = setup((e) => e.setSmtp({ passwordSet: false, protection: 'plain-text' }));
    await waitFor(() => expect(input('smtp-host').value).toBe('smtp.example.com'));
    expect(screen.getByTestId('smtp-protection').textContent).toMatch(
      /a file only your user can read/,
    );
    await user.type(input('smtp-password'), SECRET);
    await user.click(screen.getByTestId('smtp-save'));
    await screen.findByTestId('smtp-saved');
    expect(engine.calls.saveSmtpSettings.at(-1)).toMatchObject({ password: SECRET });
    expect(input('smtp-password').value).toBe('');
    expect(screen.getByTestId('smtp-password-state').textContent).toBe('A password is kept.');
    expect(pageText()).not.toContain(SECRET);
  });

  it('forgets the kept password only on save, and can take it back before', async () => {
    const user = userEvent.setup();
    const { engine } = setup();
    await waitFor(() => expect(input('smtp-host').value).toBe('smtp.example.com'));
    await user.click(screen.getByTestId('smtp-password-forget'));
    expect(screen.getByTestId('smtp-password-state').textContent).toMatch(/will be forgotten/);
    await user.click(screen.getByTestId('smtp-password-keep'));
    expect(screen.getByTestId('smtp-password-state').textContent).toBe('A password is kept.');
    expect(screen.getByTestId<HTMLButtonElement>('smtp-save').disabled).toBe(true);
    await user.click(screen.getByTestId('smtp-password-forget'));
    await user.click(screen.getByTestId('smtp-save'));
    await screen.findByTestId('smtp-saved');
    expect(engine.calls.saveSmtpSettings.at(-1)).toMatchObject({ clearPassword: true });
    expect(engine.calls.saveSmtpSettings.at(-1)).not.toHaveProperty('password');
    expect(screen.getByTestId('smtp-password-state').textContent).toBe('No password is kept.');
  });

  it('says that without a server email stays in the embedded outbox', async () => {
    const user = userEvent.setup();
    setup();
    await waitFor(() => expect(input('smtp-host').value).toBe('smtp.example.com'));
    expect(screen.getByTestId('smtp-mode').textContent).toMatch(/through this mail server/);
    await user.clear(input('smtp-host'));
    expect(screen.getByTestId('smtp-mode').textContent).toMatch(/embedded outbox/);
  });

  it('refuses a bad port at its field', async () => {
    const user = userEvent.setup();
    const { engine } = setup();
    await waitFor(() => expect(input('smtp-host').value).toBe('smtp.example.com'));
    await user.clear(input('smtp-port'));
    await user.type(input('smtp-port'), '70000');
    await user.click(screen.getByTestId('smtp-save'));
    expect(screen.getByRole('alert').textContent).toBe('A port is a whole number from 1 to 65535.');
    expect(engine.calls.saveSmtpSettings).toEqual([]);
  });

  it('sends a test email and shows what the server answered', async () => {
    const user = userEvent.setup();
    const { engine } = setup();
    await waitFor(() => expect(input('smtp-host').value).toBe('smtp.example.com'));
    await user.type(input('smtp-test-to'), 'me@example.com');
    await user.click(screen.getByTestId('smtp-test-send'));
    const result = await screen.findByTestId('smtp-test-result');
    expect(result.textContent).toBe('Sent. 250 2.0.0 Ok: queued as 4F2A');
    expect(result.getAttribute('data-ok')).toBe('true');
    expect(engine.calls.sendTestEmail).toEqual(['me@example.com']);
    // Nothing changed, so nothing was saved first.
    expect(engine.calls.saveSmtpSettings).toEqual([]);
  });

  it('says in Norwegian why the test email did not go, the server’s answer quoted', async () => {
    const user = userEvent.setup();
    setup((engine) => {
      engine.api.sendTestEmail = () =>
        Promise.resolve({ ok: false, detail: '535 5.7.8 Authentication credentials invalid' });
    }, 'nb');
    await waitFor(() => expect(input('smtp-host').value).toBe('smtp.example.com'));
    await user.type(input('smtp-test-to'), 'meg@example.no');
    await user.click(screen.getByTestId('smtp-test-send'));
    const result = await screen.findByTestId('smtp-test-result');
    expect(result.textContent).toMatch(
      /E-postserveren godtok ikke brukernavnet eller passordet\. Serveren svarte: «535 5\.7\.8 Authentication credentials invalid»$/,
    );
    expect(result.getAttribute('data-ok')).toBe('false');
  });
});

describe('the settings form', () => {
  const form = {
    host: ' smtp.example.com ',
    port: '587',
    security: 'starttls' as const,
    username: 'news',
    password: '',
    forget: false,
    from: '',
  };

  it('moves the port along with the security when it was the usual one', () => {
    expect(withSecurity(form, 'tls').port).toBe('465');
    expect(withSecurity({ ...form, port: '2525' }, 'tls').port).toBe('2525');
  });

  it('keeps the kept password unless one is typed or it is to be forgotten', () => {
    const kept = readSmtpForm(form);
    expect(kept.ok && kept.input).toEqual({
      host: 'smtp.example.com',
      port: 587,
      security: 'starttls',
      username: 'news',
      from: '',
    });
    const typed = readSmtpForm({ ...form, password: 'pw', forget: true });
    expect(typed.ok && typed.input).toMatchObject({ password: 'pw' });
    expect(typed.ok && typed.input).not.toHaveProperty('clearPassword');
  });
});
