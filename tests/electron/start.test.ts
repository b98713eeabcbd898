import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  displayProblem,
  electronBinaryPath,
  locateElectron,
} from '../../scripts/electron-launch.mjs';
import { startApp } from '../../scripts/start-app.mjs';

function electronPackage({ installed }: { installed: boolean }) {
  const dir = mkdtempSync(join(tmpdir(), 'electron-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ version: '45.4.1' }));
  if (installed) {
    writeFileSync(join(dir, 'path.txt'), 'electron');
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'electron'), '#!/bin/sh\n');
    chmodSync(join(dir, 'dist', 'electron'), 0o755);
  }
  return dir;
}

describe('finding Electron', () => {
  it('uses the installed binary without downloading', async () => {
    const electronDir = electronPackage({ installed: true });
    const download = vi.fn();
    const located = await locateElectron({ electronDir, env: {}, download, log: vi.fn() });
    expect(located).toEqual({ ok: true, path: join(electronDir, 'dist', 'electron') });
    expect(download).not.toHaveBeenCalled();
  });

  it('tries the download once, briefly, and says why it failed', async () => {
    const electronDir = electronPackage({ installed: false });
    const download = vi.fn(() =>
      Promise.resolve({ ok: false as const, reason: 'TypeError: fetch failed' }),
    );
    const located = await locateElectron({
      electronDir,
      env: {},
      download,
      timeoutMs: 5000,
      log: vi.fn(),
    });
    expect(download).toHaveBeenCalledWith({ electronDir, timeoutMs: 5000 });
    expect(located).toEqual({
      ok: false,
      reason:
        'the Electron 45.4.1 binary is not installed and could not be downloaded (TypeError: fetch failed)',
    });
  });

  it('does not download when ELECTRON_SKIP_BINARY_DOWNLOAD is set', async () => {
    const electronDir = electronPackage({ installed: false });
    const download = vi.fn();
    const located = await locateElectron({
      electronDir,
      env: { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
      download,
      log: vi.fn(),
    });
    expect(located).toMatchObject({
      ok: false,
      reason: expect.stringContaining('ELECTRON_SKIP_BINARY_DOWNLOAD') as unknown,
    });
    expect(download).not.toHaveBeenCalled();
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH', () => {
    const electronDir = electronPackage({ installed: true });
    const elsewhere = electronPackage({ installed: true });
    expect(
      electronBinaryPath(electronDir, { ELECTRON_OVERRIDE_DIST_PATH: join(elsewhere, 'dist') }),
    ).toBe(join(elsewhere, 'dist', 'electron'));
  });

  it('knows that Linux without a display server shows no window', () => {
    expect(displayProblem('linux', {})).toMatch(/no display/);
    expect(displayProblem('linux', { DISPLAY: ':0' })).toBeUndefined();
    expect(displayProblem('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toBeUndefined();
    expect(displayProblem('darwin', {})).toBeUndefined();
  });
});

describe('npm start', () => {
  const unavailable = () =>
    Promise.resolve({ ok: false as const, reason: 'the Electron 45.4.1 binary is not installed' });

  it('opens the desktop window where Electron can run', async () => {
    const launch = vi.fn(() => Promise.resolve(0));
    const loadWeb = vi.fn();
    const code = await startApp({
      env: { DISPLAY: ':0' },
      platform: 'linux',
      locate: () => Promise.resolve({ ok: true, path: '/electron' }),
      prepare: () => Promise.resolve({ ok: true, nativeBinding: '/n.node' }),
      launch,
      loadWeb,
      warn: vi.fn(),
    });
    expect(code).toBe(0);
    expect(launch).toHaveBeenCalledWith('/electron', {
      nativeBinding: '/n.node',
      env: { DISPLAY: ':0' },
    });
    expect(loadWeb).not.toHaveBeenCalled();
  });

  it('says why there is no window and starts browser mode instead', async () => {
    const warn = vi.fn();
    const log = vi.fn();
    const startWeb = vi.fn(() => Promise.resolve({ url: 'http://127.0.0.1:5180/#token=t' }));
    const code = await startApp({
      argv: ['--port', '5180', '--data', '/tmp/library'],
      locate: unavailable,
      loadWeb: () => Promise.resolve({ startWeb }),
      warn,
      log,
    });
    expect(log.mock.calls.at(-1)?.[0]).toContain('http://127.0.0.1:5180/#token=t');
    expect(code).toBeUndefined();
    expect(warn).toHaveBeenCalledWith(
      'Journey Studio cannot open its desktop window here: the Electron 45.4.1 binary is not installed.',
    );
    expect(startWeb).toHaveBeenCalledWith({ port: 5180, dataDir: '/tmp/library' });
  });

  it('falls back when there is no display, even with Electron installed', async () => {
    const warn = vi.fn();
    const startWeb = vi.fn(() => Promise.resolve({}));
    const prepare = vi.fn();
    await startApp({
      env: {},
      platform: 'linux',
      locate: () => Promise.resolve({ ok: true, path: '/electron' }),
      prepare,
      loadWeb: () => Promise.resolve({ startWeb }),
      warn,
    });
    expect(prepare).not.toHaveBeenCalled();
    expect(warn.mock.calls[0]?.[0]).toMatch(/no display/);
    expect(startWeb).toHaveBeenCalled();
  });

  it('falls back when the desktop app cannot be built (no Electron headers, say)', async () => {
    const warn = vi.fn();
    const startWeb = vi.fn(() => Promise.resolve({}));
    await startApp({
      env: { DISPLAY: ':0' },
      platform: 'linux',
      locate: () => Promise.resolve({ ok: true, path: '/electron' }),
      prepare: () =>
        Promise.resolve({ ok: false, reason: 'the desktop app could not be built (offline)' }),
      loadWeb: () => Promise.resolve({ startWeb }),
      warn,
    });
    expect(warn.mock.calls[0]?.[0]).toMatch(/could not be built \(offline\)/);
    expect(startWeb).toHaveBeenCalled();
  });

  it('exits non-zero, saying so, when browser mode is not there either', async () => {
    const warn = vi.fn();
    const missing = Object.assign(
      new Error(`Cannot find module '${join(process.cwd(), 'scripts', 'web.mjs')}'`),
      { code: 'ERR_MODULE_NOT_FOUND' },
    );
    const code = await startApp({
      locate: unavailable,
      loadWeb: () => Promise.reject(missing),
      warn,
    });
    expect(code).toBe(1);
    expect(warn.mock.calls.at(-1)?.[0]).toMatch(/Browser mode.*not in this checkout yet/);
  });

  it('does not mistake a broken browser mode for a missing one', async () => {
    const broken = Object.assign(new Error("Cannot find module 'left-pad'"), {
      code: 'ERR_MODULE_NOT_FOUND',
    });
    await expect(
      startApp({ locate: unavailable, loadWeb: () => Promise.reject(broken), warn: vi.fn() }),
    ).rejects.toThrow('left-pad');
  });
});
