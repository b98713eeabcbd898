import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../core/api/menu-commands';
import { HELP_LINKS } from './external-links';

export interface MenuState {
  platform: NodeJS.Platform;
  isDev: boolean;
  appName: string;
  /** File ▸ Open Recent, newest first. */
  recentFiles: readonly { id: string; label: string }[];
}

export interface MenuActions {
  /** Hands a command to the renderer (the `menuCommand` event). */
  command(command: MenuCommand, recentFileId?: string): void;
  clearRecentFiles(): void;
  openHelp(url: string): void;
  showDataFolder(): void;
}

// Windows reads `&` in a label as a keyboard mnemonic; a file named "A&B.json" must show as is.
function menuLabel(text: string): string {
  return text.replace(/&/g, '&&');
}

/**
 * The application menu. Items that act on the journey send a command to the renderer, which
 * owns the document; items that are the platform's own (copy, paste, zoom, full screen, quit)
 * keep their native roles, so text fields, accessibility and macOS services behave natively.
 */
export function buildMenuTemplate(
  state: MenuState,
  actions: MenuActions,
): MenuItemConstructorOptions[] {
  const mac = state.platform === 'darwin';
  const send = (command: MenuCommand) => () => actions.command(command);

  const recent: MenuItemConstructorOptions[] = state.recentFiles.map((file) => ({
    label: menuLabel(file.label),
    click: () => actions.command('openRecent', file.id),
  }));

  const fileMenu: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'New Journey…', accelerator: 'CmdOrCtrl+N', click: send('newJourney') },
      { label: 'Open Journey…', accelerator: 'CmdOrCtrl+O', click: send('openJourney') },
      {
        label: 'Open Recent',
        submenu: [
          ...(recent.length > 0 ? recent : [{ label: 'No Recent Files', enabled: false }]),
          { type: 'separator' },
          {
            label: 'Clear Recently Opened',
            enabled: recent.length > 0,
            click: () => actions.clearRecentFiles(),
          },
        ],
      },
      { type: 'separator' },
      { label: 'Import Profiles…', click: send('importProfiles') },
      { label: 'Import Events…', click: send('importEvents') },
      { type: 'separator' },
      { label: 'Save', accelerator: 'CmdOrCtrl+S', click: send('save') },
      { label: 'Export Journey…', accelerator: 'CmdOrCtrl+Shift+E', click: send('exportJourney') },
      { type: 'separator' },
      mac ? { role: 'close' } : { role: 'quit' },
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      // The journey's history lives in the renderer's store, not in Chromium's editing stack.
      { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: send('undo') },
      {
        label: 'Redo',
        accelerator: mac ? 'Cmd+Shift+Z' : state.platform === 'win32' ? 'Ctrl+Y' : 'Ctrl+Shift+Z',
        click: send('redo'),
      },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(mac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
      { role: 'delete' },
      { role: 'selectAll' },
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { label: 'Fit Journey to Window', accelerator: 'CmdOrCtrl+Shift+1', click: send('fitView') },
      { label: 'Tidy Up Layout', accelerator: 'CmdOrCtrl+Shift+L', click: send('autoLayout') },
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(state.isDev
        ? ([
            { type: 'separator' },
            { role: 'reload' },
            { role: 'forceReload' },
            { role: 'toggleDevTools' },
          ] satisfies MenuItemConstructorOptions[])
        : []),
    ],
  };

  const helpMenu: MenuItemConstructorOptions = {
    role: 'help',
    label: '&Help',
    submenu: [
      { label: 'Liquid Template Reference', click: () => actions.openHelp(HELP_LINKS.liquid) },
      { label: 'Event API (Segment Spec)', click: () => actions.openHelp(HELP_LINKS.eventApi) },
      { label: 'Durations (ISO 8601)', click: () => actions.openHelp(HELP_LINKS.durations) },
      { type: 'separator' },
      { label: 'Show Data Folder', click: () => actions.showDataFolder() },
      ...(mac ? [] : ([{ type: 'separator' }, { role: 'about' }] as const)),
    ],
  };

  return [
    ...(mac
      ? [
          {
            label: state.appName,
            submenu: [
              { role: 'about' },
              { type: 'separator' },
              { role: 'services' },
              { type: 'separator' },
              { role: 'hide' },
              { role: 'hideOthers' },
              { role: 'unhide' },
              { type: 'separator' },
              { role: 'quit' },
            ],
          } satisfies MenuItemConstructorOptions,
        ]
      : []),
    fileMenu,
    editMenu,
    viewMenu,
    ...(mac ? [{ role: 'windowMenu' } satisfies MenuItemConstructorOptions] : []),
    helpMenu,
  ];
}
