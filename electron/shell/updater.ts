/** Updates from GitHub Releases, for the installed app only, unless turned off in Settings. */
import { app } from 'electron';
import electronUpdater from 'electron-updater';

export function checkForUpdates(enabled: boolean): void {
  if (!app.isPackaged || !enabled) return;
  electronUpdater.autoUpdater.checkForUpdatesAndNotify().catch((error: unknown) => {
    console.error(`Update check failed: ${String(error)}`);
  });
}
