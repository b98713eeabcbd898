import {
  BrowserWindow,
  Menu,
  app,
  dialog,
  ipcMain,
  protocol,
  safeStorage,
  session,
  shell,
  utilityProcess,
} from 'electron';
import { existsSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol';
import { appPaths, type AppPaths } from './app-paths';
import { openExternalIfAllowed } from './external-links';
import { recentFileLabels } from './files/recent-files';
import { createIpcRouter, registerIpc, rejectOtherChannels } from './ipc/register-ipc';
import { isTrustedSender } from './ipc/sender-check';
import { createMainWindow, hardenWebContents } from './main-window';
import { buildMenuTemplate } from './menu';
import { createServices, type Services } from './services';
import { hardenSession } from './session-hardening';

const log = (message: string) => console.error(`[journey-studio] ${message}`);
const isDev = !app.isPackaged;
const hardening = { openExternal: (url: string) => shell.openExternal(url), log };

// Before `ready`: the scheme's privileges, and the sandbox for every renderer the app creates.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
app.enableSandbox();

/** Journey files handed over by the OS ("Open with", a double-click, a second launch). */
function journeyFilesIn(argv: readonly string[], cwd: string): string[] {
  return argv
    .filter((arg) => !arg.startsWith('-') && extname(arg).toLowerCase() === '.json')
    .map((arg) => resolve(cwd, arg))
    .filter((path) => existsSync(path));
}

let mainWindow: BrowserWindow | undefined;
let services: Services | undefined;
let disposed = false;
const pendingFiles: string[] = journeyFilesIn(process.argv.slice(1), process.cwd());

function getWindow(): BrowserWindow | undefined {
  return mainWindow && !mainWindow.isDestroyed() ? mainWindow : undefined;
}

/** A file from the OS joins the recent list; the renderer opens it like a recent file. */
async function openFromOs(path: string): Promise<void> {
  if (!services || !getWindow()) {
    pendingFiles.push(path);
    return;
  }
  const entry = await services.recent.add(path, 'journey');
  services.relay.send('menuCommand', { command: 'openRecent', recentFileId: entry.id });
}

function focusWindow(): void {
  const window = getWindow();
  if (!window) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

function installMenu(current: Services, paths: AppPaths): void {
  const files = current.recent.list();
  const labels = recentFileLabels(files);
  const template = buildMenuTemplate(
    {
      platform: process.platform,
      isDev,
      appName: app.name,
      recentFiles: files.map((file) => ({ id: file.id, label: labels.get(file.id) ?? file.path })),
    },
    {
      command: (command, recentFileId) =>
        current.relay.send('menuCommand', {
          command,
          ...(recentFileId !== undefined && { recentFileId }),
        }),
      clearRecentFiles: () => void current.recent.clear(),
      openHelp: (url) => openExternalIfAllowed(url, hardening.openExternal, log),
      showDataFolder: () => void shell.openPath(paths.dataDir),
    },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function openWindow(paths: AppPaths): void {
  const window = createMainWindow({
    preload: paths.preload,
    isDev,
    ...(paths.icon && { icon: paths.icon }),
    ...hardening,
  });
  mainWindow = window;
  rejectOtherChannels(window.webContents, log);
  window.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit' || window.isDestroyed()) return;
    log(`The window's renderer stopped (${details.reason}); reloading it.`);
    window.reload();
  });
  // A file the OS handed over before the page could listen is opened once the page is up.
  window.webContents.once('did-finish-load', () => {
    for (const path of pendingFiles.splice(0)) void openFromOs(path);
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = undefined;
  });
}

async function start(): Promise<void> {
  await app.whenReady();
  const paths = appPaths({
    bundleDir: __dirname,
    appPath: app.getAppPath(),
    isPackaged: app.isPackaged,
    platform: process.platform,
    arch: process.arch,
    userData: app.getPath('userData'),
    env: process.env,
  });
  hardenSession(session.defaultSession, log);
  protocol.handle(APP_SCHEME, createAppProtocolHandler(paths.rendererDir));

  const current = await createServices({
    paths,
    platform: process.platform,
    getWindow,
    forkEngine: (modulePath) =>
      utilityProcess.fork(modulePath, [], {
        serviceName: 'Journey Studio Engine',
        stdio: 'inherit',
      }),
    dialog,
    safeStorage,
    documentsFolder: () => app.getPath('documents'),
    createPrintWindow: (options) => new BrowserWindow(options),
    addRecentDocument: (path) => app.addRecentDocument(path),
    clearRecentDocuments: () => app.clearRecentDocuments(),
    log,
  });
  services = current;

  registerIpc(
    ipcMain,
    createIpcRouter({
      isTrustedSender: (event) => isTrustedSender(event, getWindow()),
      engine: current.engine,
      files: current.files,
      log,
    }),
  );
  installMenu(current, paths);
  current.recent.onChange(() => installMenu(current, paths));
  openWindow(paths);
  app.on('activate', () => {
    if (!getWindow()) openWindow(paths);
  });
}

if (!app.requestSingleInstanceLock()) {
  // The first instance receives our arguments through `second-instance` and focuses its window.
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    focusWindow();
    for (const path of journeyFilesIn(argv.slice(1), workingDirectory)) void openFromOs(path);
  });
  // macOS hands files over through this event, possibly before `ready`.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    void openFromOs(path);
  });
  // Every web contents the app ever creates is held to the main window's rules.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, hardening));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // The engine closes its database before the app exits: quitting waits for it, once.
  app.on('will-quit', (event) => {
    if (disposed || !services) return;
    event.preventDefault();
    disposed = true;
    void services.dispose().finally(() => app.quit());
  });
  app.setAboutPanelOptions({
    applicationName: 'Journey Studio',
    applicationVersion: app.getVersion(),
    copyright: 'MIT License',
  });
  if (process.platform === 'win32') app.setAppUserModelId('studio.journey.app');
  start().catch((error: unknown) => {
    log(
      `Could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    dialog.showErrorBox('Journey Studio could not start', String(error));
    app.exit(1);
  });
}
