import { describe, expect, it, vi } from 'vitest';
import type { SecretStore } from '../../core/runtime/secret-store';
import { EngineClient } from '../../electron/main/engine-client';
import { FakeEngineProcess } from './fake-electron';

function memorySecrets(): SecretStore {
  const values = new Map<string, string>();
  return {
    get: (name) => Promise.resolve(values.get(name)),
    set: (name, value) => {
      values.set(name, value);
      return Promise.resolve();
    },
    delete: (name) => {
      values.delete(name);
      return Promise.resolve();
    },
    protection: () => Promise.resolve('os'),
  };
}

function client(options: { maxRestarts?: number } = {}) {
  const processes: FakeEngineProcess[] = [];
  const onFatal = vi.fn();
  const secrets = memorySecrets();
  const engine = new EngineClient({
    spawn: () => {
      const child = new FakeEngineProcess('engine.cjs');
      processes.push(child);
      return child;
    },
    init: { dataDir: '/data', databaseFile: '/data/journey-studio.db', nativeBinding: '/n.node' },
    secrets,
    log: vi.fn(),
    onFatal,
    ...options,
  });
  return { engine, processes, onFatal, secrets };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the engine client', () => {
  it('starts the engine with the database to open', () => {
    const { engine, processes } = client();
    engine.start();
    expect(processes).toHaveLength(1);
    expect(processes[0]!.posted[0]).toEqual({
      type: 'init',
      dataDir: '/data',
      databaseFile: '/data/journey-studio.db',
      nativeBinding: '/n.node',
    });
  });

  it('holds calls until the engine is ready, then answers each', async () => {
    const { engine, processes } = client();
    engine.start();
    const answer = engine.call('listJourneys', {});
    const child = processes[0]!;
    expect(child.posted).toHaveLength(1);
    child.reply({ type: 'ready' });
    expect(child.posted[1]).toEqual({ type: 'call', id: 1, method: 'listJourneys', input: {} });
    child.reply({ type: 'result', id: 1, envelope: { ok: true, value: [] } });
    await expect(answer).resolves.toEqual({ ok: true, value: [] });
  });

  it('answers every waiting call when the database cannot be opened, and says so once', async () => {
    const { engine, processes, onFatal } = client();
    engine.start();
    const answer = engine.call('listJourneys', {});
    processes[0]!.reply({
      type: 'fatal',
      message: 'This database was written by a newer Journey Studio',
    });
    await expect(answer).resolves.toMatchObject({
      ok: false,
      error: {
        code: 'internal',
        message: expect.stringContaining('newer Journey Studio') as unknown,
      },
    });
    await expect(engine.call('listTemplates', {})).resolves.toMatchObject({ ok: false });
    expect(onFatal).toHaveBeenCalledTimes(1);
  });

  it('answers calls in flight when the engine crashes, and restarts it without replaying them', async () => {
    const { engine, processes } = client();
    engine.start();
    processes[0]!.reply({ type: 'ready' });
    const answer = engine.call('saveJourney', { journey: {} });
    processes[0]!.emit('exit', 134);
    await expect(answer).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(processes).toHaveLength(2);
    expect(processes[1]!.posted.filter((m) => (m as { type: string }).type === 'call')).toEqual([]);
  });

  it('gives up after a few crashes', async () => {
    const { engine, processes, onFatal } = client({ maxRestarts: 2 });
    engine.start();
    for (let i = 0; i < 3; i += 1) processes.at(-1)!.emit('exit', 1);
    expect(processes).toHaveLength(3);
    expect(onFatal).toHaveBeenCalledTimes(1);
    await expect(engine.call('listJourneys', {})).resolves.toMatchObject({ ok: false });
  });

  it('forwards the engine’s events', () => {
    const { engine, processes } = client();
    const listener = vi.fn();
    engine.onEvent(listener);
    engine.start();
    processes[0]!.reply({ type: 'event', event: 'journeysChanged', payload: { id: 'cart' } });
    expect(listener).toHaveBeenCalledWith('journeysChanged', { id: 'cart' });
  });

  it('answers the engine’s secret requests from main’s store, over the engine’s own port', async () => {
    const { engine, processes, secrets } = client();
    engine.start();
    const child = processes[0]!;
    child.reply({ type: 'secret', id: 1, op: 'set', name: 'smtp-password', value: 'hunter2' });
    await flush();
    expect(await secrets.get('smtp-password')).toBe('hunter2');
    child.reply({ type: 'secret', id: 2, op: 'get', name: 'smtp-password' });
    child.reply({ type: 'secret', id: 3, op: 'get', name: 'ssh-key' });
    child.reply({ type: 'secret', id: 4, op: 'protection' });
    await flush();
    const byId = (a: unknown, b: unknown) => (a as { id: number }).id - (b as { id: number }).id;
    expect(child.posted.slice(1).sort(byId)).toEqual([
      { type: 'secret-reply', id: 1, ok: true },
      { type: 'secret-reply', id: 2, ok: true, value: 'hunter2' },
      { type: 'secret-reply', id: 3, ok: false, message: 'unknown secret' },
      { type: 'secret-reply', id: 4, ok: true, value: 'os' },
    ]);
  });

  it('stops the engine gracefully, and ends it if it does not stop in time', async () => {
    const { engine, processes } = client();
    engine.start();
    processes[0]!.reply({ type: 'ready' });
    const stopped = engine.stop();
    expect(processes[0]!.posted.at(-1)).toEqual({ type: 'stop' });
    processes[0]!.emit('exit', 0);
    await stopped;
    await expect(engine.call('listJourneys', {})).resolves.toMatchObject({ ok: false });

    vi.useFakeTimers();
    const slow = client();
    slow.engine.start();
    const stopping = slow.engine.stop();
    vi.advanceTimersByTime(5000);
    await stopping;
    expect(slow.processes[0]!.kill).toHaveBeenCalled();
    vi.useRealTimers();
  });
});
