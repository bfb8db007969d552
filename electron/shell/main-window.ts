/**
 * The reader's window, hardened: isolated, sandboxed, no Node, no navigation away from the
 * app's origin (frames: the article's own document and the video player only), no new
 * windows or webviews, links to the system browser only (http(s)).
 */
import { BrowserWindow, shell } from 'electron';
import { existsSync } from 'node:fs';
import { loadWindowState, saveWindowState } from './window-state.js';
import {
  APP_ORIGIN,
  isAppAddress,
  isExternalUrlAllowed,
  isSubFrameAddressAllowed,
  windowWebPreferences,
} from './window-options.js';

export interface MainWindowOptions {
  dataDir: string;
  preloadPath: string;
  iconPath: string;
  /** Whether closing should hide to the tray instead (Settings, and a tray exists). */
  hideOnClose: () => boolean;
  onClosed: () => void;
}

function hardenContents(window: BrowserWindow): void {
  const contents = window.webContents;
  contents.on('will-navigate', (event, url) => {
    if (!isAppAddress(url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    // The article frame is about:srcdoc and never navigates (links open outside); a
    // YouTube card loads the player in its frame. The window itself is will-navigate's.
    if (!event.isMainFrame && !isSubFrameAddressAllowed(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalUrlAllowed(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
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
      // The critical flags again, literally, so static checkers (electronegativity) see them.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  if (state.maximized) window.maximize();
  hardenContents(window);
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
