/**
 * The reader's window, hardened: isolated, sandboxed, no Node, no navigation away from the
 * app's origin (frames: the article's own document and the video player only), no new
 * windows or webviews, links to the system browser only (http(s)).
 */
import { BrowserWindow, shell } from 'electron';
import { existsSync } from 'node:fs';
import { loadWindowState, saveWindowState } from './window-state.js';
import { APP_ORIGIN, guardWindowContents, windowWebPreferences } from './window-options.js';

export interface MainWindowOptions {
  dataDir: string;
  preloadPath: string;
  iconPath: string;
  /** Whether closing should hide to the tray instead (Settings, and a tray exists). */
  hideOnClose: () => boolean;
  onClosed: () => void;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const state = loadWindowState(options.dataDir);
  const window = new BrowserWindow({
    x: state.x,
    y: state.y,
    width: state.width,
    height: state.height,
    minWidth: 720,
    minHeight: 480,
    title: 'Syndic',
    show: false,
    icon: existsSync(options.iconPath) ? options.iconPath : undefined,
    webPreferences: {
      ...windowWebPreferences(options.preloadPath),
      // The critical flags again, literally, so static checkers (electronegativity) see them:
      // it reads this object literal and cannot follow the spread.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  if (state.maximized) window.maximize();
  guardWindowContents(window.webContents, shell);
  window.once('ready-to-show', () => window.show());
  window.on('close', (event) => {
    saveWindowState(options.dataDir, { ...window.getNormalBounds(), maximized: window.isMaximized() });
    if (options.hideOnClose()) {
      event.preventDefault();
      window.hide();
    }
  });
  window.on('closed', options.onClosed);
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}
