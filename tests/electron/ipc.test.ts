import type { BrowserWindow, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  API_METHODS,
  APP_METHODS,
  ApiError,
  type ApiEnvelope,
  type ApiMethod,
} from '../../core/api/contract';
import { FILE_METHODS } from '../../core/api/file-contract';
import { CALL_CHANNEL, eventChannel } from '../../electron/ipc-channels';
import type { FileHandlers } from '../../electron/main/files/file-handlers';
import { createEventRelay } from '../../electron/main/ipc/event-relay';
import {
  createIpcRouter,
  registerIpc,
  rejectOtherChannels,
  type IpcRouterDeps,
} from '../../electron/main/ipc/register-ipc';
import { isTrustedSender } from '../../electron/main/ipc/sender-check';
import { FakeBrowserWindow, FakeWebContents, fake, resetFakes } from './fake-electron';

vi.mock('electron', () => import('./fake-electron').then((m) => m.electronModule()));

const RECORD = {
  journey: { format: 'journey-studio/journey', version: 1, id: 'cart', name: 'Cart' },
  revision: 3,
  updatedAt: '2025-01-01T00:00:00.000Z',
};

function setup(engineAnswer?: (method: ApiMethod, input: unknown) => ApiEnvelope<unknown>) {
  resetFakes();
  const window = new FakeBrowserWindow({});
  const engine = {
    call: vi.fn((method: ApiMethod, input: unknown): Promise<ApiEnvelope<unknown>> =>
      Promise.resolve(engineAnswer?.(method, input) ?? { ok: true, value: [] }),
    ),
  };
  const files: FileHandlers = {
    openFile: vi.fn(() => Promise.resolve({ canceled: true as const })),
    openSheet: vi.fn(() => Promise.reject(new ApiError('not-found', 'no workbook'))),
    saveFile: vi.fn(() => Promise.resolve({ canceled: false as const, fileName: 'cart.json' })),
    saveSignOffPack: vi.fn(() => Promise.resolve({ canceled: true as const })),
    openRecentFile: vi.fn(() => Promise.reject(new ApiError('not-found', 'gone'))),
  };
  const log = vi.fn();
  const deps: IpcRouterDeps = {
    isTrustedSender: (event) => isTrustedSender(event, window as unknown as BrowserWindow),
    engine,
    files,
    log,
  };
  const router = createIpcRouter(deps);
  registerIpc(fake.ipcMain, router);
  const handler = fake.ipcMain.handlers.get(CALL_CHANNEL)!;
  const invoke = (method: unknown, input: unknown, event = window.webContents.ipcEvent()) =>
    handler(event, method, input) as Promise<ApiEnvelope<unknown>>;
  return { window, engine, files, router, invoke, log };
}

