import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { ApiEnvelope } from '../../core/api/contract';
import { CALL_CHANNEL, eventChannel } from '../../electron/ipc-channels';
import { APP_SCHEME_PRIVILEGES } from '../../electron/main/app-protocol';
// Imported here, so the mocked `electron` is made once, from these fakes, and outlives the
// module resets below.
import 'electron';
import * as fakes from './fake-electron';

vi.mock('electron', () => import('./fake-electron').then((m) => m.electronModule()));

/** Starts main (electron/main/index.ts) against fresh fakes; main runs on import. */
async function startMain({ gotLock = true } = {}) {
  fakes.resetFakes();
  vi.resetModules();
  const { fake, FakeBrowserWindow, FakeEngineProcess } = fakes;
  const userData = mkdtempSync(join(tmpdir(), 'user-data-'));
  fake.app.paths.set('userData', userData);
  fake.app.paths.set('documents', join(userData, 'Documents'));
  fake.app.gotLock = gotLock;
  await import('../../electron/main/index');
  if (gotLock) await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1));
  return {
    fake,
    userData,
    window: FakeBrowserWindow.instances[0],
    engine: FakeEngineProcess.instances[0],
  };
}

type MenuItem = { label?: string; click?: () => void; submenu?: MenuItem[] };

function menuItem(label: string): MenuItem | undefined {
  const { fake } = fakes;
  const template = vi.mocked(fake.menu.buildFromTemplate).mock.calls.at(-1)?.[0] as MenuItem[];
  const all = (items: MenuItem[]): MenuItem[] => items.flatMap((i) => [i, ...all(i.submenu ?? [])]);
  return all(template).find((item) => item.label === label);
}

describe('main', () => {
  it('registers the app scheme and the sandbox before the app is ready', async () => {
    const { fake } = await startMain();
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: APP_SCHEME_PRIVILEGES },
    ]);
    expect(fake.app.enableSandbox).toHaveBeenCalled();
  });

  it('hands over to the running instance and quits when one is already running', async () => {
    const { fake } = await startMain({ gotLock: false });
    expect(fake.app.quit).toHaveBeenCalled();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(fakes.FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('wires the protocol, the session, IPC, the menu, the engine and one hardened window', async () => {
    const { fake, window, engine, userData } = await startMain();
    expect(fake.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(fake.session.setPermissionRequestHandler).toHaveBeenCalled();
    expect(fake.ipcMain.handle).toHaveBeenCalledWith(CALL_CHANNEL, expect.any(Function));
    expect(fake.menu.setApplicationMenu).toHaveBeenCalled();
    expect(window?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      devTools: true,
    });
    expect(String((window?.options.webPreferences as { preload: string }).preload)).toMatch(
      /preload\.cjs$/,
    );
    expect(engine?.modulePath).toMatch(/engine\.cjs$/);
    expect(engine?.posted[0]).toMatchObject({
      type: 'init',
      dataDir: userData,
      databaseFile: join(userData, 'journey-studio.db'),
    });
  });

  it('carries a call from the window to the engine and the answer back', async () => {
    const { fake, window, engine } = await startMain();
    engine!.reply({ type: 'ready' });
    const handler = fake.ipcMain.handlers.get(CALL_CHANNEL)!;
    const answer = handler(window!.webContents.ipcEvent(), 'listJourneys', {}) as Promise<
      ApiEnvelope<unknown>
    >;
    await vi.waitFor(() =>
      expect(engine!.posted).toContainEqual({
        type: 'call',
        id: 1,
        method: 'listJourneys',
        input: {},
      }),
    );
    engine!.reply({ type: 'result', id: 1, envelope: { ok: true, value: [] } });
    await expect(answer).resolves.toEqual({ ok: true, value: [] });
  });

  it('relays engine events and menu commands to the window', async () => {
    const { window, engine } = await startMain();
    engine!.reply({ type: 'event', event: 'journeysChanged', payload: { id: 'cart' } });
    expect(window!.webContents.send).toHaveBeenCalledWith(eventChannel('journeysChanged'), {
      id: 'cart',
    });
    menuItem('Save')?.click?.();
    expect(window!.webContents.send).toHaveBeenCalledWith(eventChannel('menuCommand'), {
      command: 'save',
    });
  });

  it('focuses the window when the app is launched again', async () => {
    const { fake, window } = await startMain();
    fake.app.emit('second-instance', {}, ['journey-studio'], '/');
    expect(window!.focus).toHaveBeenCalled();
  });

  it('hardens every web contents the app creates', async () => {
    const { fake } = await startMain();
    const contents = new fakes.FakeWebContents();
    fake.app.emit('web-contents-created', {}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
    expect(contents.emitPreventable('will-navigate', { url: 'https://evil.example/' })).toBe(true);
  });

  it('lets the engine close its database before quitting', async () => {
    const { fake, engine } = await startMain();
    engine!.reply({ type: 'ready' });
    const quit = fakes.preventable({});
    fake.app.emit('will-quit', quit);
    expect(quit.defaultPrevented).toBe(true);
    expect(engine!.posted.at(-1)).toEqual({ type: 'stop' });
    expect(fake.app.quit).not.toHaveBeenCalled();
    engine!.emit('exit', 0);
    await vi.waitFor(() => expect(fake.app.quit).toHaveBeenCalled());
    const again = fakes.preventable({});
    fake.app.emit('will-quit', again);
    expect(again.defaultPrevented).toBe(false);
  });
});
