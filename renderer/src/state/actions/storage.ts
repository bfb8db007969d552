/** The data on disk: storage figures, backups and restoring one, starred exports, clean-up. */
import type { StarredExportFormat } from '../../../../shared/api.js';
import { api } from '../../api.js';
import { t } from '../../i18n/translate.js';
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
  showToast(t('storage.backedUp', { name: backup.name }));
  await loadStorageInfo();
}

export function confirmRestoreBackup(name: string, when: string): void {
  openDialog({
    kind: 'confirm',
    title: t('storage.restoreDialog.title'),
    message: t('storage.restoreDialog.message', { when }),
    confirm: t('storage.restoreDialog.confirm'),
    onConfirm: () => void restoreBackup(name),
  });
}

async function restoreBackup(name: string): Promise<void> {
  const done = await attempt(() => api.restoreBackup(name).then(() => true));
  if (!done) return;
  showToast(t('storage.restored'));
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
  showToast(report.removed ? t('storage.tidy.removed', { count: report.removed }) : t('storage.tidy.nothing'));
  await loadStorageInfo();
}
