import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiErrorFromBridge, apiFromBridge } from '../../core/api/bridge';
import {
  API_EVENTS,
  APP_METHODS,
  ApiError,
  eventSubscriberName,
  type AppApi,
} from '../../core/api/contract';
import { BRIDGE_KEY, CALL_CHANNEL, eventChannel } from '../../electron/ipc-channels';
import { fake } from './fake-electron';

vi.mock('electron', () => import('./fake-electron').then((m) => m.electronModule()));

let exposed: AppApi;

beforeAll(async () => {
  await import('../../electron/preload/index');
  expect(fake.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  const [key, api] = fake.contextBridge.exposeInMainWorld.mock.calls[0] as [string, AppApi];
  expect(key).toBe(BRIDGE_KEY);
  exposed = api;
});

describe('the preload', () => {
  beforeEach(() => {
    fake.ipcRenderer.invoke.mockReset();
    fake.ipcRenderer.removeAllListeners();
  });

  it('exposes one function per method and per event, and nothing else', () => {
    const api = exposed;
    const expected = [...APP_METHODS, ...API_EVENTS.map(eventSubscriberName)].sort();
    expect(Object.keys(api).sort()).toEqual(expected);
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(api).not.toHaveProperty('invoke');
    expect(api).not.toHaveProperty('ipcRenderer');
    expect(api).not.toHaveProperty('send');
  });

  it.each(APP_METHODS)(
    'calls %s on the one invoke channel and unwraps the answer',
    async (method) => {
      const api = exposed;
      fake.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { answer: method } });
      const call = api[method] as (input: unknown) => Promise<unknown>;
      await expect(call({ some: 'input' })).resolves.toEqual({ answer: method });
      expect(fake.ipcRenderer.invoke).toHaveBeenCalledWith(CALL_CHANNEL, method, { some: 'input' });
    },
  );

  it('rejects a failed call with data that survives the bridge, and the page rebuilds the ApiError', async () => {
    const api = exposed;
    fake.ipcRenderer.invoke.mockResolvedValueOnce({
      ok: false,
      error: { code: 'conflict', message: 'Saved elsewhere', field: 'revision' },
    });
    const rejection: unknown = await api
      .saveJourney({ journey: {} as never })
      .catch((e: unknown) => e);
    // contextBridge copies plain objects whole but strips an Error down to its message.
    expect(rejection).not.toBeInstanceOf(Error);
    expect(structuredClone(rejection)).toEqual({
      name: 'ApiError',
      code: 'conflict',
      message: 'Saved elsewhere',
      field: 'revision',
    });

    fake.ipcRenderer.invoke.mockResolvedValueOnce({
      ok: false,
      error: { code: 'conflict', message: 'Saved elsewhere', field: 'revision' },
    });
    const page = apiFromBridge(api);
    const error: unknown = await page
      .saveJourney({ journey: {} as never })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: 'conflict',
      message: 'Saved elsewhere',
      field: 'revision',
    });
  });

  it('gives a subscriber the payload only, and unsubscribes', () => {
    const api = exposed;
    const listener = vi.fn();
    const unsubscribe = api.onMenuCommand(listener);
    const ipcEvent = { sender: fake.ipcRenderer, senderId: 0 };
    fake.ipcRenderer.emit(eventChannel('menuCommand'), ipcEvent, { command: 'save' });
    expect(listener).toHaveBeenCalledWith({ command: 'save' });
    expect(listener.mock.calls[0]).toHaveLength(1);
    fake.ipcRenderer.emit(eventChannel('journeysChanged'), ipcEvent, { id: 'cart' });
    expect(listener).toHaveBeenCalledTimes(1);
    unsubscribe();
    fake.ipcRenderer.emit(eventChannel('menuCommand'), ipcEvent, { command: 'undo' });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(fake.ipcRenderer.listenerCount(eventChannel('menuCommand'))).toBe(0);
  });
});

describe('apiFromBridge', () => {
  it('turns anything else a call rejects with into an internal ApiError', () => {
    expect(apiErrorFromBridge(new Error('Could not clone'))).toMatchObject({
      code: 'internal',
      message: 'Could not clone',
    });
    expect(apiErrorFromBridge({ name: 'ApiError', code: 'made-up', message: 'x' })).toMatchObject({
      code: 'internal',
    });
    expect(apiErrorFromBridge('boom')).toMatchObject({ code: 'internal', message: 'boom' });
  });

  it('passes event subscriptions through', () => {
    const onJourneysChanged = vi.fn(() => () => {});
    const bridge = { onJourneysChanged, onMenuCommand: vi.fn() } as unknown as AppApi;
    const listener = vi.fn();
    apiFromBridge(bridge).onJourneysChanged(listener);
    expect(onJourneysChanged).toHaveBeenCalledWith(listener);
  });
});
