import { homedir } from 'node:os';
import { join } from 'node:path';

/** The product name Electron derives its user-data folder from (package.json `productName`). */
const PRODUCT = 'Journey Studio';

/**
 * The app's data folder, the same one the desktop app uses (Electron's `userData`), so browser
 * mode and the window see the same library: `$XDG_CONFIG_HOME/Journey Studio` (or
 * `~/.config/…`) on Linux, `~/Library/Application Support/…` on macOS, `%APPDATA%\…` on Windows.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (env.JOURNEY_STUDIO_DATA) return env.JOURNEY_STUDIO_DATA;
  if (platform === 'win32') {
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT);
  }
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT);
}

/** The database file inside a data folder. */
export function databaseFile(dataDir: string): string {
  return join(dataDir, 'journey-studio.db');
}
