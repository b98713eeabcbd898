import { describe, expect, it, vi } from 'vitest';
import { ApiError, type ApiHandlers } from '../../core/api/contract';
import type { Db } from '../../core/adapters/sqlite/database';
import type { AppServiceOptions } from '../../core/adapters/local-app';
import { runEngineProcess } from '../../electron/engine/engine-process';
import type { EngineToMain } from '../../electron/engine/engine-messages';

function host(options: { openFails?: boolean } = {}) {
  const listeners: ((message: { data: unknown }) => void)[] = [];
  const sent: EngineToMain[] = [];
  const db = { close: vi.fn() } as unknown as Db;
  const eventListeners = new Map<string, (payload: unknown) => void>();
  let serviceOptions: AppServiceOptions | undefined;
  const service = {
    handlers: {
      listJourneys: vi.fn(() => Promise.resolve([])),
      getJourney: vi.fn(() => Promise.reject(new ApiError('not-found', 'No journey cart'))),
      deleteJourney: vi.fn(() => Promise.reject(new Error('disk I/O error'))),
    } as unknown as ApiHandlers,
    on: vi.fn((event: string, listener: (payload: unknown) => void) => {
      eventListeners.set(event, listener);
      return () => {};
    }),
    close: vi.fn(),
  };
  const exit = vi.fn();
  const openDatabase = vi.fn(() => {
    if (options.openFails) throw new Error('file is not a database');
    return db;
  });
  runEngineProcess({
    port: {
      on: (_event, listener) => listeners.push(listener),
      postMessage: (message) => sent.push(message),
    },
    openDatabase,
    createAppService: (opts) => {
      serviceOptions = opts;
      return service;
    },
    exit,
    log: vi.fn(),
  });
  const send = (data: unknown) => listeners.forEach((listener) => listener({ data }));
  send({ type: 'init', dataDir: '/data', databaseFile: '/data/j.db', nativeBinding: '/n.node' });
  return {
    sent,
    send,
    service,
    db,
    exit,
    openDatabase,
    eventListeners,
    serviceOptions: () => serviceOptions,
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the engine process', () => {
  it('opens the database with Electron’s native module and starts the service on it', () => {
    const { sent, openDatabase, serviceOptions, db } = host();
    expect(openDatabase).toHaveBeenCalledWith('/data/j.db', { nativeBinding: '/n.node' });
    expect(serviceOptions()).toMatchObject({ dataDir: '/data', db });
    expect(serviceOptions()?.secrets).toBeDefined();
    expect(sent).toEqual([{ type: 'ready' }]);
  });

  it('reports a database it cannot open', () => {
    const { sent } = host({ openFails: true });
    expect(sent).toEqual([{ type: 'fatal', message: 'file is not a database' }]);
  });

  it('answers calls with the envelope', async () => {
    const { sent, send } = host();
    send({ type: 'call', id: 1, method: 'listJourneys', input: {} });
    send({ type: 'call', id: 2, method: 'getJourney', input: { id: 'cart' } });
    send({ type: 'call', id: 3, method: 'deleteJourney', input: { id: 'cart' } });
    send({ type: 'call', id: 4, method: 'formatDisk', input: {} });
    await flush();
    const byId = (a: EngineToMain, b: EngineToMain) =>
      (a as { id: number }).id - (b as { id: number }).id;
    expect(sent.slice(1).sort(byId)).toEqual([
      { type: 'result', id: 1, envelope: { ok: true, value: [] } },
      {
        type: 'result',
        id: 2,
        envelope: { ok: false, error: { code: 'not-found', message: 'No journey cart' } },
      },
      {
        type: 'result',
        id: 3,
        envelope: {
          ok: false,
          error: {
            code: 'internal',
            message: 'disk I/O error',
            reason: 'internal-failure-detail',
            values: { detail: 'disk I/O error' },
          },
        },
      },
      {
        type: 'result',
        id: 4,
        envelope: {
          ok: false,
          error: expect.objectContaining({ code: 'invalid-request' }) as unknown,
        },
      },
    ]);
  });

  it('forwards the service’s events', () => {
    const { sent, eventListeners } = host();
    eventListeners.get('journeysChanged')?.({ id: 'cart' });
    expect(sent.at(-1)).toEqual({
      type: 'event',
      event: 'journeysChanged',
      payload: { id: 'cart' },
    });
  });

  it('reads secrets from main over its port', async () => {
    const { sent, send, serviceOptions } = host();
    const password = serviceOptions()!.secrets!.get('smtp-password');
    expect(sent.at(-1)).toEqual({ type: 'secret', id: 1, op: 'get', name: 'smtp-password' });
    send({ type: 'secret-reply', id: 1, ok: true, value: 'hunter2' });
    await expect(password).resolves.toBe('hunter2');
    const refused = serviceOptions()!.secrets!.set('smtp-password', 'x');
    send({ type: 'secret-reply', id: 2, ok: false, message: 'no keyring' });
    await expect(refused).rejects.toThrow('no keyring');
  });

  it('finishes the calls under way, then closes the service and the database', async () => {
    const { send, service, db, exit, sent } = host();
    send({ type: 'call', id: 1, method: 'listJourneys', input: {} });
    send({ type: 'stop' });
    expect(db.close).not.toHaveBeenCalled();
    await flush();
    expect(sent).toContainEqual({ type: 'result', id: 1, envelope: { ok: true, value: [] } });
    expect(service.close).toHaveBeenCalled();
    expect(db.close).toHaveBeenCalled();
    expect(sent.at(-1)).toEqual({ type: 'stopped' });
    expect(exit).toHaveBeenCalledWith(0);
  });
});
