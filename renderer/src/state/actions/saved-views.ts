/**
 * Saved views: loading them, "Save as view", saving an edited one, deleting, moving one up
 * or down the sidebar, and the editor's preview count. The rules are pure (state/saved-views.ts).
 */
import type { ArticleCount } from '../../../../shared/api.js';
import {
  viewQuery,
  type SavedView,
  type SavedViewDraft,
  type ViewFilter,
  type ViewId,
} from '../../../../shared/saved-views.js';
import { api } from '../../api.js';
import { t } from '../../i18n/translate.js';
import { draftFromQuery, movedOrder, withView } from '../saved-views.js';
import { FALLBACK_SCOPE } from '../scope.js';
import { scopeTitle } from '../selectors.js';
import { getState, update } from '../store.js';
import { currentQuery, loadList } from './list.js';
import { selectScope } from './selection.js';
import { attempt, errorMessage, showToast } from './toasts.js';
import { openDialog } from './ui.js';

export async function loadViews(): Promise<void> {
  const views = await attempt(() => api.listViews());
  if (views) onViewsChanged(views);
}

/** The views changed (here or in another window): the sidebar shows them, the list follows its own. */
export function onViewsChanged(views: SavedView[]): void {
  const { scope } = getState().selection;
  const shown = (list: SavedView[]) => (scope.kind === 'saved' ? list.find((v) => v.id === scope.viewId) : undefined);
  const before = shown(getState().feeds.views);
  update((s) => ({ feeds: { ...s.feeds, views } }));
  if (scope.kind !== 'saved') return;
  const after = shown(views);
  if (!after) selectScope(FALLBACK_SCOPE);
  // Its own change reloads the list; another view's (or its name) leaves it where it is.
  else if (JSON.stringify(after.filter) !== JSON.stringify(before?.filter)) void loadList();
}

/** "Save as view": the editor, filled with what the list shows now. */
export function saveListAsView(): void {
  const s = getState();
  const draft = draftFromQuery(currentQuery(), { search: s.selection.search, scope: scopeTitle(s) });
  openDialog({ kind: 'edit-view', viewId: null, draft });
}

export function editView(viewId: ViewId): void {
  openDialog({ kind: 'edit-view', viewId });
}

/** Creates or updates a view; a new one is chosen at once. Returns what went wrong, or null. */
export async function saveView(viewId: ViewId | null, draft: SavedViewDraft): Promise<string | null> {
  try {
    const view = viewId === null ? await api.createView(draft) : await api.updateView(viewId, draft);
    onViewsChanged(withView(getState().feeds.views, view));
    if (viewId === null) {
      // The view holds the search it was saved from: the box is emptied, or both would apply.
      update((s) => ({ selection: { ...s.selection, search: '' } }));
      selectScope({ kind: 'saved', viewId: view.id });
    }
    void api.getCounts().then((counts) => update((s) => ({ feeds: { ...s.feeds, counts } })));
    return null;
  } catch (error) {
    return errorMessage(error);
  }
}

export function confirmDeleteView(view: Pick<SavedView, 'id' | 'name'>): void {
  openDialog({
    kind: 'confirm',
    title: t('views.delete.title'),
    message: t('views.delete.message', { name: view.name }),
    confirm: t('views.delete.confirm'),
    onConfirm: () =>
      void attempt(async () => {
        await api.deleteView(view.id);
        onViewsChanged(getState().feeds.views.filter((v) => v.id !== view.id));
        showToast(t('views.deleted', { name: view.name }));
      }),
  });
}

/** Moves a view one place up or down the sidebar; false when it is already at that end. */
export async function moveView(viewId: ViewId, delta: 1 | -1): Promise<boolean> {
  const order = movedOrder(
    getState().feeds.views.map((v) => v.id),
    viewId,
    delta,
  );
  if (!order) return false;
  // Shown at once; the engine's answer (and 'views-changed') confirms it.
  const byId = new Map(getState().feeds.views.map((v) => [v.id, v]));
  update((s) => ({ feeds: { ...s.feeds, views: order.map((id) => byId.get(id)!) } }));
  const views = await attempt(() => api.reorderViews(order));
  if (views) update((s) => ({ feeds: { ...s.feeds, views } }));
  else void loadViews();
  return true;
}

/** How many articles a filter lists (the editor's preview), deduplicated as the list is. */
export async function countViewFilter(filter: ViewFilter): Promise<ArticleCount> {
  return api.countArticles({ ...viewQuery({ filter }), dedupe: getState().ui.settings.dedupe });
}
