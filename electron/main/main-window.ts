import {
  BrowserWindow,
  type BrowserWindowConstructorOptions,
  type WebContents,
  type WebPreferences,
} from 'electron';
import { APP_ENTRY_URL, isAppUrl } from './app-protocol';
import { openExternalIfAllowed } from './external-links';

export interface WindowOptionsInput {
  preload: string;
  /** Developer tools exist only in development builds. */
  isDev: boolean;
  /** The window icon; Linux shows it (other platforms take the packaged app's). */
  icon?: string;
}

/** Electron's security checklist, item by item; every value spelled out, none left to defaults. */
export function hardenedWebPreferences({ preload, isDev }: WindowOptionsInput): WebPreferences {
  return {
    preload,
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
    devTools: isDev,
    spellcheck: true,
  };
}

export function mainWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: 'Journey Studio',
    // Shown once the first paint is ready, on the app's own background: no white flash.
    show: false,
    backgroundColor: '#f8fafc',
    ...(input.icon && { icon: input.icon }),
    webPreferences: hardenedWebPreferences(input),
  };
}

export interface HardeningDeps {
  openExternal: (url: string) => Promise<void>;
  log: (message: string) => void;
}

const FRAME_DOCUMENTS_WITHOUT_URL = new Set(['about:srcdoc', 'about:blank']);
const hardened = new WeakSet<WebContents>();

/**
 * Keeps a web contents on the app: no new windows, no navigation away from the app origin in the
 * window or in any frame, no redirects out, no `<webview>`. Links the user follows to allowed
 * reference pages open in the browser instead.
 */
export function hardenWebContents(contents: WebContents, deps: HardeningDeps): void {
  // Applied both where the window is made and to every new web contents: once is enough.
  if (hardened.has(contents)) return;
  hardened.add(contents);
  contents.setWindowOpenHandler(({ url }) => {
    openExternalIfAllowed(url, deps.openExternal, deps.log);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    openExternalIfAllowed(event.url, deps.openExternal, deps.log);
  });
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame || isAppUrl(event.url) || FRAME_DOCUMENTS_WITHOUT_URL.has(event.url)) {
      return;
    }
    deps.log(`Blocked a frame navigating to ${event.url}.`);
    event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (isAppUrl(event.url)) return;
    deps.log(`Blocked a redirect to ${event.url}.`);
    event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}

export interface MainWindowDeps extends HardeningDeps, WindowOptionsInput {
  /** The URL of the renderer; the app protocol in every build. */
  url?: string;
}

export function createMainWindow(deps: MainWindowDeps): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(deps));
  hardenWebContents(window.webContents, deps);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(deps.url ?? APP_ENTRY_URL);
  return window;
}