describe('IPC registration', () => {
  beforeEach(() => resetFakes());

  it('registers one channel that serves every method of the contract', () => {
    const { router } = setup();
    expect(fake.ipcMain.handle).toHaveBeenCalledTimes(1);
    expect(fake.ipcMain.handle).toHaveBeenCalledWith(CALL_CHANNEL, expect.any(Function));
    expect([...router.methods].sort()).toEqual([...APP_METHODS].sort());
    expect(APP_METHODS).toEqual(expect.arrayContaining([...API_METHODS, ...FILE_METHODS]));
  });

  it.each(API_METHODS)('forwards %s to the engine', async (method) => {
    const { invoke, engine } = setup();
    // A valid input for every method (defaults spelled out, so what is forwarded equals it);
    // a new method fails to compile here until it has one.
    const inputs = {
      listJourneys: {},
      getJourney: { id: 'cart' },
      createJourney: { name: 'New' },
      saveJourney: { journey: RECORD.journey },
      renameJourney: { id: 'cart', name: 'Renamed' },
      duplicateJourney: { id: 'cart' },
      deleteJourney: { id: 'cart' },
      importJourney: { fileName: 'cart.json', text: '{}' },
      exportJourney: { id: 'cart' },
      listTemplates: {},
      listDatasets: {},
      previewDataset: { kind: 'events', fileName: 'e.csv', text: 'profile_id,name,time\n' },
      importDataset: {
        kind: 'events',
        name: 'E',
        fileName: 'e.csv',
        text: 'profile_id,name,time\n',
      },
      deleteDataset: { id: 'ds-1' },
      generateSampleData: { count: 10, days: 2, seed: 1, start: '2026-05-01T00:00:00Z' },
      browseProfiles: { datasetId: 'ds-1', offset: 0, limit: 50 },
      browseEvents: { datasetId: 'ds-1', offset: 0, limit: 50 },
      simulate: { journeyId: 'cart', eventsDatasetId: 'ds-1', seed: 0 },
      listSimulationRuns: { journeyId: 'cart' },
      getSimulationRun: { id: 'run-1' },
      traceProfile: { runId: 'run-1', profileId: 'p1' },
      forecastSensitivity: { runId: 'run-1', runs: 20, change: 0.5 },
      cancelSimulation: { runId: 'run-1' },
      getEngineInfo: {},
      getExecution: { journeyId: 'cart' },
      previewPublish: { journeyId: 'cart' },
      publishJourney: { journeyId: 'cart' },
      getJourneyVersion: { journeyId: 'cart', version: 1 },
      setExecutionState: { journeyId: 'cart', state: 'running' },
      listOutbox: { limit: 50 },
      getOutboxMessage: { id: 1 },
      retryOutboxMessage: { id: 1 },
      sendTestEvent: { userId: 'p1', event: 'cart_add' },
      getSmtpSettings: {},
      saveSmtpSettings: {
        host: 'smtp.example.com',
        port: 587,
        security: 'starttls',
        username: 'mailer',
        from: 'studio@example.com',
      },
      sendTestEmail: { to: 'me@example.com' },
      getBrandSettings: {},
      saveBrandSettings: {
        kit: {
          name: 'Shop',
          colours: {
            background: '#ffffff',
            surface: '#ffffff',
            text: '#111111',
            muted: '#666666',
            accent: '#1d4ed8',
            buttonText: '#ffffff',
          },
          font: 'sans',
          address: 'Street 1',
          footerNote: '',
          unsubscribeLabel: 'Unsubscribe',
        },
      },
      listImages: {},
      addImage: { name: 'logo.png', data: 'iVBORw0KGgo=' },
      getImage: { id: 'img-1' },
      sendTestMessage: {
        journeyId: 'cart',
        journeyName: 'Cart',
        nodeId: 'mail',
        to: 'me@example.com',
        config: {},
        profile: {},
        event: {},
      },
      getLibrarySettings: {},
      saveLibrarySettings: {
        currency: 'SEK',
        publicUrl: 'https://shop.example.com',
        unsubscribeAddress: '',
        webhookHosts: [],
        mailbox: { host: '', port: 993, security: 'tls', username: '' },
      },
      readMailbox: {},
      listBackups: {},
      backUpNow: {},
      restoreBackup: { name: 'journey-studio-2026-05-01T1000Z-daily.db' },
      listJourneyVersions: { journeyId: 'cart' },
      setVersionNote: { journeyId: 'cart', version: 1, note: 'Spring copy' },
      approveJourneyVersion: {
        journeyId: 'cart',
        version: 1,
        name: 'Ada',
        role: 'Brand',
        comment: '',
      },
      getSignOffPack: { journeyId: 'cart' },
      compareVersionsOnCohort: { journeyId: 'cart', before: 1 },
      getSendingPolicy: {},
      saveSendingPolicy: { policy: { email: { max: 1, per: 'PT16H' } } },
      getServerConnection: {},
      testServerConnection: { url: 'https://shop.example.com', token: 'x'.repeat(24) },
      connectServer: { url: 'https://shop.example.com', token: 'x'.repeat(24) },
      disconnectServer: {},
      saveShopSecret: { platform: 'shopify', secret: 'shpss_1234' },
    } satisfies Record<ApiMethod, unknown>;
    await invoke(method, inputs[method]);
    expect(engine.call).toHaveBeenCalledWith(method, inputs[method]);
  });

  it('serves the file methods in main, without the engine', async () => {
    const { invoke, engine, files } = setup();
    const answer = await invoke('saveFile', { kind: 'journey', suggestedName: 'Cart', text: '{}' });
    expect(answer).toEqual({ ok: true, value: { canceled: false, fileName: 'cart.json' } });
    expect(files.saveFile).toHaveBeenCalledWith({
      kind: 'journey',
      suggestedName: 'Cart',
      text: '{}',
    });
    expect(engine.call).not.toHaveBeenCalled();
  });

  it('passes a handler’s ApiError on as the envelope’s error', async () => {
    const { invoke } = setup();
    expect(await invoke('openRecentFile', { id: 'r1' })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'gone' },
    });
  });
});

