/**
 * The Electron composition root: app lifecycle, the window, menu, tray and badge, and the
 * wiring of ReaderService to the window through ipc.ts. The app is served from its own
 * privileged scheme (never file://), and every window is hardened: isolated, sandboxed,
 * no Node, no navigation away, no new windows, links to the system browser only.
 */
import {
  app,
  BrowserWindow,
  dialog,
  Menu,
  nativeImage,
  net,
  protocol,
  session,
  shell,
  Tray,
  type MenuItemConstructorOptions,
} from 'electron';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import electronUpdater from 'electron-updater';
import type { Counts } from '../../shared/domain.js';
import { feedLinkToHttp } from '../../shared/url.js';
import { CACHED_IMAGE_CSP } from '../doors/csp.js';
import { closeIdleConnections } from '../engine/feeds/fetch.js';
import { registerIpc, sendEvent } from './ipc.js';
import { databasePath } from '../engine/data-dir.js';
import { ReaderService } from '../engine/reader/reader-service.js';
import { closeDatabase, openDatabase, useNativeBinding, type Db } from '../engine/store/db.js';
import { assertDatabaseWhole, DamagedDatabaseError, restoreLatestBackup, startFresh } from '../engine/store/recovery.js';
import { getSettings } from '../engine/store/settings.js';
import { APP_ORIGIN, APP_SCHEME, ELECTRON_CSP, isExternalUrlAllowed, windowWebPreferences } from './window-options.js';
import { messageOf } from '../../shared/error-message.js';

const here = dirname(fileURLToPath(import.meta.url));
const rendererDir = normalize(join(here, '..', 'renderer'));
const preloadPath = join(here, 'preload.cjs');
const iconPath = join(here, '..', '..', 'build', 'icons', '256x256.png');

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

// Run from a checkout, `npm start` passes better-sqlite3 built for Electron (native-module.ts);
// a packaged app has that build in place of the Node one.
if (!app.isPackaged) useNativeBinding(process.env.SYNDIC_SQLITE_BINDING);

/** feed: links and .opml files the OS hands over before the window exists wait here. */
const pendingOpen: string[] = [...process.argv.slice(1)];

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
  if (!service || !mainWindow) {
    pendingOpen.push(...items);
    return;
  }
  for (const item of items) {
    const feedUrl = feedLinkToHttp(item);
    if (feedUrl) {
      showWindow();
      sendEvent(windowIds, 'open-add-feed', { url: feedUrl });
    } else if (/\.opml$/i.test(item) && existsSync(item)) {
      showWindow();
      void service
        .importOpml(readFileSync(item, 'utf8'))
        .then((report) => sendEvent(windowIds, 'opml-imported', report))
        .catch((error: unknown) => dialog.showErrorBox('Syndic could not import that file', String(error)));
    }
  }
}

/** Updates from GitHub Releases, for the installed app only, unless turned off in Settings. */
function checkForUpdates(): void {
  if (!app.isPackaged || !db || !getSettings(db).autoUpdate) return;
  electronUpdater.autoUpdater.checkForUpdatesAndNotify().catch((error: unknown) => {
    console.error(`Update check failed: ${String(error)}`);
  });
}

let db: Db | null = null;
let service: ReaderService | null = null;
let mainWindow: BrowserWindow | null = null;
let tray: Tray | null = null;
let quitting = false;
const windowIds = new Set<number>();

interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

function windowStatePath(): string {
  return join(app.getPath('userData'), 'window-state.json');
}

function loadWindowState(): WindowState {
  try {
    return {
      width: 1280,
      height: 820,
      maximized: false,
      ...(JSON.parse(readFileSync(windowStatePath(), 'utf8')) as Partial<WindowState>),
    };
  } catch {
    return { width: 1280, height: 820, maximized: false };
  }
}

function saveWindowState(window: BrowserWindow): void {
  const bounds = window.getNormalBounds();
  writeFileSync(windowStatePath(), JSON.stringify({ ...bounds, maximized: window.isMaximized() }));
}

