// `npm run dist [-- <electron-builder options>]`: installers for this platform (or the ones
// named, e.g. `-- --linux AppImage deb`), in dist/. Builds the bundles and Electron's
// better-sqlite3 first; electron-builder then packs them (electron-builder.yml).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { buildRenderer, buildShell } from './electron-build.mjs';
import { buildElectronNative } from './electron-native.mjs';
import { root } from './node-bundle.mjs';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);

const PLATFORM_FLAGS = {
  '--linux': 'linux',
  '-l': 'linux',
  '--win': 'win32',
  '-w': 'win32',
  '--mac': 'darwin',
  '-m': 'darwin',
};
const ARCH_FLAGS = ['x64', 'arm64', 'ia32', 'armv7l'];

const platforms = [...new Set(args.flatMap((arg) => PLATFORM_FLAGS[arg] ?? []))];
const arches = ARCH_FLAGS.filter((arch) => args.includes(`--${arch}`));

await buildShell({ production: true });
await buildRenderer();
// One native build per target; another platform's can only come from a published prebuilt
// binary (native code is not cross-compiled).
for (const platform of platforms.length > 0 ? platforms : [process.platform]) {
  for (const arch of arches.length > 0 ? arches : [process.arch]) {
    await buildElectronNative({ platform, arch });
  }
}

const result = spawnSync(
  process.execPath,
  [require.resolve('electron-builder/cli.js'), '--config', 'electron-builder.yml', ...args],
  { cwd: root, stdio: 'inherit' },
);
process.exitCode = result.status ?? 1;
