import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appPaths, type AppPathsInput } from '../../electron/main/app-paths';

function input(overrides: Partial<AppPathsInput>): AppPathsInput {
  return {
    bundleDir: '/project/out/electron',
    appPath: '/project',
    isPackaged: false,
    platform: 'linux',
    arch: 'x64',
    userData: '/home/ada/.config/Journey Studio',
    env: {},
    ...overrides,
  };
}

describe('app paths', () => {
  it('finds the bundles and the renderer beside the main bundle', () => {
    const paths = appPaths(input({}));
    expect(paths.preload).toBe(join('/project/out/electron', 'preload.cjs'));
    expect(paths.engine).toBe(join('/project/out/electron', 'engine.cjs'));
    expect(paths.rendererDir).toBe(join('/project/out', 'renderer'));
  });

  it('keeps the library in the data folder, or where JOURNEY_STUDIO_DATA says', () => {
    expect(appPaths(input({})).databaseFile).toBe(
      join('/home/ada/.config/Journey Studio', 'journey-studio.db'),
    );
    const moved = appPaths(input({ env: { JOURNEY_STUDIO_DATA: '/srv/journeys' } }));
    expect(moved.databaseFile).toBe(join('/srv/journeys', 'journey-studio.db'));
    expect(moved.secrets).toBe(join('/srv/journeys', 'secrets.json'));
  });

  it('loads Electron’s better-sqlite3 from .electron-native in development', () => {
    const project = mkdtempSync(join(tmpdir(), 'project-'));
    const native = join(project, '.electron-native', 'linux-x64', 'better_sqlite3.node');
    expect(appPaths(input({ appPath: project })).nativeBinding).toBeUndefined();
    mkdirSync(join(project, '.electron-native', 'linux-x64'), { recursive: true });
    writeFileSync(native, '');
    expect(appPaths(input({ appPath: project })).nativeBinding).toBe(native);
  });

  it('loads it from outside the asar archive when packaged', () => {
    const resources = mkdtempSync(join(tmpdir(), 'resources-'));
    const native = join(resources, 'app.asar.unpacked', 'native', 'better_sqlite3.node');
    mkdirSync(join(resources, 'app.asar.unpacked', 'native'), { recursive: true });
    writeFileSync(native, '');
    const paths = appPaths(input({ appPath: join(resources, 'app.asar'), isPackaged: true }));
    expect(paths.nativeBinding).toBe(native);
  });
});
