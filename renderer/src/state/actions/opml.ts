/** Subscriptions in and out as OPML. */
import { api } from '../../api.js';
import { download } from '../../download.js';
import { reloadSidebar } from './feeds.js';
import { refresh } from './refresh.js';
import { attempt } from './toasts.js';
import { openDialog } from './ui.js';

export async function importOpmlFile(file: File): Promise<void> {
  const text = await file.text();
  const report = await attempt(() => api.importOpml(text));
  if (!report) return;
  await reloadSidebar();
  openDialog({ kind: 'import-report', added: report.added, skipped: report.skipped, problems: report.problems });
  if (report.added) void refresh(null);
}

export async function exportOpml(): Promise<void> {
  const text = await attempt(() => api.exportOpml());
  if (text !== undefined) download(text, 'text/x-opml', 'syndic-subscriptions.opml');
}
