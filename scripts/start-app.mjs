// What `npm start` does: the desktop window where Electron can run; otherwise it says why and
// serves the same app in the browser (browser mode, scripts/web.mjs).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildRenderer, buildShell } from './electron-build.mjs';
import { displayProblem, electronVersion, locateElectron } from './electron-launch.mjs';
import { buildElectronNative } from './electron-native.mjs';
import { root } from './node-bundle.mjs';

const WEB_MODULE = new URL('./web.mjs', import.meta.url);

/** Builds everything the window needs; `{ ok: false, reason }` when something cannot be built. */
export async function prepareDesktop({ log = console.log } = {}) {
  try {
    await buildShell();
    await buildRenderer();
    const nativeBinding = await buildElectronNative({ electronVersion: electronVersion(), log });
    return { ok: true, nativeBinding };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { ok: false, reason: `the desktop app could not be built (${message})` };
  }
}

/** Runs Electron on the project until the window closes; resolves its exit code. */
export function runElectron(electronPath, { nativeBinding, env = process.env }) {
  const childEnv = { ...env, JOURNEY_STUDIO_NATIVE_BINDING: nativeBinding };
  // Inherited by accident, it would turn Electron into a plain Node.
  delete childEnv.ELECTRON_RUN_AS_NODE;
  const child = spawn(electronPath, [root], { stdio: 'inherit', env: childEnv });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => child.kill(signal));
  }
  return new Promise((resolve) => {
    child.on('error', () => resolve(1));
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

function webOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: { port: { type: 'string' }, data: { type: 'string' }, token: { type: 'string' } },
    strict: false,
  });
  return {
    ...(typeof values.port === 'string' && { port: Number(values.port) }),
    ...(typeof values.data === 'string' && { dataDir: values.data }),
    ...(typeof values.token === 'string' && { token: values.token }),
  };
}

function isMissing(error, url) {
  return (
    error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes(fileURLToPath(url))
  );
}

/**
 * Starts the app. Resolves an exit code when it is over (the window closed, or nothing could
 * start), or undefined while browser mode keeps serving.
 */
export async function startApp({
  argv = process.argv.slice(2),
  env = process.env,
  platform = process.platform,
  log = console.log,
  warn = console.error,
  locate = () => locateElectron({ env, log }),
  prepare = () => prepareDesktop({ log }),
  launch = runElectron,
  loadWeb = () => import(WEB_MODULE.href),
} = {}) {
  const electron = await locate();
  let reason = electron.ok ? displayProblem(platform, env) : electron.reason;
  if (!reason) {
    const prepared = await prepare();
    if (prepared.ok) return launch(electron.path, { nativeBinding: prepared.nativeBinding, env });
    reason = prepared.reason;
  }

  warn(`Journey Studio cannot open its desktop window here: ${reason}.`);
  let web;
  try {
    web = await loadWeb();
  } catch (error) {
    if (!isMissing(error, WEB_MODULE)) throw error;
    warn(
      `Browser mode, the fallback, is not in this checkout yet (${join('scripts', 'web.mjs')} is missing), so there is nothing to start.`,
    );
    return 1;
  }
  warn('Starting browser mode instead: the same app, served on 127.0.0.1.');
  const server = await web.startWeb(webOptions(argv));
  if (typeof server?.url === 'string') {
    log(`Open this address in your browser:\n\n  ${server.url}\n\nPress Ctrl+C to stop.`);
  }
  if (typeof server?.close === 'function') {
    const stop = () => void Promise.resolve(server.close()).finally(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  }
  return undefined;
}
