/** The tray icon with its menu, and the unread count on the dock/taskbar badge and tooltip. */
import { app, Menu, nativeImage, Tray } from 'electron';
import { existsSync } from 'node:fs';
import type { Counts } from '../../shared/domain.js';

export function createTray(iconPath: string, actions: { show: () => void; refreshAll: () => void }): Tray {
  const image = existsSync(iconPath)
    ? nativeImage.createFromPath(iconPath).resize({ width: 16, height: 16 })
    : nativeImage.createEmpty();
  const tray = new Tray(image);
  tray.setToolTip('Syndic');
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: 'Open Syndic', click: actions.show },
      { label: 'Refresh All Feeds', click: actions.refreshAll },
      { type: 'separator' },
      { label: 'Quit', click: () => app.quit() },
    ]),
  );
  tray.on('click', actions.show);
  return tray;
}

export function showUnreadCount(tray: Tray | null, counts: Counts): void {
  app.setBadgeCount(counts.unread);
  tray?.setToolTip(counts.unread ? `Syndic: ${counts.unread} unread` : 'Syndic');
  if (process.platform === 'darwin') tray?.setTitle(counts.unread ? String(counts.unread) : '');
}
