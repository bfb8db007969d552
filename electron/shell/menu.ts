/**
 * The application menu. The Go items send the same keys the window handles, so the
 * keyboard map lives once, in the renderer (renderer/src/keyboard.ts).
 */
import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';

export function buildMenu(window: () => BrowserWindow | null, refreshAll: () => void): void {
  const send = (shortcut: string) => () => window()?.webContents.sendInputEvent({ type: 'char', keyCode: shortcut });
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Refresh All Feeds', accelerator: 'CmdOrCtrl+Shift+R', click: refreshAll },
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
