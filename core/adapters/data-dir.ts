import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_FOLDER = 'Journey Studio';

/**
 * The app's data folder, where each platform keeps application data:
 * macOS `~/Library/Application Support/Journey Studio`, Windows `%APPDATA%\Journey Studio`,
 * Linux `$XDG_DATA_HOME/journey-studio` (`~/.local/share/journey-studio`).
 * `JOURNEY_STUDIO_HOME` overrides it (tests, portable installs).
 */
export function dataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home = homedir(),
): string {
  if (env.JOURNEY_STUDIO_HOME) return env.JOURNEY_STUDIO_HOME;
  switch (platform) {
    case 'darwin':
      return join(home, 'Library', 'Application Support', APP_FOLDER);
    case 'win32':
      return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_FOLDER);
    default:
      return join(env.XDG_DATA_HOME ?? join(home, '.local', 'share'), 'journey-studio');
  }
}

/** The database `run` and `serve` use when no `--db` is given. */
export function defaultDatabaseFile(env: NodeJS.ProcessEnv = process.env): string {
  return join(dataDir(env), 'journey-studio.db');
}
