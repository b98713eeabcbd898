// better-sqlite3 for Electron, without touching node_modules: the copy there is built for the
// machine's Node and serves the tests, so Electron gets its own build in .electron-native/
// (ignored by git), which main hands to the engine as `nativeBinding`.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { root } from './node-bundle.mjs';

const require = createRequire(import.meta.url);
export const NATIVE_DIR = join(root, '.electron-native');
export const NATIVE_FILE = 'better_sqlite3.node';

function packageVersion(name) {
  return JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version;
}

/** Where the Electron build for a platform and architecture lives (main looks there too). */
export function nativeBindingPath(platform = process.platform, arch = process.arch) {
  return join(NATIVE_DIR, `${platform}-${arch}`, NATIVE_FILE);
}

/**
 * Builds better-sqlite3 against Electron's headers (a prebuilt binary when one is published,
 * otherwise a compile) unless the build for this Electron, module version and target is there.
 * Needs the network the first time, for the prebuilt binary or the headers.
 */
export async function buildElectronNative({
  electronVersion = packageVersion('electron'),
  platform = process.platform,
  arch = process.arch,
  log = console.log,
} = {}) {
  const target = nativeBindingPath(platform, arch);
  const stampFile = join(dirname(target), 'stamp.json');
  const stamp = { electron: electronVersion, betterSqlite3: packageVersion('better-sqlite3') };
  if (existsSync(target) && existsSync(stampFile)) {
    const built = JSON.parse(readFileSync(stampFile, 'utf8'));
    if (built.electron === stamp.electron && built.betterSqlite3 === stamp.betterSqlite3) {
      return target;
    }
  }

  log(`Building better-sqlite3 for Electron ${electronVersion} (${platform}-${arch})…`);
  const work = join(NATIVE_DIR, `build-${platform}-${arch}`);
  rmSync(work, { recursive: true, force: true });
  const source = dirname(require.resolve('better-sqlite3/package.json'));
  const copy = join(work, 'node_modules', 'better-sqlite3');
  // The sources only: the Node build in build/ must not be mistaken for Electron's.
  cpSync(source, copy, {
    recursive: true,
    filter: (path) => !relative(source, path).split(sep).includes('build'),
  });
  writeFileSync(
    join(work, 'package.json'),
    JSON.stringify({
      name: 'electron-native',
      private: true,
      dependencies: { 'better-sqlite3': stamp.betterSqlite3 },
    }),
  );

  try {
    const { rebuild } = await import('@electron/rebuild');
    await rebuild({
      buildPath: work,
      electronVersion,
      platform,
      arch,
      onlyModules: ['better-sqlite3'],
      force: true,
    });
    const built = join(copy, 'build', 'Release', NATIVE_FILE);
    if (!existsSync(built)) throw new Error(`the rebuild finished without ${built}`);
    mkdirSync(dirname(target), { recursive: true });
    cpSync(built, target);
    writeFileSync(stampFile, `${JSON.stringify(stamp, null, 2)}\n`);
    return target;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