describe('every call is checked', () => {
  it('refuses a frame inside the page (the email preview)', async () => {
    const { window, invoke, engine } = setup();
    const subframe = {
      processId: 7,
      routingId: 99,
      parent: window.webContents.mainFrame,
      url: 'about:srcdoc',
    };
    const answer = await invoke('listJourneys', {}, window.webContents.ipcEvent(subframe));
    expect(answer).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(engine.call).not.toHaveBeenCalled();
  });

  it('refuses another web contents, a gone frame and a page off the app origin', async () => {
    const { window, invoke, engine } = setup();
    const stranger = new FakeWebContents();
    expect(await invoke('listJourneys', {}, stranger.ipcEvent())).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
    expect(await invoke('listJourneys', {}, window.webContents.ipcEvent(null))).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
    window.webContents.mainFrame.url = 'https://evil.example/';
    expect(await invoke('listJourneys', {})).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
    expect(engine.call).not.toHaveBeenCalled();
  });

  it('refuses calls once the window is closed', async () => {
    const { window, invoke } = setup();
    window.destroyed = true;
    expect(await invoke('listJourneys', {})).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
  });

  it.each(['deleteEverything', '__proto__', 'constructor', 'toString', 42, undefined])(
    'refuses the unknown method %s',
    async (method) => {
      const { invoke, engine } = setup();
      const answer = await invoke(method, {});
      expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
      expect(engine.call).not.toHaveBeenCalled();
    },
  );

  it('refuses an input outside the method’s schema, naming the field', async () => {
    const { invoke, engine, files } = setup();
    expect(await invoke('getJourney', { id: '' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', field: 'id' },
    });
    expect(await invoke('getJourney', { id: 'cart', extra: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    expect(await invoke('openFile', { kind: 'passwords' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', field: 'kind' },
    });
    expect(await invoke('saveFile', 'not an object')).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    expect(engine.call).not.toHaveBeenCalled();
    expect(files.openFile).not.toHaveBeenCalled();
  });

  it('hands the engine the parsed input, not the raw one', async () => {
    const { invoke, engine } = setup();
    await invoke('createJourney', { name: '  Welcome  ' });
    expect(engine.call).toHaveBeenCalledWith('createJourney', { name: 'Welcome' });
  });

  it('answers an unexpected failure with an internal error that tells nothing of the cause', async () => {
    const { invoke, files, log } = setup();
    vi.mocked(files.openFile).mockRejectedValueOnce(new Error('EACCES /home/ada/.ssh/id_rsa'));
    const answer = await invoke('openFile', { kind: 'journey' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(answer)).not.toContain('.ssh');
    expect(log).toHaveBeenCalled();
  });
});

describe('nothing but the contract reaches the page', () => {
  it('cuts an answer down to the method’s output schema', async () => {
    const { invoke } = setup((method) =>
      method === 'getJourney'
        ? { ok: true, value: { ...RECORD, smtpPassword: 'hunter2', databaseFile: '/home/ada/db' } }
        : { ok: true, value: [] },
    );
    const answer = await invoke('getJourney', { id: 'cart' });
    expect(answer).toEqual({ ok: true, value: RECORD });
    expect(JSON.stringify(answer)).not.toContain('hunter2');
  });

  it('refuses an answer that is not in the method’s shape', async () => {
    const { invoke } = setup(() => ({ ok: true, value: { password: 'hunter2' } }));
    const answer = await invoke('listJourneys', {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(answer)).not.toContain('hunter2');
  });

  it('relays events cut to their schema, and no menu command the engine makes up', () => {
    resetFakes();
    const window = new FakeBrowserWindow({});
    const relay = createEventRelay(() => window as unknown as BrowserWindow, vi.fn());
    expect(relay.sendFromEngine('journeysChanged', { id: 'cart', smtpPassword: 'hunter2' })).toBe(
      true,
    );
    expect(window.webContents.send).toHaveBeenCalledWith(eventChannel('journeysChanged'), {
      id: 'cart',
    });
    expect(relay.sendFromEngine('menuCommand', { command: 'save' })).toBe(false);
    expect(relay.send('menuCommand', { command: 'save' })).toBe(true);
    expect(relay.send('menuCommand', { command: 'formatDisk' })).toBe(false);
    expect(relay.send('unknownEvent' as never, {})).toBe(false);
    expect(window.webContents.send).toHaveBeenCalledTimes(2);
  });

  it('sends no event to a window that is not showing the app', () => {
    resetFakes();
    const window = new FakeBrowserWindow({});
    window.webContents.url = 'https://evil.example/';
    const relay = createEventRelay(() => window as unknown as BrowserWindow, vi.fn());
    expect(relay.send('journeysChanged', { id: 'cart' })).toBe(false);
    expect(window.webContents.send).not.toHaveBeenCalled();
  });
});

describe('other channels', () => {
  it('answer a synchronous message with the envelope’s error at once', () => {
    resetFakes();
    const contents = new FakeWebContents();
    rejectOtherChannels(contents as unknown as WebContents, vi.fn());
    const event: { returnValue?: unknown } = {};
    contents.emit('ipc-message-sync', event, 'journey-app:secrets', 'smtp-password');
    expect(event.returnValue).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('drop one-way messages', () => {
    resetFakes();
    const contents = new FakeWebContents();
    const log = vi.fn();
    rejectOtherChannels(contents as unknown as WebContents, log);
    contents.emit('ipc-message', {}, 'anything', 1);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('anything'));
  });
});
