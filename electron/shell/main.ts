/**
 * The Electron main process: app lifecycle, and the wiring of the shell's parts. The
 * engine runs in its own utilityProcess (engine-process.ts); this process forwards the
 * window's ReaderApi calls to it through ipc.ts, and its events back, so it stays free to
 * paint and answer even while a thousand feeds refresh.
 */
import { app, BrowserWindow, dialog, Notification, powerMonitor, session, type Tray } from 'electron';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReaderApi } from '../../shared/api.js';
import type { Counts, NewArticlesNotice, Settings } from '../../shared/domain.js';
import { messageOf } from '../../shared/error-message.js';
import { feedLinkToHttp } from '../../shared/url.js';
import { staticFiles } from '../doors/static-files.js';
import { useNativeBinding } from '../engine/store/db.js';
import { registerAppScheme, serveAppProtocol } from './app-protocol.js';
import { startEngineProcess, type EngineConnection } from './engine-connection.js';
import { registerIpc, sendEvent } from './ipc.js';
import { createMainWindow } from './main-window.js';
import { buildMenu } from './menu.js';
import { noticeShower } from './notifications.js';
import { recoverIfDamaged } from './recovery-dialog.js';
import { createTray, showUnreadCount } from './tray.js';
import { checkForUpdates } from './updater.js';
import { ELECTRON_CSP, isPermissionAllowed } from './window-options.js';

const here = dirname(fileURLToPath(import.meta.url));
const rendererDir = normalize(join(here, '..', 'renderer'));
const preloadPath = join(here, 'preload.cjs');
const iconPath = join(here, '..', '..', 'build', 'icons', '256x256.png');

registerAppScheme();

// Run from a checkout, `npm start` passes better-sqlite3 built for Electron (launcher/native-module.ts);
// a packaged app has that build in place of the Node one. This process opens the database
// only to check it at start; the engine process takes the same binding from the environment.
if (!app.isPackaged) useNativeBinding(process.env.SYNDIC_SQLITE_BINDING);

/** feed: links and .opml files the OS hands over before the window exists wait here. */
const pendingOpen: string[] = [...process.argv.slice(1)];

let engine: EngineConnection | null = null;
/** The ReaderApi as the windows reach it: the engine's, with the settings the shell needs kept in step. */
let api: ReaderApi | null = null;
/** The settings the shell itself acts on (close to tray, updates), refreshed whenever they change. */
let settings: Settings | null = null;
let mainWindow: BrowserWindow | null = null;
let tray: Tray | null = null;
let quitting = false;
const windowIds = new Set<number>();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.setName('Syndic');
  // Tests and portable setups choose the data directory; the CLI honours the same variable.
  if (process.env.SYNDIC_DATA_DIR) app.setPath('userData', process.env.SYNDIC_DATA_DIR);
  // The default reader for feed: links (the installers register it; this covers a plain run).
  if (app.isPackaged) app.setAsDefaultProtocolClient('feed');
  // macOS hands links and files over as events, possibly before the app is ready.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    handOver([url]);
  });
  app.on('open-file', (event, path) => {
    event.preventDefault();
    handOver([path]);
  });
  void app.whenReady().then(startApp);
}

/**
 * A feed: link opens Add Feed with its address; an .opml file is imported and its report
 * shown. Anything else on a command line is ignored.
 */
function handOver(items: string[]): void {
  if (!api || !mainWindow) {
    pendingOpen.push(...items);
    return;
  }
  for (const item of items) {
    const feedUrl = feedLinkToHttp(item);
    if (feedUrl) {
      showWindow();
      sendEvent(windowIds, 'open-add-feed', { url: feedUrl });
    } else if (!/^feed:/i.test(item.trim()) && /\.opml$/i.test(item) && existsSync(item)) {
      // A feed: argument that is not a web address is never a file to import (on Windows
      // `feed:/../list.opml` resolves to a path on disk).
      showWindow();
      void api
        .importOpml(readFileSync(item, 'utf8'))
        .then((report) => sendEvent(windowIds, 'opml-imported', report))
        .catch((error: unknown) => dialog.showErrorBox('Syndic could not import that file', String(error)));
    }
  }
}

