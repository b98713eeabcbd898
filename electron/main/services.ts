import type { BrowserWindow, Dialog, SafeStorage, UtilityProcess } from 'electron';
import type { SecretStore } from '../../core/runtime/secret-store';
import type { AppPaths } from './app-paths';
import { EngineClient, type EngineProcess } from './engine-client';
import { createFileHandlers, type FileHandlers } from './files/file-handlers';
import { printHtmlToPdf, type PdfPrinterDeps } from './files/pdf-printer';
import { RecentFiles } from './files/recent-files';
import { createEventRelay, type EventRelay } from './ipc/event-relay';
import { createSafeStorageSecretStore } from './safe-storage-secrets';

export interface ServicesDeps {
  paths: AppPaths;
  platform: NodeJS.Platform;
  getWindow: () => BrowserWindow | undefined;
  forkEngine: (modulePath: string) => UtilityProcess;
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog' | 'showErrorBox'>;
  safeStorage: SafeStorage;
  documentsFolder: () => string;
  /** A hidden window to print the sign-off pack in. */
  createPrintWindow: PdfPrinterDeps['createWindow'];
  addRecentDocument: (path: string) => void;
  clearRecentDocuments: () => void;
  log: (message: string) => void;
}

export interface Services {
  engine: EngineClient;
  files: FileHandlers;
  recent: RecentFiles;
  relay: EventRelay;
  secrets: SecretStore;
  dispose(): Promise<void>;
}

/**
 * The composition root of the desktop app: the one place that decides which implementation
 * serves which port. The engine starts in its own process straight away and opens the database
 * there; nothing here waits for it, so the window appears at once and its first calls queue.
 */
export async function createServices(deps: ServicesDeps): Promise<Services> {
  const { paths, log } = deps;
  const relay = createEventRelay(deps.getWindow, log);
  const secrets = createSafeStorageSecretStore({
    safeStorage: deps.safeStorage,
    file: paths.secrets,
    platform: deps.platform,
    warn: (message) => log(`Warning: ${message}`),
  });

  if (!paths.nativeBinding) {
    log(
      'Electron’s build of better-sqlite3 is missing (run `npm start`, which builds it into .electron-native/).',
    );
  }
  const engine = new EngineClient({
    spawn: (): EngineProcess => deps.forkEngine(paths.engine),
    init: {
      dataDir: paths.dataDir,
      databaseFile: paths.databaseFile,
      ...(paths.nativeBinding && { nativeBinding: paths.nativeBinding }),
    },
    secrets,
    log: (message) => log(`[engine] ${message}`),
    onFatal: (message) => deps.dialog.showErrorBox('Journey Studio', message),
  });
  engine.onEvent((event, payload) => relay.sendFromEngine(event, payload));
  engine.start();

  const recent = await RecentFiles.load({
    file: paths.recentFiles,
    addToOs: deps.addRecentDocument,
    clearOs: deps.clearRecentDocuments,
    log,
  });

  // Dialogs are sheets of the window (modal to it), so the page cannot stack several.
  const files = createFileHandlers({
    showOpenDialog: (options) => {
      const window = deps.getWindow();
      return window
        ? deps.dialog.showOpenDialog(window, options)
        : deps.dialog.showOpenDialog(options);
    },
    showSaveDialog: (options) => {
      const window = deps.getWindow();
      return window
        ? deps.dialog.showSaveDialog(window, options)
        : deps.dialog.showSaveDialog(options);
    },
    recent,
    defaultFolder: deps.documentsFolder,
    printToPdf: (html) => printHtmlToPdf(html, { createWindow: deps.createPrintWindow }),
  });

  return {
    engine,
    files,
    recent,
    relay,
    secrets,
    dispose: () => engine.stop(),
  };
}
