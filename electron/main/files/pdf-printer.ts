import type { BrowserWindowConstructorOptions } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The part of a BrowserWindow the printer uses. */
export interface PrintWindow {
  loadFile(path: string): Promise<void>;
  destroy(): void;
  webContents: {
    printToPDF(options: { pageSize: 'A4'; printBackground: boolean }): Promise<Uint8Array>;
    setWindowOpenHandler(handler: () => { action: 'deny' }): void;
    on(event: 'will-navigate', listener: (event: { preventDefault(): void }) => void): unknown;
  };
}

export interface PdfPrinterDeps {
  createWindow(options: BrowserWindowConstructorOptions): PrintWindow;
  /** Where the page is written to be loaded (the system's temporary folder). */
  tempFolder?: () => string;
}

/**
 * A hidden window that shows nothing and runs nothing: no scripts, no Node, sandboxed. The pack
 * has no scripts and a policy that loads nothing from outside but images; this makes sure.
 */
export const PRINT_WINDOW_OPTIONS: BrowserWindowConstructorOptions = {
  show: false,
  width: 900,
  height: 1200,
  webPreferences: {
    javascript: false,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    webviewTag: false,
    devTools: false,
  },
};

/**
 * Prints an HTML document to a PDF (A4, backgrounds kept so marks and stale approvals show):
 * written to a file of its own in a fresh temporary folder (a page of a few megabytes is too
 * long for an address), loaded in a hidden window that cannot navigate or open windows, printed
 * with `printToPDF`, and everything removed again.
 */
export async function printHtmlToPdf(html: string, deps: PdfPrinterDeps): Promise<Uint8Array> {
  const folder = await mkdtemp(join(deps.tempFolder?.() ?? tmpdir(), 'journey-studio-pack-'));
  const window = deps.createWindow(PRINT_WINDOW_OPTIONS);
  try {
    window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    window.webContents.on('will-navigate', (event) => event.preventDefault());
    const file = join(folder, 'sign-off-pack.html');
    await writeFile(file, html, 'utf8');
    await window.loadFile(file);
    return await window.webContents.printToPDF({ pageSize: 'A4', printBackground: true });
  } finally {
    window.destroy();
    await rm(folder, { recursive: true, force: true });
  }
}
