/** The data on disk: storage figures, backups and restoring one, starred exports, clean-up. */
import type { StarredExportFormat } from '../../../../shared/api.js';
import { api } from '../../api.js';
import { download } from '../../download.js';
import { update } from '../store.js';
import { attempt, showToast } from './toasts.js';
import { openDialog } from './ui.js';

export async function loadStorageInfo(): Promise<void> {
  const storage = await attempt(() => api.getStorageInfo());
  if (storage) update((s) => ({ ui: { ...s.ui, storage } }));
}

export async function createBackup(): Promise<void> {
  const backup = await attempt(() => api.createBackup());
  if (!backup) return;
  showToast(`Backed up (${backup.name})`);
  await loadStorageInfo();
}

export function confirmRestoreBackup(name: string, when: string): void {
  openDialog({
    kind: 'confirm',
    title: 'Restore this backup?',
    message: `Every feed, article, tag and setting goes back to how it was on ${when}. The current state is backed up first, so this can be undone by restoring that backup.`,
    confirm: 'Restore',
    onConfirm: () => void restoreBackup(name),
  });
}

async function restoreBackup(name: string): Promise<void> {
  const done = await attempt(() => api.restoreBackup(name).then(() => true));
  if (!done) return;
  showToast('Backup restored');
  update((s) => ({ ui: { ...s.ui, damaged: null } }));
}

export async function exportStarred(format: StarredExportFormat): Promise<void> {
  const text = await attempt(() => api.exportStarred(format));
  if (text === undefined) return;
  download(text, format === 'json' ? 'application/json' : 'text/html', `syndic-starred.${format}`);
}

export async function runMaintenance(): Promise<void> {
  const report = await attempt(() => api.runMaintenance());
  if (!report) return;
  showToast(report.removed ? `Removed ${report.removed} old read articles` : 'Nothing to remove');
  await loadStorageInfo();
}
