/** Tags: renaming and deleting them, and tagging the open article. */
import type { TagId } from '../../../../shared/domain.js';
import { api } from '../../api.js';
import { t } from '../../i18n/translate.js';
import { FALLBACK_SCOPE, showsTag } from '../scope.js';
import { getState, update } from '../store.js';
import { reloadSidebar } from './feeds.js';
import { patchItem } from './list.js';
import { selectScope } from './selection.js';
import { attempt } from './toasts.js';
import { openDialog } from './ui.js';

export async function renameTag(tagId: TagId, name: string): Promise<boolean> {
  const ok = await attempt(async () => (await api.renameTag(tagId, name), true));
  await reloadSidebar();
  return ok === true;
}

export function confirmDeleteTag(tagId: TagId, name: string): void {
  openDialog({
    kind: 'confirm',
    title: t('tags.deleteDialog.title'),
    message: t('tags.deleteDialog.message', { name }),
    confirm: t('tags.deleteDialog.confirm'),
    onConfirm: () =>
      void attempt(async () => {
        await api.deleteTag(tagId);
        if (showsTag(getState().selection.scope, tagId)) selectScope(FALLBACK_SCOPE);
        await reloadSidebar();
      }),
  });
}

/** Shows the open article again as the main side has it now, its tags in the list too. */
async function reloadOpenArticle(id: number): Promise<void> {
  const article = await api.getArticle(id);
  update((s) => ({ articles: { ...s.articles, open: article } }));
  if (article) patchItem(article.id, { tags: article.tags });
}

export async function tagOpenArticle(name: string): Promise<void> {
  const open = getState().articles.open;
  if (!open || !name.trim()) return;
  await attempt(() => api.tagArticle(open.id, name));
  await reloadSidebar();
  await reloadOpenArticle(open.id);
}

export async function untagOpenArticle(tagId: TagId): Promise<void> {
  const open = getState().articles.open;
  if (!open) return;
  await attempt(() => api.untagArticle(open.id, tagId));
  await reloadSidebar();
  await reloadOpenArticle(open.id);
}
