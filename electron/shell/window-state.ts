/** The main window's size, place and maximised state, kept across runs in the data dir. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

const DEFAULT_STATE: WindowState = { width: 1280, height: 820, maximized: false };

function statePath(dataDir: string): string {
  return join(dataDir, 'window-state.json');
}

export function loadWindowState(dataDir: string): WindowState {
  try {
    return { ...DEFAULT_STATE, ...(JSON.parse(readFileSync(statePath(dataDir), 'utf8')) as Partial<WindowState>) };
  } catch {
    return { ...DEFAULT_STATE };
  }
}

export function saveWindowState(dataDir: string, state: WindowState): void {
  writeFileSync(statePath(dataDir), JSON.stringify(state));
}