function showWindow(): void {
  if (!mainWindow) mainWindow = openWindow();
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

/** The engine's notices as desktop notifications; a click shows the window and opens the article. */
const showNotice = noticeShower({
  supported: () => Notification.isSupported(),
  create: (options) => new Notification(options),
  open: (articleId) => {
    showWindow();
    sendEvent(windowIds, 'open-article', { articleId });
  },
  iconPath,
});

function openWindow(): BrowserWindow {
  const window = createMainWindow({
    dataDir: app.getPath('userData'),
    preloadPath,
    iconPath,
    hideOnClose: () => !quitting && Boolean(settings?.closeToTray && tray),
    onClosed: () => {
      windowIds.delete(contentsId);
      mainWindow = null;
    },
  });
  const contentsId = window.webContents.id;
  windowIds.add(contentsId);
  return window;
}

async function refreshSettings(): Promise<void> {
  if (api) settings = await api.getSettings();
}

async function startApp(): Promise<void> {
  const dataDir = app.getPath('userData');
  mkdirSync(dataDir, { recursive: true });
  if (!recoverIfDamaged(dataDir)) {
    app.exit(0);
    return;
  }
  engine = startEngineProcess(
    here,
    dataDir,
    (event, payload) => {
      sendEvent(windowIds, event, payload);
      if (event === 'counts-changed') showUnreadCount(tray, payload as Counts);
      if (event === 'data-replaced') void refreshSettings();
      if (event === 'new-articles-notice') showNotice(payload as NewArticlesNotice);
    },
    (code) => {
      dialog.showErrorBox('Syndic’s engine stopped', `The engine process ended unexpectedly (code ${code}).`);
      app.exit(1);
    },
  );
  // Awake again: sync accounts soon rather than at their next turn.
  powerMonitor.on('resume', () => void engine?.client.resumed());
  try {
    await engine.client.ready;
  } catch (error) {
    dialog.showErrorBox('Syndic cannot open its database', messageOf(error));
    app.exit(1);
    return;
  }
  const engineApi = engine.client.api;
  api = {
    ...engineApi,
    updateSettings: async (patch) => (settings = await engineApi.updateSettings(patch)),
  };
  await refreshSettings();
  registerIpc(api, () => windowIds);
  serveAppProtocol(
    staticFiles({
      rendererDir,
      appCsp: () => ELECTRON_CSP,
      cachedImage: (pathname) => engine!.client.cachedImageFile(pathname),
    }),
  );
  // Full screen for a video; every other permission refused (window-options.ts).
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(isPermissionAllowed(permission, details.requestingUrl)),
  );
  session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionAllowed(permission, details.requestingUrl ?? requestingOrigin),
  );
  const refreshAll = (): void => void api?.refresh(null);
  buildMenu(() => mainWindow, refreshAll);
  tray = createTray(iconPath, { show: showWindow, refreshAll });
  mainWindow = openWindow();
  showUnreadCount(tray, await api.getCounts());

  // The page must be able to receive the hand-over events before they are sent.
  mainWindow.webContents.once('did-finish-load', () => handOver(pendingOpen.splice(0)));
  const updates = (): void => checkForUpdates(settings?.autoUpdate ?? false);
  updates();
  setInterval(updates, 6 * 60 * 60 * 1000).unref();

  app.on('second-instance', (_event, argv) => {
    showWindow();
    handOver(argv.slice(1));
  });
  app.on('activate', showWindow);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin' && !settings?.closeToTray) app.quit();
  });
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

app.on('before-quit', (event) => {
  if (quitting || !engine) return;
  // The engine stops its poller and closes the database before the app ends.
  event.preventDefault();
  quitting = true;
  void engine.stop().finally(() => app.quit());
});
