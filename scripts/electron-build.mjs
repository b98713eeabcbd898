// Builds the desktop shell with esbuild: main, preload and the engine process, each one bundled
// CommonJS file in out/electron/. The renderer is built by vite.config.ts into out/renderer/.
//
// esbuild rather than electron-vite: the renderer already has its own Vite config, shared with
// browser mode, and three Node entries need no dev server. esbuild also bundles the way the
// CLI is bundled (scripts/node-bundle.mjs), and a packaged app ships these files and nothing
// from node_modules but the native module.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './node-bundle.mjs';

export const ELECTRON_OUT = join(root, 'out', 'electron');
export const RENDERER_OUT = join(root, 'out', 'renderer');

/** The engine's side of the AppApi, which the engine process runs (see electron/engine/). */
export const APP_SERVICE_SOURCE = 'core/adapters/local-app.ts';

const common = {
  bundle: true,
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
  absWorkingDir: root,
  external: ['electron'],
  // Prefer ES builds: some packages (jsonc-parser) ship UMD as `main`, which does not bundle.
  mainFields: ['module', 'main'],
  legalComments: 'none',
};

/**
 * Builds main, preload and the engine process into `outDir`; returns the built files.
 * `appServiceSource` swaps the engine's app service (tests build against a stand-in).
 */
export async function buildShell({
  production = false,
  outDir = ELECTRON_OUT,
  appServiceSource = APP_SERVICE_SOURCE,
} = {}) {
  if (!existsSync(join(root, appServiceSource))) {
    throw new Error(
      `The engine's app service (${appServiceSource}) is not in this checkout yet, so the desktop app cannot be built.`,
    );
  }
  const define = {
    'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development'),
  };
  await Promise.all([
    build({
      ...common,
      entryPoints: ['electron/main/index.ts'],
      outfile: join(outDir, 'main.cjs'),
      platform: 'node',
      target: 'node22',
      define,
    }),
    // A sandboxed preload can require nothing but `electron`: everything else is inlined, and
    // the browser platform makes any Node import a build error rather than a run-time one.
    build({
      ...common,
      entryPoints: ['electron/preload/index.ts'],
      outfile: join(outDir, 'preload.cjs'),
      platform: 'browser',
      target: 'chrome130',
      define,
    }),
    build({
      ...common,
      entryPoints: ['electron/engine/index.ts'],
      outfile: join(outDir, 'engine.cjs'),
      platform: 'node',
      target: 'node22',
      alias: { 'virtual:journey-studio/app-service': `./${appServiceSource}` },
      define,
    }),
  ]);
  return ['main.cjs', 'preload.cjs', 'engine.cjs'].map((file) => join(outDir, file));
}

/** Builds the renderer with its own Vite config (vite.config.ts, kept by the renderer). */
export async function buildRenderer() {
  const configFile = join(root, 'vite.config.ts');
  if (!existsSync(configFile)) {
    throw new Error('The renderer (vite.config.ts) is not in this checkout yet.');
  }
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile, logLevel: 'warn' });
  return RENDERER_OUT;
}
