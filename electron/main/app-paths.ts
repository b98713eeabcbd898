import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** better-sqlite3's native module, built for Electron (scripts/electron-native.mjs). */
export const NATIVE_BINDING_FILE = 'better_sqlite3.node';

/** The database file in the data folder; browser mode opens the same one. */
export const DATABASE_FILE = 'journey-studio.db';

export interface AppPathsInput {
  /** The folder of the built main bundle (`out/electron`). */
  bundleDir: string;
  /** `app.getPath('userData')`; `JOURNEY_STUDIO_DATA` overrides it for the library. */
  userData: string;
  /** `app.getAppPath()`: the project in development, `…/resources/app.asar` when packaged. */
  appPath: string;
  isPackaged: boolean;
  platform: NodeJS.Platform;
  arch: string;
  env: NodeJS.ProcessEnv;
}

export interface AppPaths {
  rendererDir: string;
  preload: string;
  engine: string;
  dataDir: string;
  databaseFile: string;
  recentFiles: string;
  secrets: string;
  /** Electron's build of better-sqlite3; undefined when it is missing. */
  nativeBinding: string | undefined;
  icon: string | undefined;
}

/**
 * Where everything is, in development and packaged alike. The native module is never loaded
 * from node_modules: that copy is built for the machine's Node and serves the tests.
 */
export function appPaths(input: AppPathsInput): AppPaths {
  const { bundleDir, appPath } = input;
  const nativeBinding = input.isPackaged
    ? // Native code cannot load from inside the asar archive; electron-builder unpacks it.
      join(appPath.replace(/\.asar$/, '.asar.unpacked'), 'native', NATIVE_BINDING_FILE)
    : (input.env.JOURNEY_STUDIO_NATIVE_BINDING ??
      join(appPath, '.electron-native', `${input.platform}-${input.arch}`, NATIVE_BINDING_FILE));
  const icon = join(appPath, 'assets', 'icons', 'png', '512x512.png');
  // The same override browser mode honours, so both can point at one library.
  const dataDir = input.env.JOURNEY_STUDIO_DATA || input.userData;
  return {
    rendererDir: join(bundleDir, '..', 'renderer'),
    preload: join(bundleDir, 'preload.cjs'),
    engine: join(bundleDir, 'engine.cjs'),
    dataDir,
    databaseFile: join(dataDir, DATABASE_FILE),
    recentFiles: join(dataDir, 'recent-files.json'),
    secrets: join(dataDir, 'secrets.json'),
    nativeBinding: existsSync(nativeBinding) ? nativeBinding : undefined,
    icon: input.platform === 'linux' && existsSync(icon) ? icon : undefined,
  };
}
