import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AppApi } from '../../../core/api/contract';
import type { ServerConnectionView, ServerReport } from '../../../core/api/server-contract';
import { createHttpApi } from '../../../renderer/api/http-client';
import type { Locale } from '../../../renderer/i18n/locales';
import { LibraryView } from '../../../renderer/library/LibraryView';
import { Dialogs } from '../../../renderer/panels/Dialogs';
import { createAppStore } from '../../../renderer/store/app-store';
import { fakeApi } from '../fake-api';
import { renderApp } from '../render-app';

const SERVER = 'https://journeys.shop.example';
const TOKEN = 'right-token-0123456789';

/**
 * The engine behind the page, faked over HTTP as browser mode speaks to it: the server methods
 * answer as the engine does for a server it tried (reached, or which problem), the rest of the
 * app is the usual fake.
 */
function engineOverHttp(secretsKeptIn: ServerConnectionView['secretsKeptIn'] = 'keychain') {
  let connection: ServerConnectionView = {
    engine: 'local',
    secretsKeptIn,
    shopSecrets: { shopify: false, woocommerce: false },
  };
  const posted: { method: string; input: Record<string, unknown> }[] = [];
  const report = (input: { url: string; token: string }): ServerReport => {
    if (!input.url.startsWith('https://'))
      return { ok: false, problem: 'not-secure', detail: 'http://' };
    if (input.url !== SERVER) return { ok: false, problem: 'unreachable', detail: 'ENOTFOUND' };
    if (input.token !== TOKEN) return { ok: false, problem: 'token-refused', detail: 'HTTP 401' };
    return { ok: true, host: 'journeys.shop.example', version: '0.1.0', journeysLive: 3 };
  };
  const answer = (method: string, input: Record<string, unknown>): unknown => {
    const asked = input as { url: string; token: string };
    switch (method) {
      case 'getServerConnection':
        return connection;
      case 'testServerConnection':
        return report(asked);
      case 'connectServer': {
        const found = report(asked);
        if (found.ok)
          connection = { ...connection, engine: 'server', url: SERVER, host: found.host };
        return { report: found, connection };
      }
      case 'disconnectServer':
        connection = { ...connection, engine: 'local', url: undefined, host: undefined };
        return connection;
      default:
        throw new Error(`unexpected ${method}`);
    }
  };
  const fetch: typeof globalThis.fetch = (url, init) => {
    const method = (url as string).replace(/^.*\/api\//, '');
    const input = JSON.parse((init?.body as string | undefined) ?? '{}') as Record<string, unknown>;
    posted.push({ method, input });
    const body = JSON.stringify({ ok: true, value: answer(method, input) });
    return Promise.resolve(new Response(body, { headers: { 'Content-Type': 'application/json' } }));
  };
  const http = createHttpApi({ baseUrl: 'http://127.0.0.1:5317', token: 'page-token', fetch });
  const api: AppApi = {
    ...fakeApi(),
    getServerConnection: http.getServerConnection,
    testServerConnection: http.testServerConnection,
    connectServer: http.connectServer,
    disconnectServer: http.disconnectServer,
  };
  return { store: createAppStore(api), posted };
}

async function openServerSettings(fake = engineOverHttp(), locale: Locale = 'en') {
  const user = userEvent.setup();
  renderApp(
    <>
      <LibraryView />
      <Dialogs />
    </>,
    { store: fake.store, locale },
  );
  await user.click(
    screen.getByRole('button', { name: locale === 'sv' ? 'Inställningar' : 'Settings' }),
  );
  const dialog = await screen.findByRole('dialog');
  const section = await within(dialog).findByTestId('server-section');
  await within(section).findByText(
    locale === 'sv' ? 'Körs på den här datorn' : 'Running on this computer',
  );
  return { ...fake, user, section };
}

describe('run on a server (library settings)', () => {
  it('tests a server and says what it found, changing nothing', async () => {
    const { user, section, posted } = await openServerSettings();
    await user.type(within(section).getByLabelText('Server address'), SERVER);
    await user.type(within(section).getByLabelText('Access token'), TOKEN);
    await user.click(within(section).getByRole('button', { name: 'Test connection' }));
    expect((await within(section).findByTestId('server-report')).textContent).toBe(
      'Reached journeys.shop.example: Journey Studio 0.1.0, the token was accepted, 3 journeys live.',
    );
    expect(posted.map((p) => p.method)).toContain('testServerConnection');
    expect(within(section).getByTestId('engine-where').textContent).toBe(
      'Running on this computer',
    );
  });

  it('says in plain words what is wrong, and stays on this computer', async () => {
    const { user, section } = await openServerSettings();
    const address = within(section).getByLabelText('Server address');
    const token = within(section).getByLabelText('Access token');
    await user.type(address, SERVER);
    await user.type(token, 'wrong-token-0123456789');
    await user.click(within(section).getByRole('button', { name: 'Run journeys on this server' }));
    const alert = await within(section).findByRole('alert');
    expect(alert.textContent).toContain(
      'The server refused the token. Copy it again from where the server was started.',
    );
    expect(within(section).getByTestId('engine-where').textContent).toBe(
      'Running on this computer',
    );
    await user.clear(address);
    await user.type(address, 'https://shop.example.org');
    await user.click(within(section).getByRole('button', { name: 'Test connection' }));
    expect((await within(section).findByRole('alert')).textContent).toContain(
      'No server answered at this address.',
    );
  });

  it('connects: the token leaves the page, the engine in use is named, and one click goes back', async () => {
    const { user, section, posted } = await openServerSettings();
    await user.type(within(section).getByLabelText('Server address'), SERVER);
    await user.type(within(section).getByLabelText('Access token'), TOKEN);
    await user.click(within(section).getByRole('button', { name: 'Run journeys on this server' }));
    await within(section).findByText('Running on journeys.shop.example');
    expect(within(section).getByTestId('server-note').textContent).toBe(
      'Journeys now run on journeys.shop.example. Designing and simulating stay on this computer.',
    );
    expect(within(section).queryByLabelText('Access token')).toBeNull();
    // The button pressed is gone: the keyboard goes on from the one that switches back.
    expect(document.activeElement).toBe(
      within(section).getByRole('button', { name: 'Run on this computer instead' }),
    );
    expect(posted.find((p) => p.method === 'connectServer')?.input).toEqual({
      url: SERVER,
      token: TOKEN,
    });
    expect(within(section).getByText(/encrypted with this computer’s keychain/)).toBeTruthy();

    await user.click(within(section).getByRole('button', { name: 'Run on this computer instead' }));
    await within(section).findByText('Running on this computer');
    await waitFor(() =>
      expect(document.activeElement).toBe(within(section).getByLabelText('Server address')),
    );
  });

  it('speaks Swedish, and says where browser mode keeps the token', async () => {
    const { section } = await openServerSettings(engineOverHttp('server-process'), 'sv');
    expect(within(section).getByRole('heading', { name: 'Kör på en server' })).toBeTruthy();
    expect(within(section).getByLabelText('Serverns adress')).toBeTruthy();
    expect(within(section).getByRole('button', { name: 'Testa anslutningen' })).toBeTruthy();
    expect(
      within(section).getByText(/bara av Journey Studio-processen som visar den här sidan/),
    ).toBeTruthy();
  });
});