function serveRenderer(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const image = url.host === 'app' ? service?.cachedImageFile(url.pathname) : null;
    if (image) {
      // The offline image cache, on the app's origin; its own strict policy (see csp.ts).
      const response = await net.fetch(pathToFileURL(image.path).href).catch(() => null);
      if (!response?.ok) return new Response('Not in the cache any more', { status: 404 });
      return new Response(response.body, {
        status: response.status,
        headers: {
          'Content-Type': image.type,
          'Content-Security-Policy': CACHED_IMAGE_CSP,
          'X-Content-Type-Options': 'nosniff',
        },
      });
    }
    const path = url.pathname === '/' ? '/index.html' : decodeURIComponent(url.pathname);
    const file = normalize(join(rendererDir, path));
    if (url.host !== 'app' || !file.startsWith(rendererDir + sep) || !existsSync(file)) {
      return new Response('Not found', { status: 404 });
    }
    const response = await net.fetch(pathToFileURL(file).href);
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', ELECTRON_CSP);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}

function hardenSession(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}

function hardenContents(window: BrowserWindow): void {
  const contents = window.webContents;
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(APP_ORIGIN)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    // The article frame is about:srcdoc; it never navigates (links open outside).
    if (!event.isMainFrame && event.url !== 'about:srcdoc') event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalUrlAllowed(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

function createWindow(): BrowserWindow {
  const state = loadWindowState();
  const window = new BrowserWindow({
    x: state.x,
    y: state.y,
    width: state.width,
    height: state.height,
    minWidth: 720,
    minHeight: 480,
    title: 'Syndic',
    show: false,
    icon: existsSync(iconPath) ? iconPath : undefined,
    webPreferences: {
      ...windowWebPreferences(preloadPath),
      // The critical flags again, literally, so static checkers (electronegativity) see them.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  if (state.maximized) window.maximize();
  windowIds.add(window.webContents.id);
  const contentsId = window.webContents.id;
  hardenContents(window);
  window.once('ready-to-show', () => window.show());
  window.on('close', (event) => {
    saveWindowState(window);
    if (!quitting && db && getSettings(db).closeToTray && tray) {
      event.preventDefault();
      window.hide();
    }
  });
  window.on('closed', () => {
    windowIds.delete(contentsId);
    mainWindow = null;
  });
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

function showWindow(): void {
  if (!mainWindow) mainWindow = createWindow();
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function updateBadge(counts: Counts): void {
  app.setBadgeCount(counts.unread);
  tray?.setToolTip(counts.unread ? `Syndic: ${counts.unread} unread` : 'Syndic');
  if (process.platform === 'darwin') tray?.setTitle(counts.unread ? String(counts.unread) : '');
}

function buildMenu(): void {
  const send = (shortcut: string) => () => mainWindow?.webContents.sendInputEvent({ type: 'char', keyCode: shortcut });
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Refresh All Feeds', accelerator: 'CmdOrCtrl+Shift+R', click: () => void service?.refresh(null) },
        { type: 'separator' },
        process.platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'Go',
      submenu: [
        { label: 'Next Article', accelerator: 'J', registerAccelerator: false, click: send('j') },
        { label: 'Previous Article', accelerator: 'K', registerAccelerator: false, click: send('k') },
        { label: 'Next Unread', accelerator: 'N', registerAccelerator: false, click: send('n') },
        { label: 'Toggle Read', accelerator: 'M', registerAccelerator: false, click: send('m') },
        { label: 'Toggle Star', accelerator: 'S', registerAccelerator: false, click: send('s') },
        { label: 'Search', accelerator: '/', registerAccelerator: false, click: send('/') },
      ],
    },
    {
      label: 'View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      label: 'Help',
      submenu: [{ label: 'Keyboard Shortcuts', accelerator: '?', registerAccelerator: false, click: send('?') }],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function createTray(): void {
  const image = existsSync(iconPath)
    ? nativeImage.createFromPath(iconPath).resize({ width: 16, height: 16 })
    : nativeImage.createEmpty();
  tray = new Tray(image);
  tray.setToolTip('Syndic');
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: 'Open Syndic', click: showWindow },
      { label: 'Refresh All Feeds', click: () => void service?.refresh(null) },
      { type: 'separator' },
      { label: 'Quit', click: () => app.quit() },
    ]),
  );
  tray.on('click', showWindow);
}

/**
 * A damaged database is never opened, repaired or replaced without asking: the user
 * chooses to restore the latest backup or to start fresh, and the damaged file is kept
 * aside either way. Returns false when the user chose to quit.
 */
function recoverIfDamaged(dataDir: string): boolean {
  try {
    assertDatabaseWhole(dataDir);
    return true;
  } catch (error) {
    if (!(error instanceof DamagedDatabaseError)) throw error;
    const buttons = [...(error.latestBackup ? ['Restore Latest Backup'] : []), 'Start Fresh', 'Quit'];
    const choice =
      buttons[
        dialog.showMessageBoxSync({
          type: 'error',
          title: 'Syndic',
          message: 'Syndic’s database is damaged',
          detail: `${error.message}\n\nThe damaged file will be kept aside as syndic.db.damaged-… in ${dataDir}.`,
          buttons,
          defaultId: 0,
          cancelId: buttons.length - 1,
          noLink: true,
        })
      ];
    try {
      if (choice === 'Restore Latest Backup') restoreLatestBackup(dataDir, Date.now());
      else if (choice === 'Start Fresh') startFresh(dataDir, Date.now());
      else return false;
    } catch (failure) {
      // No whole backup after all: nothing was moved, and the user can choose again next start.
      dialog.showErrorBox('Syndic could not recover its database', String(failure));
      return false;
    }
    return true;
  }
}

async function startApp(): Promise<void> {
  const dataDir = app.getPath('userData');
  mkdirSync(dataDir, { recursive: true });
  if (!recoverIfDamaged(dataDir)) {
    app.exit(0);
    return;
  }
  try {
    db = openDatabase(databasePath(dataDir));
  } catch (error) {
    dialog.showErrorBox('Syndic cannot open its database', messageOf(error));
    app.exit(1);
    return;
  }
  service = new ReaderService({
    db,
    isOnline: () => net.isOnline(),
    emit: (event, payload) => {
      sendEvent(windowIds, event, payload);
      if (event === 'counts-changed') updateBadge(payload as Counts);
    },
  });
  registerIpc(service, () => windowIds);
  serveRenderer();
  hardenSession();
  buildMenu();
  createTray();
  mainWindow = createWindow();
  updateBadge(await service.getCounts());
  service.start();

  // The page must be able to receive the hand-over events before they are sent.
  mainWindow.webContents.once('did-finish-load', () => handOver(pendingOpen.splice(0)));
  checkForUpdates();
  setInterval(checkForUpdates, 6 * 60 * 60 * 1000).unref();

  app.on('second-instance', (_event, argv) => {
    showWindow();
    handOver(argv.slice(1));
  });
  app.on('activate', showWindow);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin' && !(db && getSettings(db).closeToTray)) app.quit();
  });
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

app.on('before-quit', (event) => {
  if (quitting || !service) return;
  // Stop the poller and close the database before the process ends.
  event.preventDefault();
  quitting = true;
  void service.shutdown().finally(() => {
    if (db) closeDatabase(db);
    closeIdleConnections();
    app.quit();
  });
});
