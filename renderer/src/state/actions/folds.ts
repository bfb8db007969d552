/**
 * Folding the sidebar's groups. The fold shows at once and is saved in the settings
 * (collapsedGroups) behind it, so a click never waits on the engine.
 */
import { toggledFolds } from '../sidebar-groups.js';
import { getState, update } from '../store.js';
import { updateSettings } from './settings.js';

export function toggleFold(key: string): void {
  const { ui, feeds, sync } = getState();
  const collapsedGroups = toggledFolds(ui.settings.collapsedGroups, key, { tags: feeds.tags, accounts: sync.accounts });
  update((s) => ({ ui: { ...s.ui, settings: { ...s.ui.settings, collapsedGroups } } }));
  void updateSettings({ collapsedGroups });
}
