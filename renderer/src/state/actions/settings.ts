/** The user's settings, and the list's view options kept in them. */
import type { ListLayout, Settings } from '../../../../shared/domain.js';
import { api } from '../../api.js';
import { chooseLayoutPatch } from '../list-layout.js';
import { getState, update } from '../store.js';
import { reloadSidebar } from './feeds.js';
import { loadList } from './list.js';
import { attempt } from './toasts.js';

export async function updateSettings(patch: Partial<Settings>): Promise<void> {
  const settings = await attempt(() => api.updateSettings(patch));
  if (!settings) return;
  update((s) => ({ ui: { ...s.ui, settings } }));
  // Deduplication changes both what the list shows and what the counts count.
  if (patch.dedupe !== undefined) await Promise.all([loadList(), reloadSidebar()]);
  // The order is the query's: the list is read again from its other end.
  else if (patch.listOrder !== undefined) await loadList();
}

/** The layout of the view being read (the others keep theirs, or the default). */
export async function chooseLayout(layout: ListLayout): Promise<void> {
  const s = getState();
  await updateSettings(chooseLayoutPatch(s.ui.settings, s.selection.scope, layout));
}
