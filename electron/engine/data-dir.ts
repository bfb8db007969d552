/**
 * Where Syndic keeps its data without Electron: the same folder Electron's
 * app.getPath('userData') gives the app, so the CLI and the app share one database.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'Syndic';
export const DATABASE_FILE = 'syndic.db';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.SYNDIC_DATA_DIR) return env.SYNDIC_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
}

export function databasePath(dataDir: string): string {
  return join(dataDir, DATABASE_FILE);
}
