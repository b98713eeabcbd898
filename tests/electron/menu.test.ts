import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { MENU_COMMANDS } from '../../core/api/menu-commands';
import { buildMenuTemplate, type MenuActions, type MenuState } from '../../electron/main/menu';

function build(state: Partial<MenuState> = {}) {
  const actions: MenuActions = {
    command: vi.fn(),
    clearRecentFiles: vi.fn(),
    openHelp: vi.fn(),
    showDataFolder: vi.fn(),
  };
  const template = buildMenuTemplate(
    { platform: 'linux', isDev: false, appName: 'Journey Studio', recentFiles: [], ...state },
    actions,
  );
  return { template, actions };
}

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? items(item.submenu) : []),
  ]);
}

function click(item: MenuItemConstructorOptions | undefined): void {
  (item?.click as (() => void) | undefined)?.();
}

const find = (template: MenuItemConstructorOptions[], label: string) =>
  items(template).find((item) => item.label === label);

describe('the application menu', () => {
  it('has File, Edit, View and Help', () => {
    const { template } = build();
    expect(template.map((item) => item.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
  });

  it('reaches every menu command, each sent to the renderer by name', () => {
    const { template, actions } = build({ recentFiles: [{ id: 'r1', label: 'cart.json' }] });
    for (const item of items(template)) click(item);
    const sent = vi.mocked(actions.command).mock.calls.map(([command]) => command);
    expect(new Set(sent)).toEqual(new Set(MENU_COMMANDS));
  });

  it('opens a recent file by id, and offers to clear the list', () => {
    const { template, actions } = build({
      recentFiles: [
        { id: 'r1', label: 'cart.json' },
        { id: 'r2', label: 'Ben & Jerry.json' },
      ],
    });
    click(find(template, 'cart.json'));
    expect(actions.command).toHaveBeenCalledWith('openRecent', 'r1');
    // Windows reads a single & as a mnemonic.
    expect(find(template, 'Ben && Jerry.json')).toBeDefined();
    click(find(template, 'Clear Recently Opened'));
    expect(actions.clearRecentFiles).toHaveBeenCalled();
  });

  it('shows an empty recent list as such', () => {
    const { template } = build();
    expect(find(template, 'No Recent Files')).toMatchObject({ enabled: false });
    expect(find(template, 'Clear Recently Opened')).toMatchObject({ enabled: false });
  });

  it('undoes through the journey’s history, and keeps native editing roles', () => {
    const { template } = build();
    expect(find(template, 'Undo')).toMatchObject({ accelerator: 'CmdOrCtrl+Z' });
    expect(find(template, 'Undo')).not.toHaveProperty('role');
    const roles = items(template).map((item) => item.role);
    expect(roles).toEqual(expect.arrayContaining(['cut', 'copy', 'paste', 'selectAll', 'quit']));
  });

  it('has the platform’s own redo shortcut', () => {
    expect(find(build({ platform: 'win32' }).template, 'Redo')?.accelerator).toBe('Ctrl+Y');
    expect(find(build({ platform: 'darwin' }).template, 'Redo')?.accelerator).toBe('Cmd+Shift+Z');
  });

  it('offers reload and developer tools only in development', () => {
    const roles = (isDev: boolean) => items(build({ isDev }).template).map((item) => item.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
    expect(roles(true)).toEqual(expect.arrayContaining(['toggleDevTools', 'reload']));
  });

  it('follows macOS conventions on a Mac', () => {
    const { template } = build({ platform: 'darwin' });
    expect(template[0]?.label).toBe('Journey Studio');
    const roles = items(template).map((item) => item.role);
    expect(roles).toEqual(
      expect.arrayContaining(['about', 'hide', 'services', 'windowMenu', 'close']),
    );
  });

  it('opens help pages and the data folder', () => {
    const { template, actions } = build();
    click(find(template, 'Liquid Template Reference'));
    expect(actions.openHelp).toHaveBeenCalledWith(
      expect.stringMatching(/^https:\/\/liquidjs\.com\//),
    );
    click(find(template, 'Show Data Folder'));
    expect(actions.showDataFolder).toHaveBeenCalled();
  });
});
