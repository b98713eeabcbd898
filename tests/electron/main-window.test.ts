import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebContents } from 'electron';
import { APP_ENTRY_URL } from '../../electron/main/app-protocol';
import {
  createMainWindow,
  hardenWebContents,
  hardenedWebPreferences,
} from '../../electron/main/main-window';
import { FakeWebContents, fake, resetFakes, type FakeBrowserWindow } from './fake-electron';

vi.mock('electron', () => import('./fake-electron').then((m) => m.electronModule()));

function hardened() {
  const contents = new FakeWebContents();
  const openExternal = vi.fn(() => Promise.resolve());
  const log = vi.fn();
  hardenWebContents(contents as unknown as WebContents, { openExternal, log });
  return { contents, openExternal, log };
}

describe('the main window', () => {
  beforeEach(() => resetFakes());

  it('is created with exactly the hardened web preferences', () => {
    const window = createMainWindow({
      preload: '/app/out/electron/preload.cjs',
      isDev: false,
      openExternal: vi.fn(),
      log: vi.fn(),
    });
    const options = (window as unknown as FakeBrowserWindow).options;
    expect(options.webPreferences).toStrictEqual({
      preload: '/app/out/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools: false,
      spellcheck: true,
    });
    expect(options.show).toBe(false);
  });

  it('has developer tools only in development', () => {
    expect(hardenedWebPreferences({ preload: 'p', isDev: true }).devTools).toBe(true);
    expect(hardenedWebPreferences({ preload: 'p', isDev: false }).devTools).toBe(false);
  });

  it('loads the app from the app protocol, never from a file URL', () => {
    const window = createMainWindow({
      preload: 'p',
      isDev: false,
      openExternal: vi.fn(),
      log: vi.fn(),
    });
    expect((window as unknown as FakeBrowserWindow).loadURL).toHaveBeenCalledWith(APP_ENTRY_URL);
  });

  it('shows itself when the first paint is ready', () => {
    const window = createMainWindow({
      preload: 'p',
      isDev: false,
      openExternal: vi.fn(),
      log: vi.fn(),
    });
    const fakeWindow = window as unknown as FakeBrowserWindow;
    expect(fakeWindow.show).not.toHaveBeenCalled();
    fakeWindow.emit('ready-to-show');
    expect(fakeWindow.show).toHaveBeenCalled();
  });
});

describe('hardened web contents', () => {
  beforeEach(() => resetFakes());

  it('denies every new window, opening allow-listed links in the browser instead', () => {
    const { contents, openExternal } = hardened();
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/phish' })).toEqual({
      action: 'deny',
    });
    expect(openExternal).not.toHaveBeenCalled();
    expect(contents.windowOpenHandler?.({ url: 'https://liquidjs.com/filters/date.html' })).toEqual(
      { action: 'deny' },
    );
    expect(openExternal).toHaveBeenCalledWith('https://liquidjs.com/filters/date.html');
  });

  it('blocks navigation away from the app', () => {
    const { contents, openExternal } = hardened();
    for (const url of [
      'https://evil.example/',
      'file:///etc/passwd',
      'app://other-host/index.html',
      'javascript:alert(1)',
      'http://127.0.0.1:5173/',
    ]) {
      expect(contents.emitPreventable('will-navigate', { url, isMainFrame: true })).toBe(true);
    }
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('lets the app navigate within itself', () => {
    const { contents } = hardened();
    expect(
      contents.emitPreventable('will-navigate', {
        url: `${APP_ENTRY_URL}#/journeys`,
        isMainFrame: true,
      }),
    ).toBe(false);
  });

  it('opens an allow-listed link the user follows in the browser, not in the window', () => {
    const { contents, openExternal } = hardened();
    const url = 'https://segment.com/docs/connections/spec/track/';
    expect(contents.emitPreventable('will-navigate', { url, isMainFrame: true })).toBe(true);
    expect(openExternal).toHaveBeenCalledWith(url);
  });

  it('blocks redirects out of the app', () => {
    const { contents } = hardened();
    expect(contents.emitPreventable('will-redirect', { url: 'https://evil.example/' })).toBe(true);
    expect(contents.emitPreventable('will-redirect', { url: `${APP_ENTRY_URL}` })).toBe(false);
  });

  it('keeps frames (the email preview) from navigating anywhere but to their own document', () => {
    const { contents, openExternal } = hardened();
    expect(
      contents.emitPreventable('will-frame-navigate', {
        url: 'https://tracker.example/click',
        isMainFrame: false,
      }),
    ).toBe(true);
    expect(
      contents.emitPreventable('will-frame-navigate', { url: 'about:srcdoc', isMainFrame: false }),
    ).toBe(false);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('refuses to attach a <webview>', () => {
    const { contents } = hardened();
    expect(contents.emitPreventable('will-attach-webview', {}, {}, { src: 'https://x' })).toBe(
      true,
    );
  });

  it('is applied once, however often it is asked for', () => {
    const { contents, openExternal, log } = hardened();
    hardenWebContents(contents as unknown as WebContents, { openExternal, log });
    expect(contents.listenerCount('will-navigate')).toBe(1);
    expect(fake.shell.openExternal).not.toHaveBeenCalled();
  });
});
