import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  PRINT_WINDOW_OPTIONS,
  printHtmlToPdf,
  type PrintWindow,
} from '../../electron/main/files/pdf-printer';

function fakeWindow(fail = false) {
  const loaded: string[] = [];
  const listeners = new Map<string, (event: { preventDefault(): void }) => void>();
  let openHandler: (() => { action: 'deny' }) | undefined;
  const window = {
    loadFile: vi.fn((path: string) => {
      loaded.push(readFileSync(path, 'utf8'));
      return Promise.resolve();
    }),
    destroy: vi.fn(),
    webContents: {
      printToPDF: vi.fn(() =>
        fail
          ? Promise.reject(new Error('printer jammed'))
          : Promise.resolve(new Uint8Array([37, 80, 68, 70])),
      ),
      setWindowOpenHandler: vi.fn((handler: () => { action: 'deny' }) => {
        openHandler = handler;
      }),
      on: vi.fn((event: string, listener: (e: { preventDefault(): void }) => void) =>
        listeners.set(event, listener),
      ),
    },
  } satisfies PrintWindow;
  return { window, loaded, listeners, openHandler: () => openHandler };
}

describe('printing the sign-off pack to PDF', () => {
  it('prints the page in a hidden window that runs no scripts and cannot navigate, then cleans up', async () => {
    const temp = mkdtempSync(join(tmpdir(), 'pdf-'));
    const fake = fakeWindow();
    const createWindow = vi.fn(() => fake.window);
    const pdf = await printHtmlToPdf('<h1>Pack</h1>', { createWindow, tempFolder: () => temp });
    expect([...pdf]).toEqual([37, 80, 68, 70]);
    expect(createWindow).toHaveBeenCalledWith(PRINT_WINDOW_OPTIONS);
    expect(PRINT_WINDOW_OPTIONS).toMatchObject({
      show: false,
      webPreferences: { javascript: false, sandbox: true, nodeIntegration: false },
    });
    expect(fake.loaded).toEqual(['<h1>Pack</h1>']);
    expect(fake.window.webContents.printToPDF).toHaveBeenCalledWith({
      pageSize: 'A4',
      printBackground: true,
    });
    expect(fake.openHandler()?.()).toEqual({ action: 'deny' });
    const prevent = vi.fn();
    fake.listeners.get('will-navigate')?.({ preventDefault: prevent });
    expect(prevent).toHaveBeenCalled();
    expect(fake.window.destroy).toHaveBeenCalled();
    const loadedFrom = fake.window.loadFile.mock.calls[0]?.[0] ?? '';
    expect(loadedFrom.startsWith(temp)).toBe(true);
    expect(existsSync(loadedFrom)).toBe(false);
  });

  it('closes the window and removes the page when printing fails', async () => {
    const temp = mkdtempSync(join(tmpdir(), 'pdf-'));
    const fake = fakeWindow(true);
    await expect(
      printHtmlToPdf('x', { createWindow: () => fake.window, tempFolder: () => temp }),
    ).rejects.toThrow('printer jammed');
    expect(fake.window.destroy).toHaveBeenCalled();
    expect(existsSync(fake.window.loadFile.mock.calls[0]?.[0] ?? '')).toBe(false);
  });
});
