// Finding the Electron binary without Electron's own `require('electron')`, which downloads the
// binary on first use with no time limit and throws when it cannot: `npm start` must instead
// try briefly, then say plainly why there is no window and carry on in a browser.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

export function electronPackageDir() {
  return dirname(require.resolve('electron/package.json'));
}

export function electronVersion(electronDir = electronPackageDir()) {
  return JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;
}

/** The installed Electron executable, or undefined (the same lookup as electron/index.js). */
export function electronBinaryPath(electronDir = electronPackageDir(), env = process.env) {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const executable = readFileSync(pathFile, 'utf8').trim();
  const full = env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(env.ELECTRON_OVERRIDE_DIST_PATH, executable || 'electron')
    : join(electronDir, 'dist', executable);
  return existsSync(full) ? full : undefined;
}

function lastLine(text) {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('at '));
  return lines.at(-1) ?? '';
}

/** Runs Electron's own installer (download, checksum, unzip) for at most `timeoutMs`. */
export function downloadElectron({ electronDir = electronPackageDir(), timeoutMs = 20_000 } = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(electronDir, 'install.js')], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: process.env,
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      child.kill();
      resolve({
        ok: false,
        reason: `no answer from the download server within ${timeoutMs / 1000} s`,
      });
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ ok: false, reason: error.message });
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve({ ok: true });
      else
        resolve({
          ok: false,
          reason: lastLine(output) || `the installer exited with code ${code}`,
        });
    });
  });
}

/**
 * The Electron binary to launch: the installed one, else one downloaded now (Electron fetches
 * it lazily, never at `npm install`). `{ ok: false, reason }` when there is none.
 */
export async function locateElectron({
  electronDir = electronPackageDir(),
  env = process.env,
  timeoutMs = Number(env.JOURNEY_STUDIO_ELECTRON_DOWNLOAD_TIMEOUT_MS) || 20_000,
  download = downloadElectron,
  log = console.log,
} = {}) {
  const installed = electronBinaryPath(electronDir, env);
  if (installed) return { ok: true, path: installed };
  const version = electronVersion(electronDir);
  if (env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    return {
      ok: false,
      reason: `the Electron ${version} binary is not installed, and ELECTRON_SKIP_BINARY_DOWNLOAD forbids downloading it`,
    };
  }
  log(`Downloading Electron ${version} (once; at most ${Math.round(timeoutMs / 1000)} s)…`);
  const result = await download({ electronDir, timeoutMs });
  if (!result.ok) {
    return {
      ok: false,
      reason: `the Electron ${version} binary is not installed and could not be downloaded (${result.reason})`,
    };
  }
  const downloaded = electronBinaryPath(electronDir, env);
  return downloaded
    ? { ok: true, path: downloaded }
    : { ok: false, reason: `the Electron ${version} download finished without a binary` };
}

/** Why no window could appear on this machine even with Electron: no display server (Linux). */
export function displayProblem(platform = process.platform, env = process.env) {
  if (platform !== 'linux') return undefined;
  if (env.DISPLAY || env.WAYLAND_DISPLAY) return undefined;
  return 'there is no display to show a window on (neither DISPLAY nor WAYLAND_DISPLAY is set)';
}
