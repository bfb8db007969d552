/** The user's settings. */
import type { Settings } from '../../../../shared/domain.js';
import { api } from '../../api.js';
import { update } from '../store.js';
import { reloadSidebar } from './feeds.js';
import { loadList } from './list.js';
import { attempt } from './toasts.js';

export async function updateSettings(patch: Partial<Settings>): Promise<void> {
  const settings = await attempt(() => api.updateSettings(patch));
  if (!settings) return;
  update((s) => ({ ui: { ...s.ui, settings } }));
  // Deduplication changes both what the list shows and what the counts count.
  if (patch.dedupe !== undefined) await Promise.all([loadList(), reloadSidebar()]);
}
