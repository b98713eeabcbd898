// A stand-in for the `electron` module: just enough of main's and the preload's API for the
// shell's code to run under Node, with every call observable. Tests mock `electron` with it:
//   vi.mock('electron', () => import('./fake-electron').then((m) => m.electronModule()));
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';
import { APP_ENTRY_URL } from '../../electron/main/app-protocol';

let nextId = 1;

export interface FakeFrame {
  processId: number;
  routingId: number;
  parent: FakeFrame | null;
  url: string;
}

/** An event as Electron passes it: the details plus `preventDefault`. */
export function preventable<T extends object>(details: T) {
  let prevented = false;
  return {
    ...details,
    preventDefault: () => {
      prevented = true;
    },
    get defaultPrevented() {
      return prevented;
    },
  };
}

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  url = APP_ENTRY_URL;
  readonly mainFrame: FakeFrame = {
    processId: 7,
    routingId: this.id,
    parent: null,
    url: APP_ENTRY_URL,
  };
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  readonly setWindowOpenHandler = vi.fn(
    (handler: (details: { url: string }) => { action: string }) => {
      this.windowOpenHandler = handler;
    },
  );
  readonly send = vi.fn();
  getURL(): string {
    return this.url;
  }

  /** Emits `event` with a preventable event object; says whether a listener prevented it. */
  emitPreventable(event: string, details: object, ...rest: unknown[]): boolean {
    const e = preventable(details);
    this.emit(event, e, ...rest);
    return e.defaultPrevented;
  }

  /** An IPC event as if sent from `frame` of this web contents (its main frame by default). */
  ipcEvent(frame: FakeFrame | null = this.mainFrame) {
    return { sender: this, senderFrame: frame };
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  destroyed = false;
  readonly loadURL = vi.fn(() => Promise.resolve());
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  readonly reload = vi.fn();

  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
    fake.app.emit('web-contents-created', {}, this.webContents);
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  isMinimized(): boolean {
    return false;
  }
}

export class FakeEngineProcess extends EventEmitter {
  static instances: FakeEngineProcess[] = [];
  readonly posted: unknown[] = [];
  readonly kill = vi.fn(() => {
    this.emit('exit', 0);
    return true;
  });

  constructor(readonly modulePath: string) {
    super();
    FakeEngineProcess.instances.push(this);
  }

  postMessage(message: unknown): void {
    this.posted.push(message);
  }

  /** A message from the engine process to main. */
  reply(message: unknown): void {
    this.emit('message', message);
  }
}

class FakeSession extends EventEmitter {
  permissionRequestHandler: ((...args: unknown[]) => void) | undefined;
  permissionCheckHandler: ((...args: unknown[]) => boolean) | undefined;
  devicePermissionHandler: ((...args: unknown[]) => boolean) | undefined;
  displayMediaRequestHandler: ((...args: unknown[]) => void) | undefined;
  readonly setPermissionRequestHandler = vi.fn((handler: (...args: unknown[]) => void) => {
    this.permissionRequestHandler = handler;
  });
  readonly setPermissionCheckHandler = vi.fn((handler: (...args: unknown[]) => boolean) => {
    this.permissionCheckHandler = handler;
  });
  readonly setDevicePermissionHandler = vi.fn((handler: (...args: unknown[]) => boolean) => {
    this.devicePermissionHandler = handler;
  });
  readonly setDisplayMediaRequestHandler = vi.fn((handler: (...args: unknown[]) => void) => {
    this.displayMediaRequestHandler = handler;
  });
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  name = 'Journey Studio';
  gotLock = true;
  appPath = '/nonexistent/journey-studio';
  readonly paths = new Map<string, string>();
  readonly enableSandbox = vi.fn();
  readonly quit = vi.fn();
  readonly exit = vi.fn();
  readonly setAboutPanelOptions = vi.fn();
  readonly setAppUserModelId = vi.fn();
  readonly addRecentDocument = vi.fn();
  readonly clearRecentDocuments = vi.fn();
  readonly requestSingleInstanceLock = vi.fn(() => this.gotLock);
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  getAppPath(): string {
    return this.appPath;
  }
  getPath(name: string): string {
    return this.paths.get(name) ?? `/nonexistent/${name}`;
  }
  getVersion(): string {
    return '0.0.0-test';
  }
}

function createFakes() {
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  return {
    app: new FakeApp(),
    session: new FakeSession(),
    ipcMain: {
      handlers,
      handle: vi.fn((channel: string, handler: (...args: unknown[]) => unknown) => {
        handlers.set(channel, handler);
      }),
      removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
    },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(),
      handle: vi.fn(),
    },
    menu: {
      buildFromTemplate: vi.fn((template: unknown) => ({ template })),
      setApplicationMenu: vi.fn(),
    },
    dialog: {
      showOpenDialog: vi.fn(() => Promise.resolve({ canceled: true, filePaths: [] })),
      showSaveDialog: vi.fn(() => Promise.resolve({ canceled: true })),
      showErrorBox: vi.fn(),
    },
    shell: {
      openExternal: vi.fn(() => Promise.resolve()),
      openPath: vi.fn(() => Promise.resolve('')),
    },
    safeStorage: {
      isEncryptionAvailable: () => true,
      encryptString: (text: string) => Buffer.from(text, 'utf8').reverse(),
      decryptString: (data: Buffer) => Buffer.from(data).reverse().toString('utf8'),
      getSelectedStorageBackend: () => 'gnome_libsecret',
    },
    utilityProcess: {
      fork: vi.fn((modulePath: string) => new FakeEngineProcess(modulePath)),
    },
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: Object.assign(new EventEmitter(), { invoke: vi.fn() }),
  };
}

export let fake = createFakes();

/** Fresh fakes for the next test (call before importing the module under test). */
export function resetFakes(): void {
  fake = createFakes();
  FakeBrowserWindow.instances = [];
  FakeEngineProcess.instances = [];
}

/** The `electron` module, backed by the current fakes. */
export function electronModule() {
  return {
    get app() {
      return fake.app;
    },
    BrowserWindow: FakeBrowserWindow,
    get session() {
      return { defaultSession: fake.session };
    },
    get ipcMain() {
      return fake.ipcMain;
    },
    get protocol() {
      return fake.protocol;
    },
    get Menu() {
      return fake.menu;
    },
    get dialog() {
      return fake.dialog;
    },
    get shell() {
      return fake.shell;
    },
    get safeStorage() {
      return fake.safeStorage;
    },
    get utilityProcess() {
      return fake.utilityProcess;
    },
    get contextBridge() {
      return fake.contextBridge;
    },
    get ipcRenderer() {
      return fake.ipcRenderer;
    },
  };
}
